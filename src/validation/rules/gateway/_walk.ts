import { CelContext, CompiledRule, compileRule, evaluateMessage, skipReason } from './_cel';
import { CrdRule, SchemaNode } from './_crd-types';
import { renderValue } from '../../../core/problems';
import { IpAddress } from '../../../net/ip';
import { Reporter, hasOwn, isMap } from '../_engine';

/**
 * What the API server does with a custom resource before it is stored, in its order: nulls of
 * non-nullable fields dropped, schema defaults applied, then the OpenAPI validation (structure,
 * strict decoding, enums, limits, patterns, list uniqueness) and the CEL rules of every node
 * (each with `self` bound to the value at its node, after defaulting, integers as CEL ints).
 *
 * The walk reports each finding once, at the path the API server writes. As the API server
 * does, the CEL rules are evaluated only when the OpenAPI validation found no blocking error: a
 * wrong type, a missing required field, a value not in the enum, or a string, list or map over
 * its maximum (the server then answers that some rules were not checked); so a CEL rule that
 * repeats an enum or a limit is not reported twice.
 */
export class SchemaWalk {
  /** Blocking errors found so far: while there are some, the CEL rules are not evaluated. */
  private blocking = 0;
  /** The CEL rules to evaluate once the walk is done: the rule indexes of a node, `self`, path. */
  private readonly pending: [readonly number[], unknown, string][] = [];

  public constructor(private readonly r: Reporter, private readonly rules: readonly CrdRule[]) {}

  /**
   * Walks `value` (already defaulted) at `path` against `node`. Returns the value as CEL sees it:
   * known fields only, integers as bigint.
   */
  public walk(value: unknown, node: SchemaNode, path: string): unknown {
    const cel = this.check(value, node, path);
    if ((node.one !== undefined || node.any !== undefined || node.not !== undefined) && value !== null && value !== undefined) {
      this.alternatives(value, node, path);
    }
    if (node.v !== undefined) {
      this.pending.push([node.v, cel, path]);
    }
    return cel;
  }

  /** Counts a blocking error found outside the walk (a required field of the object). */
  public block(): void {
    this.blocking++;
  }

  /** Evaluates the CEL rules of the nodes walked, unless a blocking error was found. */
  public finish(): void {
    if (this.blocking === 0) {
      const context = new CelContext();
      for (const [indexes, self, path] of this.pending) {
        for (const i of indexes) {
          this.evaluate(i, self, path, context);
        }
      }
    }
    this.pending.length = 0;
  }

