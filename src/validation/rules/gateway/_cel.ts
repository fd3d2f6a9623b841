import { isIP, isIPv6 } from 'net';
import { CelScalar, celEnv, celFunc, isCelError, parse, plan } from '@bufbuild/cel';
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

/** A compiled rule: evaluates with `self` bound; true, false, or the text of an evaluation error. */
export type CompiledRule = (self: unknown) => boolean | string;

/** Why a rule is not evaluated in a manifest check, or undefined when it is. */
export function skipReason(rule: CrdRule): string | undefined {
  if (/\boldSelf\b/.test(rule.rule)) {
    return 'a transition rule (oldSelf): a manifest has no old object';
  }
  return undefined;
}

const COMPILED = new Map<string, CompiledRule>();

/**
 * Compiles a rule once per process (parse and plan), then evaluates it in linear time per call.
 * Throws when the rule does not compile.
 */
export function compileRule(source: string): CompiledRule {
  let compiled = COMPILED.get(source);
  if (compiled === undefined) {
    const run = plan(env(), parse(source));
    compiled = (self: unknown) => {
      const result = run({ self: self as any });
      if (isCelError(result)) {
        return result.message;
      }
      return result === true ? true : result === false ? false : `the rule evaluated to ${String(result)}, not a bool`;
    };
    COMPILED.set(source, compiled);
  }
  return compiled;
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

let SHORTCUTS = true;

/** Turns the evaluation shortcuts on or off (a test compares the two); returns the previous setting. */
export function celShortcuts(on: boolean): boolean {
  const previous = SHORTCUTS;
  SHORTCUTS = on;
  return previous;
}
