import { IConstruct } from 'constructs';
import { ValidationError, ValidationProblem } from './validation-error';

const MAX_RENDERED = 120;

/**
 * Renders a received value for an error message: strings in single quotes, numbers as they
 * are, anything else as (truncated) JSON.
 */
export function renderValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = `'${value}'`;
  } else if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    text = String(value);
  } else if (value === undefined) {
    text = 'nothing';
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_RENDERED ? `${text.slice(0, MAX_RENDERED - 3)}...` : text;
}

/**
 * Collects the problems of one construct or value so that all of them are reported at once.
 */
export class Problems {
  private readonly found: ValidationProblem[] = [];

  /**
   * @param path the construct path (or manifest locator) every problem is reported under
   */
  private resolvedPath?: string;

  /**
   * @param where the path of the problems, or the construct whose path it is (read only when a
   * problem is found: most constructs have none)
   */
  public constructor(private readonly where: string | IConstruct) {}

  /** The construct path the problems are reported under. */
  public get path(): string {
    if (this.resolvedPath === undefined) {
      this.resolvedPath = typeof this.where === 'string' ? this.where : this.where.node.path;
    }
    return this.resolvedPath;
  }

  /** Records a problem. `value` is rendered with `renderValue`; pass `undefined` for a missing field. */
  public add(field: string, value: unknown, message: string, fix?: string): void {
    this.found.push({
      path: this.path,
      field,
      value: value === undefined ? undefined : renderValue(value),
      message,
      fix,
    });
  }

  /** Records one problem per message (as returned by the `*Errors` rule functions). */
  public addEach(field: string, value: unknown, messages: readonly string[], fix?: string): void {
    for (const message of messages) {
      this.add(field, value, message, fix);
    }
  }

  /** Records problems found elsewhere (for example by a value type), re-rooted under `field`. */
  public addNested(field: string, problems: readonly ValidationProblem[]): void {
    for (const p of problems) {
      this.found.push({ ...p, path: this.path, field: p.field ? `${field}.${p.field}` : field });
    }
  }

  /** Whether nothing was found. */
  /**
   * Adds problems found under another path (such as a scratch collector's) as problems of this
   * path, with their fields unchanged.
   */
  public adopt(problems: readonly ValidationProblem[]): void {
    for (const p of problems) {
      this.found.push({ ...p, path: this.path });
    }
  }

  public get empty(): boolean {
    return this.found.length === 0;
  }

  /** A copy of the problems found. */
  public get items(): ValidationProblem[] {
    return [...this.found];
  }

  /** The problems as `[path] message` strings, the form cdk8s' `node.addValidation` expects. */
  public toMessages(): string[] {
    return this.found.map((p) => ValidationError.formatProblem({ ...p, path: '' }));
  }

  /** Throws a `ValidationError` with every problem found, if there is any. */
  public throwIfAny(): void {
    if (this.found.length > 0) {
      throw new ValidationError(this.found);
    }
  }
}