  private check(value: unknown, node: SchemaNode, path: string): unknown {
    if (value === null) {
      return null; // nullable (others were dropped by defaulting)
    }
    if (node.u === true && node.t === undefined) {
      return value;
    }
    if (node.o === true) {
      if (typeof value === 'string') {
        return this.string(value, node, path);
      }
      if (typeof value === 'number' && Number.isInteger(value)) {
        return this.number(value, node, path, true);
      }
      return this.wrongType(value, 'an integer or a string', path);
    }
    switch (node.t) {
      case 'string':
        return typeof value === 'string' ? this.string(value, node, path) : this.wrongType(value, 'a string', path);
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value) ? this.number(value, node, path, true) : this.wrongType(value, 'an integer', path);
      case 'number':
        return typeof value === 'number' ? this.number(value, node, path, false) : this.wrongType(value, 'a number', path);
      case 'boolean':
        return typeof value === 'boolean' ? this.enumCheck(value, node, path) : this.wrongType(value, 'a boolean', path);
      case 'array':
        return Array.isArray(value) ? this.array(value, node, path) : this.wrongType(value, 'a list', path);
      case 'object':
        return isMap(value) ? this.object(value, node, path) : this.wrongType(value, 'a map', path);
      default:
        return value;
    }
  }

  /**
   * The `oneOf`, `anyOf` and `not` of a node (GW009). Checked only when every alternative uses
   * constraints this walk evaluates (see `satisfies`): one it does not know could make a value
   * satisfy an alternative it seems to fail, and the check would be stricter than the server.
   */
  private alternatives(value: unknown, node: SchemaNode, path: string): void {
    const parts = [...(node.one ?? []), ...(node.any ?? []), ...(node.not !== undefined ? [node.not] : [])];
    if (!parts.every(evaluable)) {
      return;
    }
    if (node.one !== undefined) {
      const met = node.one.filter((alt) => satisfies(value, alt));
      if (met.length !== 1) {
        const why = met.length === 0 ? `satisfies none of them (${node.one.map((alt, i) => `alternative ${i + 1}: ${unmet(value, alt)}`).join('; ')})` : `satisfies ${met.length} of them`;
        this.r.report('GW009', path, value, `must satisfy exactly one of the ${node.one.length} alternatives of the CRD schema (oneOf), and ${why}`,
          'change the value so that it fits one alternative (see the field\'s reference)');
      }
    }
    if (node.any !== undefined && !node.any.some((alt) => satisfies(value, alt))) {
      this.r.report('GW009', path, value, `must satisfy one of the alternatives of the CRD schema (anyOf), and satisfies none (${node.any.map((alt, i) => `alternative ${i + 1}: ${unmet(value, alt)}`).join('; ')})`,
        'change the value so that it fits one alternative (see the field\'s reference)');
    }
    if (node.not !== undefined && satisfies(value, node.not)) {
      this.r.report('GW009', path, value, 'must not satisfy the schema the CRD excludes (not)', 'change the value (see the field\'s reference)');
    }
  }

  private wrongType(value: unknown, expected: string, path: string): unknown {
    this.blocking++;
    this.r.report('GW002', path, value, `must be ${expected}, not ${describeType(value)}`, `write ${expected} here`);
    return undefined;
  }

  private enumCheck<T>(value: T, node: SchemaNode, path: string): T {
    if (node.e !== undefined && !node.e.includes(value)) {
      this.blocking++;
      this.r.report('GW004', path, value, `is not one of the supported values: ${node.e.map((e) => renderValue(e)).join(', ')}`,
        `use one of ${node.e.map((e) => renderValue(e)).join(', ')} (the values are case-sensitive)`);
    }
    return value;
  }

  private string(value: string, node: SchemaNode, path: string): string {
    this.enumCheck(value, node, path);
    const length = node.maxL !== undefined || node.minL !== undefined ? codePoints(value) : 0;
    if (node.maxL !== undefined && length > node.maxL) {
      this.blocking++;
      this.r.report('GW005', path, value, `may not be longer than ${node.maxL} characters (it has ${length})`, `shorten it to at most ${node.maxL} characters`);
    }
    if (node.minL !== undefined && length < node.minL) {
      this.r.report('GW005', path, value, node.minL === 1 ? 'may not be empty' : `must be at least ${node.minL} characters long (it has ${length})`,
        node.minL === 1 ? 'give a value, or leave the field out' : `lengthen it to at least ${node.minL} characters`);
    }
    if (node.x !== undefined && !patternOf(node.x).test(value)) {
      this.r.report('GW006', path, value, `does not match the pattern ${node.x}`, 'write a value that matches the pattern (see the field\'s reference)');
    }
    return value;
  }

  private number(value: number, node: SchemaNode, path: string, integer: boolean): number | bigint {
    this.enumCheck(value, node, path);
    if (node.max !== undefined && value > node.max) {
      this.r.report('GW005', path, value, `must be less than or equal to ${node.max}`, `use a value from ${node.min ?? '-'} to ${node.max}`);
    }
    if (node.min !== undefined && value < node.min) {
      this.r.report('GW005', path, value, `must be greater than or equal to ${node.min}`, `use a value from ${node.min} to ${node.max ?? '-'}`);
    }
    return integer ? BigInt(value) : value;
  }

  private array(value: unknown[], node: SchemaNode, path: string): unknown[] {
    if (node.maxI !== undefined && value.length > node.maxI) {
      this.blocking++;
      this.r.report('GW005', path, value, `must have at most ${node.maxI} items (it has ${value.length})`, `keep at most ${node.maxI} items (split the object if it needs more)`);
    }
    if (node.minI !== undefined && value.length < node.minI) {
      this.r.report('GW005', path, value, `must have at least ${node.minI} item${node.minI === 1 ? '' : 's'}`, node.minI === 1 ? 'add an item, or leave the field out' : `add items up to ${node.minI}`);
    }
    const out: unknown[] = [];
    const item = node.i;
    for (let i = 0; i < value.length; i++) {
      out.push(item === undefined ? value[i] : this.walk(value[i], item, `${path}[${i}]`));
    }
    if (node.lt === 'set') {
      this.unique(value, path, (x) => JSON.stringify(x), 'a set');
    } else if (node.lt === 'map' && node.lk !== undefined) {
      const keys = node.lk;
      this.unique(value, path, (x) => (isMap(x) ? JSON.stringify(keys.map((k) => x[k] ?? null)) : undefined),
        `a list keyed by ${keys.map((k) => `\`${k}\``).join(' and ')}`, keys);
    }
    return out;
  }

  private unique(value: unknown[], path: string, keyOf: (x: unknown) => string | undefined, what: string, keys?: readonly string[]): void {
    const seen = new Map<string, number>();
    for (let i = 0; i < value.length; i++) {
      const key = keyOf(value[i]);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first !== undefined) {
        const v = value[i];
        const shown = keys !== undefined && isMap(v) ? keys.map((k) => `${k}: ${renderValue(v[k])}`).join(', ') : renderValue(v);
        this.r.report('GW007', `${path}[${i}]`, value[i], `duplicates ${path}[${first}] (${shown}) in ${what}`,
          keys !== undefined ? `give each item its own ${keys.join('/')}, or merge the two` : 'remove the duplicate');
      } else {
        seen.set(key, i);
      }
    }
  }

  private object(value: Record<string, unknown>, node: SchemaNode, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const props = node.p;
    const prefix = path === '' ? '' : `${path}.`;
    for (const key of Object.keys(value)) {
      const child = props !== undefined && hasOwn(props, key) ? props[key] : undefined;
      if (child !== undefined) {
        if (value[key] !== undefined) {
          out[key] = this.walk(value[key], child, prefix + key);
        }
      } else if (node.a !== undefined) {
        out[key] = node.a === true ? value[key] : this.walk(value[key], node.a, `${path}[${key}]`);
      } else if (node.u === true) {
        out[key] = value[key];
      } else {
        this.r.report('GW001', prefix + key, value[key], `is not a field of ${path === '' ? 'the object' : `\`${path}\``} (strict field validation rejects unknown fields)`,
          props === undefined ? 'remove it' : `remove it, or use one of ${Object.keys(props).map((k) => `\`${k}\``).join(', ')}`);
      }
    }
    for (const key of node.r ?? []) {
      if (value[key] === undefined) {
        this.blocking++;
        this.r.report('GW003', prefix + key, undefined, 'is required', `set \`${prefix + key}\``);
      }
    }
    const count = Object.keys(value).length;
    if (node.maxP !== undefined && count > node.maxP) {
      this.blocking++;
      this.r.report('GW005', path, value, `must have at most ${node.maxP} entries (it has ${count})`, `keep at most ${node.maxP} entries`);
    }
    if (node.minP !== undefined && count < node.minP) {
      this.r.report('GW005', path, value, `must have at least ${node.minP} entries`, `add entries up to ${node.minP}`);
    }
    return out;
  }

  private evaluate(index: number, self: unknown, path: string, context: CelContext): void {
    const rule = this.rules[index];
    const compiled = compiledOf(rule);
    if (compiled === null) {
      return;
    }
    const result = compiled(self, context);
    if (result === true) {
      return;
    }
    // fieldPath is relative to the node (`.spec.x`, `[0]`); none of the Gateway API rules sets it today.
    const field = rule.fieldPath === undefined ? path : path === '' ? rule.fieldPath.replace(/^\./, '') : `${path}${rule.fieldPath}`;
    const shown = self === undefined ? undefined : plain(self);
    if (result === false) {
      const message = (rule.messageExpression !== undefined ? evaluateMessage(rule.messageExpression, self) : undefined) ?? rule.message;
      this.r.report('GW008', field === '' ? '(object)' : field, shown, celMessage(message || `failed rule: ${oneLine(rule.rule)}`),
        `change the value so that the CRD rule holds: ${oneLine(rule.rule)}`);
    } else {
      this.r.report('GW008', field === '' ? '(object)' : field, shown, `the rule cannot be evaluated (${result}), which the API server rejects too`,
        `make the value such that the CRD rule can be evaluated: ${oneLine(rule.rule)}`);
    }
  }
}

