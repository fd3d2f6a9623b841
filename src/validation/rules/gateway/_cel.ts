import { isIP, isIPv6 } from 'net';
import { CelScalar, celEnv, celFunc, celList, celMap, isCelError, isCelList, isCelMap, parse, plan } from '@bufbuild/cel';
import type { CelEnv } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import * as ipaddr from 'ipaddr.js';
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
/** The longest memo key: a larger value is evaluated every time (its key would cost more than it saves). */
const MEMO_KEY_LENGTH = 512;

/**
 * Compiles a rule once per process (parse and plan), then evaluates it in linear time per call.
 * Throws when the rule does not compile.
 *
 * A rule is a pure function of `self` (no `oldSelf`, no time, no randomness in the API server's
 * CEL environment), so its result is kept per value for values whose text is short (a path
 * match, a parentRef, a hostname): the same route written a thousand times costs one evaluation
 * of each of those rules. The key tells every CEL type apart (`1` the int, `1.0` the double,
 * `"1"` the string) and keeps the order of map entries, so two values with one key are the same
 * CEL value.
 */
export function compileRule(source: string): CompiledRule {
  let compiled = COMPILED.get(source);
  if (compiled === undefined) {
    const run = plan(env(), parse(source));
    const evaluate = (self: unknown, context?: CelContext): boolean | string => {
      const result = run({ self: (context === undefined ? self : celValueOf(self, context)) as any });
      if (isCelError(result)) {
        return result.message;
      }
      return result === true ? true : result === false ? false : `the rule evaluated to ${String(result)}, not a bool`;
    };
    const memo = new Map<string, boolean | string>();
    compiled = (self: unknown, context?: CelContext) => {
      if (!SHORTCUTS) {
        return evaluate(self);
      }
      const ctx = context ?? new CelContext();
      const key = memoKey(self, ctx);
      if (key === null) {
        return evaluate(self, ctx);
      }
      let result = memo.get(key);
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
