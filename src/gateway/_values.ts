// Internal: readers of the values our value classes and constructs share. Not exported by the
// folder's index.
import { headerNameErrors, valueErrors } from './_rules';
import type { HttpHeaderMatch } from './http-header-match';
import { Problems } from '../core/problems';

/** The HTTP methods of an HTTPRoute match. */
export const METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
const MATCH_TYPES = new Set<string>(['Exact', 'RegularExpression']);

/**
 * Reads a list of header (case-insensitive names) or query parameter matches into `problems`.
 */
export function readNamedMatches(
  problems: Problems,
  field: string,
  given: readonly HttpHeaderMatch[] | undefined,
  max: number,
  maxValue: number,
  caseInsensitive: boolean,
): HttpHeaderMatch[] {
  if (given === undefined || given === null) {
    return [];
  }
  if (!Array.isArray(given)) {
    problems.add(field, given, 'must be a list');
    return [];
  }
  if (given.length > max) {
    problems.add(field, `${given.length} items`, `must have at most ${max} items`);
  }
  const seen: string[] = [];
  const out: HttpHeaderMatch[] = [];
  given.forEach((m, i) => {
    if (m === null || typeof m !== 'object') {
      problems.add(`${field}[${i}]`, m, 'must be { name, value, type? }');
      return;
    }
    problems.addEach(`${field}[${i}].name`, m.name, headerNameErrors(m.name));
    problems.addEach(`${field}[${i}].value`, m.value, valueErrors(m.value, maxValue));
    if (m.type !== undefined && !MATCH_TYPES.has(m.type)) {
      problems.add(`${field}[${i}].type`, m.type, 'must be \'Exact\' or \'RegularExpression\'');
    }
    const key = typeof m.name === 'string' ? (caseInsensitive ? m.name.toLowerCase() : m.name) : '';
    if (seen.includes(key)) {
      problems.add(`${field}[${i}].name`, m.name, 'must not be listed twice: a match names each one once');
    }
    seen.push(key);
    out.push({ name: m.name, value: m.value, type: m.type });
  });
  return out;
}

/** Header changes, as the header modifiers take them. */
interface HeaderChanges {
  set?: NamedValue[];
  add?: NamedValue[];
  remove?: string[];
}

/** A header name and value, as the header modifiers take them. */
interface NamedValue {
  readonly name: string;
  readonly value: string;
}

/**
 * Reads a header modifier (`set`, `add`, `remove`) into `problems`: each list at most 16 items,
 * each header name once per list, and a header not both set or added and removed.
 */
export function readHeaderModifier(problems: Problems, field: string, given: HeaderChanges | undefined): HeaderChanges {
  const o = given !== null && typeof given === 'object' ? given : {};
  const out: HeaderChanges = {};
  for (const key of ['set', 'add'] as const) {
    const list = o[key];
    if (list === undefined) {
      continue;
    }
    if (!Array.isArray(list)) {
      problems.add(`${field}.${key}`, list, 'must be a list of { name, value }');
      continue;
    }
    if (list.length > 16) {
      problems.add(`${field}.${key}`, `${list.length} items`, 'must have at most 16 items');
    }
    const seen: string[] = [];
    list.forEach((h, i) => {
      if (h === null || typeof h !== 'object') {
        problems.add(`${field}.${key}[${i}]`, h, 'must be { name, value }');
        return;
      }
      problems.addEach(`${field}.${key}[${i}].name`, h.name, headerNameErrors(h.name));
      problems.addEach(`${field}.${key}[${i}].value`, h.value, valueErrors(h.value, 4096));
      const lower = typeof h.name === 'string' ? h.name.toLowerCase() : '';
      if (seen.includes(lower)) {
        problems.add(`${field}.${key}[${i}].name`, h.name, 'must not be listed twice');
      }
      seen.push(lower);
    });
    out[key] = list.map((h) => ({ name: h?.name, value: h?.value }));
  }
  if (o.remove !== undefined) {
    if (!Array.isArray(o.remove)) {
      problems.add(`${field}.remove`, o.remove, 'must be a list of header names');
    } else {
      if (o.remove.length > 16) {
        problems.add(`${field}.remove`, `${o.remove.length} items`, 'must have at most 16 items');
      }
      o.remove.forEach((n, i) => {
        problems.addEach(`${field}.remove[${i}]`, n, headerNameErrors(n));
        if (o.remove!.findIndex((x) => typeof x === 'string' && typeof n === 'string' && x.toLowerCase() === n.toLowerCase()) < i) {
          problems.add(`${field}.remove[${i}]`, n, 'must not be listed twice');
        }
        const lower = typeof n === 'string' ? n.toLowerCase() : '';
        if ([...(out.set ?? []), ...(out.add ?? [])].some((h) => typeof h.name === 'string' && h.name.toLowerCase() === lower)) {
          problems.add(`${field}.remove[${i}]`, n, 'must not also be set or added: the header would be both changed and removed');
        }
      });
      out.remove = [...o.remove];
    }
  }
  if (out.set === undefined && out.add === undefined && out.remove === undefined) {
    problems.add(field, given, 'must set, add or remove at least one header');
  }
  return out;
}
