import { isIP, isIPv6 } from 'net';
import { CelScalar, celEnv, celFunc, celList, celMap, isCelError, isCelList, isCelMap, parse, plan } from '@bufbuild/cel';
import type { CelEnv } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import * as ipaddr from 'ipaddr.js';
import { readSyntaxTree } from './_cel-tree';
import { CrdRule } from './_crd-types';

/**
 * The CEL environment of the API server's CRD validation rules, as far as the Gateway API CRDs
 * use it: standard CEL (macros, `size`, `matches` with RE2 semantics, `startsWith`, `endsWith`,
 * `contains`), the strings extension (`split`, `substring`, `lowerAscii`, ...), and the
 * Kubernetes IP library's `isIP`.
 */
let ENV: CelEnv | undefined;

/** Kubernetes' `isIP(string)`: an IPv4 or IPv6 address, without zone, not IPv4-mapped, no leading zeros. */
export function kubernetesIsIP(s: string): boolean {
  if (isIP(s) === 0 || s.includes('%')) {
    return false; // net.isIP already refuses IPv4 octets with leading zeros, as netip.ParseAddr does
  }
  return !(isIPv6(s) && ipaddr.IPv6.parse(s).isIPv4MappedAddress());
}

function env(): CelEnv {
  if (ENV === undefined) {
    ENV = celEnv({
      funcs: [...strings, celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, (s: string) => kubernetesIsIP(s))],
    });
  }
  return ENV;
}

/**
 * What the evaluations of one object share: the CEL view of each of its values, converted once
 * (the library converts a plain object to a CEL map again at every access), and the memo key of
 * each. Its values must not change while it is in use (a walk's views do not).
 */
export class CelContext {
  public readonly values = new Map<object, unknown>();
  public readonly keys = new Map<object, string | null>();
  /**
   * The memo keys of the last value the rules were evaluated on, by what they read of it: the
   * rules of one node come one after another and often read the same parts (the path rules of
   * an HTTPRoute match read its type and value), so the key is made once for them.
   */
  public lastValue: unknown = undefined;
  public readonly lastKeys = new Map<Reads, string | null>();
}

/**
 * A compiled rule: evaluates with `self` bound; true, false, or the text of an evaluation error.
 * `context`, when given, holds the values' conversions to CEL for the evaluations of one object.
 */
export type CompiledRule = (self: unknown, context?: CelContext) => boolean | string;

/** Why a rule is not evaluated in a manifest check, or undefined when it is. */
export function skipReason(rule: CrdRule): string | undefined {
  if (/\boldSelf\b/.test(rule.rule)) {
    return 'a transition rule (oldSelf): a manifest has no old object';
  }
  return undefined;
}

let SHORTCUTS = true;

/** Turns the evaluation shortcuts on or off (a test compares the two); returns the previous setting. */
export function celShortcuts(on: boolean): boolean {
  const previous = SHORTCUTS;
  SHORTCUTS = on;
  return previous;
}

const COMPILED = new Map<string, CompiledRule>();

/** The most results kept per rule: past it the rule's memo starts again empty. */
const MEMO_SIZE = 4096;
/** The lookups after which a rule's memo is judged: it stays only if a quarter of them found a result. */
const MEMO_WINDOW = 128;
/** The longest memo key: a larger value is evaluated every time (its key would cost more than it saves). */
const MEMO_KEY_LENGTH = 512;

/**
 * Compiles a rule once per process (parse, or read the syntax tree `ast` generated with the CRD
 * data, and plan), then evaluates it in linear time per call. Throws when the rule does not
 * compile.
 *
 * A rule is a pure function of what it reads of `self` (no `oldSelf`, no time, no randomness in
 * the API server's CEL environment), so its result is kept per value of those parts (see
 * `readsOf`) when their text is short: a rule on a route's rules that reads only their matches
 * and filters is evaluated once for a thousand routes that differ only in their backends' names.
 * The key tells every CEL type apart (`1` the int, `1.0` the double, `"1"` the string) and keeps
 * the order of map entries, so two values with one key are the same CEL value for the rule.
 */
