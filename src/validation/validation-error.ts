/**
 * One problem found in the input of a construct or in a manifest.
 */
export interface ValidationProblem {
  /**
   * Where the problem is: the construct path (`MyChart/Orders`) or, for a manifest,
   * `<Kind> <namespace>/<name>`.
   */
  readonly path: string;

  /**
   * The prop or manifest field at fault, as a dotted path: `addresses[2]`, `spec.ports[0].port`.
   */
  readonly field: string;

  /**
   * The value received, rendered as text.
   *
   * @default - the field was missing
   */
  readonly value?: string;

  /**
   * What is wrong, in lower case, without the field name: `must be between 1 and 65535`.
   */
  readonly message: string;

  /**
   * How to fix it.
   *
   * @default - the message says it
   */
  readonly fix?: string;
}

/**
 * Thrown when the input of a construct, a value type or a set of manifests is invalid.
 *
 * Lists every problem found at once, each with its path, field, the value received and how
 * to fix it. It is an `Error` (`instanceof Error` holds, and it has a `stack`); the class
 * does not declare `extends Error` only because jsii cannot express that for other languages.
 */
export class ValidationError {
  /**
   * Renders one problem as a single line: `[path] `field` message, got 'value': fix`.
   */
  public static formatProblem(problem: ValidationProblem): string {
    const where = problem.path ? `[${problem.path}] ` : '';
    const got = problem.value === undefined ? '' : `, got ${problem.value}`;
    const fix = problem.fix ? `: ${problem.fix}` : '';
    // A message may end in a suggestion ("...; did you mean 'x'?"): the value goes before it.
    const m = /^([\s\S]*?)(; did you mean '[^']*'\?)$/.exec(problem.message);
    const [message, suggestion] = m ? [m[1], m[2]] : [problem.message, ''];
    return `${where}\`${problem.field}\` ${message}${got}${suggestion}${fix}`;
  }

  /**
   * Whether `x` is a `ValidationError` (also across copies of this library).
   */
  public static isValidationError(x: any): boolean {
    return x !== null && typeof x === 'object' && (x as any)[VALIDATION_ERROR_SYMBOL] === true;
  }

  /**
   * Always 'ValidationError'.
   */
  public readonly name: string;

  /**
   * Every problem, one a line, after a summary line.
   */
  public readonly message: string;

  /**
   * The stack trace where the error was created.
   */
  public readonly stack: string;

  /**
   * The problems, in the order they were found.
   */
  public readonly problems: ValidationProblem[];

  /**
   * @param problems the problems found; at least one
   */
  public constructor(problems: ValidationProblem[]) {
    const lines = problems.map((p) => `  - ${ValidationError.formatProblem(p)}`);
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    this.name = 'ValidationError';
    this.message = `validation failed with ${count}:\n${lines.join('\n')}`;
    this.problems = [...problems];
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, ValidationError);
    this.stack = `${this.name}: ${this.message}\n${(holder.stack ?? '').split('\n').slice(1).join('\n')}`;
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
  }

  /**
   * The summary and the problems, as in `message`.
   */
  public toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

const VALIDATION_ERROR_SYMBOL = Symbol.for('cdk8s-service-patterns.ValidationError');

// A ValidationError is an Error for JavaScript callers (instanceof, stack, test matchers).
Object.setPrototypeOf(ValidationError.prototype, Error.prototype);
