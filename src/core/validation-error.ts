import * as path from 'path';

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
   * The summary and the problems, then the frames of the caller's code that led to the error
   * (frames inside this library, its dependencies and Node.js are left out: they do not help
   * to fix the input).
   */
  public readonly stack: string;

  /**
   * @param problems the problems found; at least one
   */
  public constructor(problems: ValidationProblem[]) {
    const lines = problems.map((p) => `  - ${ValidationError.formatProblem(p)}`);
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    this.name = 'ValidationError';
    this.message = `validation failed with ${count}:\n${lines.join('\n')}`;
    // Not an own enumerable property: Node's error printing would dump the list a second time.
    Object.defineProperty(this, PROBLEMS, { value: Object.freeze([...problems]) });
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, ValidationError);
    const frames = (holder.stack ?? '').split('\n').slice(1).filter(isCallerFrame);
    this.stack = [`${this.name}: ${this.message}`, ...frames].join('\n');
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
  }

  /**
   * The problems, in the order they were found.
   */
  public get problems(): ValidationProblem[] {
    return [...(this as any)[PROBLEMS]];
  }

  /**
   * The summary and the problems, as in `message`.
   */
  public toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

const VALIDATION_ERROR_SYMBOL = Symbol.for('cdk8s-service-patterns.ValidationError');
const PROBLEMS = Symbol('problems');

// The folders of this library's code: `lib/` when installed, `src/` under ts-node, jest or
// source maps (which map `lib/*.js` frames to `src/*.ts`, files the package does not ship).
const LIBRARY_DIRS = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..', 'src')];

/** Whether a stack frame line points into the caller's code (not this library, a dependency or Node.js). */
function isCallerFrame(line: string): boolean {
  const m = /^\s*at (?:.*\((.*)\)|(.*))$/.exec(line);
  if (!m) {
    return false;
  }
  const location = (m[1] ?? m[2] ?? '').replace(/^file:\/\//, '');
  // Only frames in a file (`/app/main.ts:5:1`); not `node:internal/...`, `native` or `index 0`.
  if (!/:\d+:\d+$/.test(location) || location.startsWith('node:')) {
    return false;
  }
  if (/[\\/]node_modules[\\/]/.test(location)) {
    return false;
  }
  return !LIBRARY_DIRS.some((dir) => location.startsWith(dir + path.sep));
}

// A ValidationError is an Error for JavaScript callers (instanceof, stack, test matchers).
Object.setPrototypeOf(ValidationError.prototype, Error.prototype);

// util.inspect (console.log, Node's report of an uncaught error, test runners) shows the
// summary, the problems once and the caller's frames: the `stack`, not the object's fields.
Object.defineProperty(ValidationError.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value: function inspect(this: ValidationError): string {
    return this.stack;
  },
});