export function compileRule(source: string, ast?: string): CompiledRule {
  let compiled = COMPILED.get(source);
  if (compiled === undefined) {
    // the syntax tree generated with the CRD data (`CrdRule.ast`), read instead of parsed
    const tree = ast !== undefined ? readSyntaxTree(ast) : parse(source).expr;
    if (tree === undefined) {
      throw new Error(`the syntax tree of the rule has no expression: ${source}`);
    }
    const run = plan(env(), tree);
    const reads = sharedReads(readsOf(tree));
    const evaluate = (self: unknown, context?: CelContext): boolean | string => {
      const result = run({ self: (context === undefined ? self : celValueOf(self, context)) as any });
      if (isCelError(result)) {
        return result.message;
      }
      return result === true ? true : result === false ? false : `the rule evaluated to ${String(result)}, not a bool`;
    };
    const memo = new Map<string, boolean | string>();
    // A rule whose values seldom repeat (one host name per route) would pay for a key at every
    // evaluation and seldom find it: after each window of lookups with few hits, it stops keeping
    // results for good (results are the same either way).
    let memoize = true;
    let lookups = 0;
    let hits = 0;
    compiled = (self: unknown, context?: CelContext) => {
      if (!SHORTCUTS) {
        return evaluate(self);
      }
      const ctx = context ?? new CelContext();
      if (!memoize) {
        return evaluate(self, ctx);
      }
      const key = readKey(self, reads, ctx);
      if (key === null) {
        return evaluate(self, ctx);
      }
      let result = memo.get(key);
      if (++lookups === MEMO_WINDOW) {
        memoize = hits + (result !== undefined ? 1 : 0) >= MEMO_WINDOW / 4;
        if (!memoize) {
          memo.clear();
        }
        lookups = 0;
        hits = 0;
      } else if (result !== undefined) {
        hits++;
      }
      if (result === undefined) {
        result = evaluate(self, ctx);
        if (memo.size >= MEMO_SIZE) {
          memo.clear();
        }
        memo.set(key, result);
      }
      return result;
    };
    COMPILED.set(source, compiled);
  }
  return compiled;
}

/**
 * `x` as CEL values, lists and maps converted once per context (what the library's `toCel` does
 * at each access: a JS array to a list, a plain object to a map of its entries); other values
 * as they are.
 */
export function celValueOf(x: unknown, context: CelContext): unknown {
  if (typeof x !== 'object' || x === null) {
    return x;
  }
  const known = context.values.get(x);
  if (known !== undefined) {
    return known;
  }
  let out: unknown = x;
  if (Array.isArray(x)) {
    out = celList(x.map((v) => celValueOf(v, context)) as any[]);
  } else if (x.constructor?.name === 'Object' && !isCelMap(x) && !isCelList(x)) {
    out = celMap(new Map(Object.entries(x).map(([k, v]) => [k, celValueOf(v, context) as any])));
  }
  context.values.set(x, out);
  return out;
}

/** The memo key of `x` (its CEL value as text), or null when it is too long or of another type. */
function memoKey(x: unknown, context: CelContext): string | null {
  switch (typeof x) {
    case 'string': return x.length > MEMO_KEY_LENGTH ? null : JSON.stringify(x);
    case 'bigint': return `${x}i`;
    case 'number': return Object.is(x, -0) ? '-0.0d' : `${x}d`;
    case 'boolean': return x ? 'true' : 'false';
    case 'undefined': return 'undefined';
    case 'object': break;
    default: return null;
  }
  if (x === null) {
    return 'null';
  }
  const known = context.keys.get(x);
  if (known !== undefined) {
    return known;
  }
  let key: string | null = null;
  if (Array.isArray(x)) {
    key = joinKeys('[', x.map((v) => memoKey(v, context)), ']');
  } else if (x.constructor?.name === 'Object' && !isCelMap(x) && !isCelList(x)) {
    const entries = Object.entries(x);
    const values = entries.map(([, v]) => memoKey(v, context));
    key = joinKeys('{', entries.map(([k], i) => (values[i] === null ? null : `${JSON.stringify(k)}:${values[i]}`)), '}');
  }
  context.keys.set(x, key);
  return key;
}

function joinKeys(open: string, parts: (string | null)[], close: string): string | null {
  let length = 2;
  for (const p of parts) {
    if (p === null) return null;
    length += p.length + 1;
  }
  return length > MEMO_KEY_LENGTH ? null : `${open}${parts.join(',')}${close}`;
}