const COMPILED = new WeakMap<CrdRule, CompiledRule | null>();

/**
 * A rule compiled, or null when it is not evaluated in a manifest check (see `skipReason`):
 * looked up once per rule, not by its text at every evaluation.
 */
function compiledOf(rule: CrdRule): CompiledRule | null {
  let compiled = COMPILED.get(rule);
  if (compiled === undefined) {
    compiled = skipReason(rule) !== undefined ? null : compileRule(rule.rule, rule.ast);
    COMPILED.set(rule, compiled);
  }
  return compiled;
}

/** A CRD message in the checker's style: first letter lower case (unless an acronym), no final period. */
export function celMessage(message: string): string {
  let m = message.trim().replace(/\.$/, '');
  if (/^[A-Z][a-z]/.test(m)) {
    m = m[0].toLowerCase() + m.slice(1);
  }
  return m;
}

function oneLine(rule: string): string {
  const s = rule.replace(/\s+/g, ' ').trim();
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

/** A CEL view turned back into JSON values (bigint to number), for the finding's value. */
function plain(x: unknown): unknown {
  if (typeof x === 'bigint') return Number(x);
  if (Array.isArray(x)) return x.map(plain);
  if (isMap(x)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) out[k] = plain(x[k]);
    return out;
  }
  return x;
}

