import { ValidationError, ValidationProblem } from '../src';

/**
 * Runs `fn` and returns the problems of the ValidationError it throws. Fails if it throws
 * anything else, or nothing.
 */
export function problemsOf(fn: () => unknown): ValidationProblem[] {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isValidationError(e)) {
      return (e as ValidationError).problems;
    }
    throw e;
  }
  throw new Error('expected a ValidationError');
}