type Expr = ReturnType<typeof parse>['expr'];

/**
 * What a rule reads of a value (`self`, or a part of it): the whole value, or only some of it:
 * whether it is there (a node with nothing set), its size, some of its fields, its items (an
 * index, or a macro's iteration). A value's key for the rule is made of those parts only.
 */
export interface Reads {
  whole?: boolean;
  size?: boolean;
  fields?: Map<string, Reads>;
  items?: Reads;
}

/**
 * What a rule reads of `self`, from its syntax tree: a part of `self` reached by field selections,
 * constant indexes and macro iteration variables is followed; any other use of a part (an
 * operand of `==`, `in`, a function, a list, a result) reads it whole, and so does anything the
 * analysis does not know. Every part the rule could touch, on any branch, is in the result.
 */
export function readsOf(expr: Expr): Reads {
  const root: Reads = {};
  const scope = new Map<string, Reads>([['self', root]]);
  try {
    // the rule's result is the part it denotes, if it is one (`self.enabled`): read whole
    visitWhole(expr, scope);
  } catch {
    root.whole = true;
  }
  return root;
}

/** Records what `expr` reads; returns the part of `self` it denotes, if it is one. */
function visitReads(expr: Expr | undefined, scope: ReadonlyMap<string, Reads>): Reads | undefined {
  if (expr === undefined) {
    return undefined;
  }
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'constExpr':
      return undefined;
    case 'identExpr':
      return scope.get(kind.value.name);
    case 'selectExpr': {
      const operand = visitReads(kind.value.operand, scope);
      if (operand === undefined) {
        return undefined;
      }
      const fields = operand.fields ??= new Map();
      let child = fields.get(kind.value.field);
      if (child === undefined) {
        child = {};
        fields.set(kind.value.field, child);
      }
      // `has(x.f)` reads whether f is there, which every key of x's fields tells.
      return kind.value.testOnly ? undefined : child;
    }
    case 'callExpr': {
      const { target, function: name, args } = kind.value;
      if (name === '_[_]' && target === undefined && args.length === 2) {
        const operand = visitReads(args[0], scope);
        const index = args[1].exprKind;
        if (operand === undefined) {
          visitWhole(args[1], scope);
          return undefined;
        }
        if (index.case === 'constExpr' && (index.value.constantKind.case === 'int64Value' || index.value.constantKind.case === 'uint64Value')) {
          return operand.items ??= {};
        }
        operand.whole = true;
        visitWhole(args[1], scope);
        return undefined;
      }
      if (name === 'size' && (target !== undefined ? args.length === 0 : args.length === 1)) {
        const operand = visitReads(target ?? args[0], scope);
        if (operand !== undefined) {
          operand.size = true;
        }
        return undefined;
      }
      visitWhole(target, scope);
      args.forEach((a) => visitWhole(a, scope));
      return undefined;
    }
    case 'listExpr':
      kind.value.elements.forEach((e) => visitWhole(e, scope));
      return undefined;
    case 'structExpr':
      kind.value.entries.forEach((e) => {
        visitWhole(e.keyKind.case === 'mapKey' ? e.keyKind.value : undefined, scope);
        visitWhole(e.value, scope);
      });
      return undefined;
    case 'comprehensionExpr': {
      const c = kind.value;
      const range = visitReads(c.iterRange, scope);
      visitWhole(c.accuInit, scope);
      const inner = new Map(scope);
      inner.delete(c.accuVar);
      inner.delete(c.iterVar);
      if (range !== undefined) {
        if (c.iterVar2 !== '') {
          range.whole = true;
        } else {
          inner.set(c.iterVar, range.items ??= {});
        }
      }
      if (c.iterVar2 !== '') {
        inner.delete(c.iterVar2);
      }
      visitWhole(c.loopCondition, inner);
      visitWhole(c.loopStep, inner);
      visitWhole(c.result, inner);
      return undefined;
    }
    default:
      throw new Error(`an expression the analysis does not know: ${String(kind.case)}`);
  }
}

/** Records what `expr` reads, the part of `self` it denotes (if it is one) whole. */
function visitWhole(expr: Expr | undefined, scope: ReadonlyMap<string, Reads>): void {
  const part = visitReads(expr, scope);
  if (part !== undefined) {
    part.whole = true;
  }
}

