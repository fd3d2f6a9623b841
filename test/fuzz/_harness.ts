// Shared harness of the property-based tests: every generated case must either synthesize
// into manifests the checker accepts, or fail with a ValidationError whose problems say where.
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { ManifestChecker, Severity, ValidationError, ValidationProblem } from '../../src';
import { synthOrNetError } from '../_synth-problems';

/** The seed CI uses; set FUZZ_SEED to explore others. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? '20261121');

/** Cases per property; set FUZZ_RUNS for more (CI runs the default). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? '1000');

/** fast-check parameters: fixed seed, no shrinking time limit surprises. */
export function fuzzParams(runs: number = FUZZ_RUNS): fc.Parameters<any> {
  return { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true };
}

export type Outcome =
  | { readonly ok: true; readonly manifests: any[] }
  | { readonly ok: false; readonly problems: ValidationProblem[] };

/**
 * Builds a chart with `build` and synthesizes it. Returns the manifests, or the problems of the
 * ValidationError thrown. Anything else thrown (a TypeError, a RangeError, a plain Error) fails
 * the property with the error itself.
 */
export function attempt(build: (chart: Chart) => void, namespace?: string): Outcome {
  const app = Testing.app();
  const chart = new Chart(app, 'fuzz', { namespace });
  try {
    build(chart);
    return { ok: true, manifests: synthOrNetError(chart) };
  } catch (e) {
    if (!ValidationError.isValidationError(e)) {
      throw new Error(`expected a ValidationError, got ${(e as any)?.name}: ${(e as any)?.message ?? e}`);
    }
    return { ok: false, problems: (e as ValidationError).problems };
  }
}

/**
 * Exactly one holds: the manifests pass the checker with no error finding, or the problems are
 * well formed (a path, a field, a message each). Returns the outcome for further assertions.
 */
export function expectValidOrExplained(outcome: Outcome): Outcome {
  if (outcome.ok) {
    const errors = ManifestChecker.check(outcome.manifests).filter((f) => f.severity === Severity.ERROR);
    if (errors.length > 0) {
      throw new Error(`synthesized manifests the checker rejects:\n${errors.map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.field}: ${f.message}`).join('\n')}`);
    }
  } else {
    expect(outcome.problems.length).toBeGreaterThan(0);
    for (const p of outcome.problems) {
      expect(typeof p.path).toBe('string');
      expect(p.path.length).toBeGreaterThan(0);
      expect(typeof p.field).toBe('string');
      expect(p.field.length).toBeGreaterThan(0);
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
  return outcome;
}

/** Counts outcomes, so that a property can show it explored both valid and invalid cases. */
export class Tally {
  public valid = 0;
  public invalid = 0;

  public record(outcome: Outcome): Outcome {
    if (outcome.ok) {
      this.valid++;
    } else {
      this.invalid++;
    }
    return outcome;
  }

  /** Both kinds of case were generated: the property was not vacuous. */
  public expectBoth(): void {
    expect(this.valid).toBeGreaterThan(0);
    expect(this.invalid).toBeGreaterThan(0);
  }
}

/** Whether some problem is about `field` (the field itself or something inside it). */
export function names(outcome: Outcome, field: string): boolean {
  if (outcome.ok) {
    return false;
  }
  return outcome.problems.some((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`));
}

/** Strings from plausible to hostile: names, unicode, empty, 300 characters, separators. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', 'a'.repeat(300), 'Upper', 'under_score', '1digit', '-dash', 'dash-', 'a..b', 'ok',
    'https://db.example.com', 'db.example.com:5432', 'db.example.com/path', '10.0.0.1', '*.example.com', 'ümlaut', '名前'),
);

/** Numbers from plausible to hostile: negative, zero, out of range, fractional, NaN, infinite. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.integer({ min: -100000, max: 200000 }),
  fc.double({ noDefaultInfinity: false }),
  fc.constantFrom(0, -1, 65536, 0.5, NaN, Infinity, -Infinity, 86401, 1e21),
);

/** IP addresses from valid to hostile, both families. */
export const anyAddress: fc.Arbitrary<string> = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('127.0.0.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', '224.0.0.1', '::ffff:10.0.0.1', '010.0.0.1', '10.0.0.1/32'),
  hostileString,
);

/** A valid private IPv4 address distinct for each i. */
export function ipv4(i: number): string {
  return `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}`;
}

/** A valid IPv6 documentation address distinct for each i. */
export function ipv6(i: number): string {
  return `2001:db8::${(i + 1).toString(16)}`;
}
