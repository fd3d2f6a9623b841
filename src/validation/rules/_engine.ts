import { renderValue } from '../_problems';
import { Finding } from '../finding';
import { CATALOGUE } from './_catalogue';
import { KubeName } from '../../net/names';

/** The settings every rule may read. */
export interface RuleSettings {
  /** The lowest node port. */
  readonly nodePortMin: number;
  /** The highest node port. */
  readonly nodePortMax: number;
}

/**
 * Records the findings about one object. Rules call `report` with the rule id, the field path
 * as the API server writes it, the value found, the message and the fix.
 */
export class Reporter {
  public constructor(
    private readonly out: Finding[],
    private readonly skip: ReadonlySet<string>,
    public readonly index: number,
    public readonly obj: any,
  ) {}

  /** Records a finding; `value` undefined means the field is missing. */
  public report(ruleId: string, field: string, value: unknown, message: string, fix?: string): void {
    if (this.skip.has(ruleId)) {
      return;
    }
    const rule = own(CATALOGUE, ruleId);
    if (!rule) {
      throw new Error(`internal error: rule ${ruleId} is not in the catalogue`);
    }
    const meta = isMap(this.obj) && isMap(this.obj.metadata) ? this.obj.metadata : {};
    this.out.push({
      ruleId,
      severity: rule.severity,
      manifestIndex: this.index,
      apiVersion: str(isMap(this.obj) ? this.obj.apiVersion : undefined),
      kind: str(isMap(this.obj) ? this.obj.kind : undefined),
      name: str(meta.name),
      namespace: str(meta.namespace),
      field,
      value: value === undefined ? undefined : renderValue(value),
      message,
      fix,
      docsUrl: rule.docsUrl,
    });
  }
}

/** Whether `x` is a plain map (not null, not a list). */
export function isMap(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `x` when it is a string, else undefined. */
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** `x` when it is a list, else an empty list. */
export function list(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

/** `x` when it is a map, else an empty map. */
export function map(x: unknown): Record<string, any> {
  return isMap(x) ? x : {};
}

/** Whether a value is absent as Kubernetes sees it (missing, null or the empty string). */
export function absent(x: unknown): boolean {
  return x === undefined || x === null || x === '';
}

/** The namespace key of an object for cross-object matching: objects without one share ''. */
export function namespaceOf(obj: any): string {
  return str(map(map(obj).metadata).namespace) ?? '';
}

/** The name of an object, or ''. */
export function nameOf(obj: any): string {
  return str(map(map(obj).metadata).name) ?? '';
}

/** Formats a list of literals for a message: 'a', 'b' or 'c'. */
export function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** `table[key]` when `key` is the table's own key (never an inherited member such as 'constructor'). */
export function own<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const KEY_ERRORS = new Map<string, string[]>();
const KEY_CACHE_LIMIT = 10000;

/**
 * `KubeName.qualifiedNameErrors` for label, annotation and selector keys. Manifests repeat the
 * same few keys on every object, so the answers are kept (up to a bound).
 */
export function keyErrors(key: string): string[] {
  let errors = KEY_ERRORS.get(key);
  if (errors === undefined) {
    errors = KubeName.qualifiedNameErrors(key);
    if (KEY_ERRORS.size < KEY_CACHE_LIMIT) {
      KEY_ERRORS.set(key, errors);
    }
  }
  return errors;
}
