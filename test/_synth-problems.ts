import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ValidationError, ValidationProblem } from '../src';
import { lastSafetyNetProblems } from '../src/validation/safety-net';

const HEADER = 'Validation failed with the following errors:';

/**
 * Runs a synth (`fn`) that must fail cdk8s's validation, and returns the error lines cdk8s
 * listed (each `[construct path] error`). Fails if `fn` throws anything else, or nothing.
 */
export function validationErrorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e: any) {
    const message = String(e?.message ?? '');
    if (!message.startsWith(HEADER)) {
      throw e;
    }
    return message.slice(HEADER.length).split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  }
  throw new Error('expected the validation to fail');
}

/**
 * Runs a synth (`fn`) that must fail cdk8s's validation, and returns the problems the safety
 * net of `scope`'s app found in it, with their paths, fields and values.
 */
export function netProblemsOf(scope: IConstruct, fn: () => unknown): ValidationProblem[] {
  validationErrorsOf(fn);
  return lastSafetyNetProblems(scope);
}

/**
 * `Testing.synth(chart)`, with the safety net's problems thrown as one `ValidationError` when
 * they fail the validation, as the tests that build generated apps expect.
 */
export function synthOrNetError(chart: Chart): any[] {
  try {
    return Testing.synth(chart);
  } catch (e: any) {
    const problems = String(e?.message ?? '').startsWith(HEADER) ? lastSafetyNetProblems(chart) : [];
    if (problems.length === 0) {
      throw e;
    }
    throw new ValidationError(problems);
  }
}