/**
 * The memo key of `x` for a rule that reads `reads` of it: the parts it reads, each tagged with
 * its form (W a whole value's key, P a value that is there, L a list by its length and items, M
 * a map by the fields read, `!` a field that is not there), or null when it is too long or of a
 * type without key. A value of another shape than the reads expect (fields of a list, items of
 * a map, the size of a string) gives its whole key.
 */
function readKey(x: unknown, reads: Reads, context: CelContext): string | null {
  if (context.lastValue !== x || typeof x !== 'object' || x === null) {
    context.lastValue = x;
    context.lastKeys.clear();
  }
  let key = context.lastKeys.get(reads);
  if (key === undefined) {
    key = partKey(x, reads, context);
    key = key !== null && key.length <= MEMO_KEY_LENGTH ? key : null;
    context.lastKeys.set(reads, key);
  }
  return key;
}

const READS = new Map<string, Reads>();

/** One `Reads` object for all rules that read the same parts, so that their keys are shared. */
function sharedReads(reads: Reads): Reads {
  const text = readsText(reads);
  let shared = READS.get(text);
  if (shared === undefined) {
    shared = reads;
    READS.set(text, shared);
  }
  return shared;
}

function readsText(reads: Reads): string {
  const fields = reads.fields === undefined ? '' : [...reads.fields].map(([k, v]) => `${JSON.stringify(k)}:${readsText(v)}`).join(',');
  return `${reads.whole === true ? 'W' : ''}${reads.size === true ? 'S' : ''}${reads.items === undefined ? '' : `[${readsText(reads.items)}]`}{${fields}}`;
}

function partKey(x: unknown, reads: Reads, context: CelContext): string | null {
  if (reads.whole !== true) {
    if (Array.isArray(x)) {
      if (reads.fields === undefined) {
        return reads.items === undefined && reads.size !== true ? 'P' : listKey(x, reads.items, context);
      }
    } else if (isPlainMap(x)) {
      if (reads.items === undefined && reads.size !== true) {
        return reads.fields === undefined ? 'P' : mapKey(x, reads.fields, context);
      }
    } else if (reads.fields === undefined && reads.items === undefined && reads.size !== true) {
      return 'P';
    }
  }
  const whole = memoKey(x, context);
  return whole === null ? null : `W${whole}`;
}

function listKey(x: unknown[], items: Reads | undefined, context: CelContext): string | null {
  if (items === undefined) {
    return `L${x.length}`;
  }
  let key = `L${x.length}[`;
  for (const v of x) {
    const part = partKey(v, items, context);
    if (part === null) return null;
    key += `${part},`;
    if (key.length > MEMO_KEY_LENGTH) return null;
  }
  return `${key}]`;
}

function mapKey(x: Record<string, unknown>, fields: ReadonlyMap<string, Reads>, context: CelContext): string | null {
  let key = 'M{';
  for (const [field, reads] of fields) {
    if (!Object.prototype.hasOwnProperty.call(x, field)) {
      key += '!,';
      continue;
    }
    const part = partKey(x[field], reads, context);
    if (part === null) return null;
    key += `${part},`;
    if (key.length > MEMO_KEY_LENGTH) return null;
  }
  return `${key}}`;
}

/** Whether `x` is a plain object, which the library converts to a CEL map. */
function isPlainMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && x.constructor?.name === 'Object' && !isCelMap(x) && !isCelList(x);
}

const MESSAGES = new Map<string, (self: unknown) => string | undefined>();

/**
 * The message of a failed rule from its `messageExpression` (a CEL string expression), or
 * undefined when it does not evaluate to a non-empty string (the API server then uses `message`).
 */
export function evaluateMessage(expression: string, self: unknown): string | undefined {
  let compiled = MESSAGES.get(expression);
  if (compiled === undefined) {
    let run: ((ctx: any) => unknown) | undefined;
    try {
      run = plan(env(), parse(expression)) as (ctx: any) => unknown;
    } catch {
      run = undefined;
    }
    compiled = (value: unknown) => {
      const result = run?.({ self: value });
      return typeof result === 'string' && result.trim() !== '' ? result : undefined;
    };
    MESSAGES.set(expression, compiled);
  }
  return compiled(self);
}
