import { ALL_RULES } from './_all';
import { Rule } from './_rule';
import { RuleInfo } from '../finding';

/** The rules by id, in the order of `ALL_RULES`. */
const BY_ID: ReadonlyMap<string, Rule> = (() => {
  const byId = new Map<string, Rule>();
  for (const rule of ALL_RULES) {
    if (byId.has(rule.id)) {
      throw new Error(`internal error: rule ${rule.id} is twice in ALL_RULES`);
    }
    byId.set(rule.id, rule);
  }
  return byId;
})();

/** The rules by id, for the engine (severity and docs link of each finding). */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = BY_ID;

/** The rule `id` (exactly as written), or undefined. */
export function ruleById(id: unknown): Rule | undefined {
  return typeof id === 'string' ? BY_ID.get(id) : undefined;
}

/**
 * The catalogue as a table, id to rule (derived from `ALL_RULES`; read-only: add a rule to
 * `_all.ts`, not here).
 */
export const CATALOGUE: Readonly<Record<string, Rule>> = Object.freeze(Object.fromEntries(ALL_RULES.map((r) => [r.id, r])));

/** The catalogue as public `RuleInfo` structs, in the order of `ALL_RULES`. */
export function ruleInfos(): RuleInfo[] {
  return ALL_RULES.map((r) => ruleInfo(r.id));
}

/** One rule as a `RuleInfo` (a copy). */
export function ruleInfo(id: string): RuleInfo {
  const e = BY_ID.get(id);
  if (e === undefined) {
    throw new Error(`internal error: rule ${id} is not in the catalogue`);
  }
  return {
    id,
    summary: e.summary,
    kinds: [...e.kinds],
    severity: e.severity,
    docsUrl: e.docsUrl,
    acknowledgeable: e.server !== true,
    missingReference: e.missing === true,
    manyPerObject: e.one !== true,
    ...(e.profile !== undefined ? { profile: e.profile } : {}),
  };
}