/** The length of `s` in Unicode code points, as the API server counts a string's length. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--; // a surrogate pair is one code point
        i++;
      }
    }
  }
  return n;
}

function describeType(x: unknown): string {
  if (Array.isArray(x)) return 'a list';
  if (isMap(x)) return 'a map';
  if (typeof x === 'number') return Number.isInteger(x) ? 'an integer' : 'a number';
  return `a ${typeof x}`;
}

/**
 * The string formats of the alternatives the walk evaluates, as the API server's OpenAPI
 * validation reads them: `ipv4` is text its IP parser reads (octets with leading zeros
 * included) written with dots, `ipv6` one written with colons.
 */
const FORMATS: Record<string, (s: string) => boolean> = {
  ipv4: (s) => IpAddress.isLooseIp(s) && s.includes('.'),
  ipv6: (s) => IpAddress.isLooseIp(s) && s.includes(':'),
};

/** The keys of a schema node `satisfies` evaluates. */
const EVALUATED = new Set(['t', 'e', 'f', 'x', 'p', 'r', 'i', 'one', 'any', 'not']);

/** Whether `satisfies` evaluates every constraint of `node` and of the nodes in it. */
function evaluable(node: SchemaNode): boolean {
  for (const key of Object.keys(node)) {
    if (!EVALUATED.has(key) || (key === 'f' && !hasOwn(FORMATS, node.f!))) {
      return false;
    }
  }
  return Object.values(node.p ?? {}).every(evaluable) && (node.i === undefined || evaluable(node.i))
    && [...(node.one ?? []), ...(node.any ?? [])].every(evaluable) && (node.not === undefined || evaluable(node.not));
}

/** Whether `value` satisfies `node` (an alternative of a oneOf, anyOf or not; see `evaluable`). */
function satisfies(value: unknown, node: SchemaNode): boolean {
  return unmet(value, node) === undefined;
}

