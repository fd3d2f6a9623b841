// A runner of the Gateway API rules alone (the engine runs them with every other rule: see
// integration.test.ts), so that each test sees only the findings of the rules it is about.
import { Finding } from '../../../src/validation/finding';
import { RULES_BY_ID } from '../../../src/validation/rules/_catalogue';
import { DEFAULT_SETTINGS, Reporter, RuleSettings, manifestOf } from '../../../src/validation/rules/_engine';
import { IndexPart, ManifestSet, Rule } from '../../../src/validation/rules/_rule';
import { GATEWAY_RULES } from '../../../src/validation/rules/gateway';

/** Checks `manifests` with the Gateway API rules (`rules`: all of them by default). */
export function run(manifests: any[], settings: Partial<RuleSettings> = {}, rules: readonly Rule[] = GATEWAY_RULES): Finding[] {
  const all: RuleSettings = { ...DEFAULT_SETTINGS, ...settings };
  const ms = manifests.map((obj, i) => manifestOf(i, obj));
  const parts = new Map<IndexPart<any>, any>();
  const set: ManifestSet = {
    part<T>(part: IndexPart<T>): T {
      let p = parts.get(part);
      if (p === undefined) {
        p = part.create(all.namespace);
        for (const m of ms) part.add(p, m);
        parts.set(part, p);
      }
      return p;
    },
  };
  const out: Finding[] = [];
  const r = new Reporter(out, new Set(), all, RULES_BY_ID);
  for (const m of ms) {
    r.moveTo(m);
    for (const rule of rules) {
      if (rule.check !== undefined && (rule.kinds.includes('*') || rule.kinds.includes(String(m.kind)))) {
        rule.check(r, set);
      }
    }
  }
  return out;
}

/** The findings as `RULE field` lines, for compact assertions. */
export function ids(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.field}`);
}