/** The first constraint of `node` that `value` does not satisfy, in words, or undefined when it satisfies them all. */
function unmet(value: unknown, node: SchemaNode): string | undefined {
  if (node.t !== undefined && !hasType(value, node.t)) {
    return `is not ${node.t === 'array' ? 'a list' : node.t === 'object' ? 'a map' : `a ${node.t}`}`;
  }
  if (node.e !== undefined && !node.e.includes(value)) {
    return `is not ${node.e.map((e) => renderValue(e)).join(' or ')}`;
  }
  if (node.f !== undefined && typeof value === 'string' && hasOwn(FORMATS, node.f) && !FORMATS[node.f](value)) {
    return `is not an ${node.f === 'ipv4' ? 'IPv4' : 'IPv6'} address (format ${node.f})`;
  }
  if (node.x !== undefined && typeof value === 'string' && !patternOf(node.x).test(value)) {
    return `does not match ${node.x}`;
  }
  if (isMap(value)) {
    for (const key of node.r ?? []) {
      if (value[key] === undefined) {
        return `has no \`${key}\``;
      }
    }
    for (const [key, child] of Object.entries(node.p ?? {})) {
      if (value[key] !== undefined && value[key] !== null) {
        const inner = unmet(value[key], child);
        if (inner !== undefined) {
          return `\`${key}\` ${inner}`;
        }
      }
    }
  }
  if (Array.isArray(value) && node.i !== undefined) {
    const i = value.findIndex((v) => !satisfies(v, node.i!));
    if (i >= 0) {
      return `item ${i} ${unmet(value[i], node.i)}`;
    }
  }
  if (node.one !== undefined && node.one.filter((alt) => satisfies(value, alt)).length !== 1) {
    return 'does not satisfy exactly one of its alternatives';
  }
  if (node.any !== undefined && !node.any.some((alt) => satisfies(value, alt))) {
    return node.any.map((alt) => unmet(value, alt)).join(' and ');
  }
  if (node.not !== undefined && satisfies(value, node.not)) {
    const inner = node.not.e !== undefined && Object.keys(node.not).length === 1 ? `is ${node.not.e.map((e) => renderValue(e)).join(' or ')}` : 'satisfies what is excluded';
    return inner;
  }
  return undefined;
}

function hasType(value: unknown, type: NonNullable<SchemaNode['t']>): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    default: return isMap(value);
  }
}

const PATTERNS = new Map<string, RegExp>();

/**
 * A schema pattern as a JavaScript regular expression. The API server matches with Go's RE2;
 * the patterns of the Gateway API CRDs use only syntax both read alike (a test compiles each).
 */
export function patternOf(pattern: string): RegExp {
  let re = PATTERNS.get(pattern);
  if (re === undefined) {
    re = new RegExp(pattern, 'u');
    PATTERNS.set(pattern, re);
  }
  return re;
}

/**
 * A copy of `value` with the schema's defaults applied, as the API server applies them before
 * validating: a missing field (or a null one that is not nullable) gets its default; defaults
 * inside defaults and inside list items are applied too. Values of the wrong type are kept as
 * they are, for the walk to report.
 */
export function applyDefaults(value: unknown, node: SchemaNode): unknown {
  if (Array.isArray(value)) {
    const item = node.i;
    return item === undefined || node.t !== 'array' ? value : value.map((v) => applyDefaults(v, item));
  }
  if (!isMap(value) || node.t !== 'object') {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    const child = (node.p !== undefined && hasOwn(node.p, key) ? node.p[key] : undefined)
      ?? (node.a !== undefined && node.a !== true ? node.a : undefined);
    if (v === null && child !== undefined && child.n !== true) {
      continue; // the API server drops nulls of non-nullable fields before defaulting
    }
    out[key] = child === undefined ? v : applyDefaults(v, child);
  }
  if (node.p !== undefined) {
    for (const key of Object.keys(node.p)) {
      const child = node.p[key];
      if (out[key] === undefined && child.d !== undefined) {
        out[key] = typeof child.d === 'object' && child.d !== null ? applyDefaults(structuredClone(child.d), child) : child.d;
      }
    }
  }
  return out;
}
