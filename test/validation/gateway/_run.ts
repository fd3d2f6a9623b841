// A tiny runner of the Gateway API rules alone, until they are registered in the engine.
import { Finding } from '../../../src/validation/finding';
import { CATALOGUE } from '../../../src/validation/rules/_catalogue';
import { DEFAULT_SETTINGS, Reporter, RuleSettings, manifestOf } from '../../../src/validation/rules/_engine';
import { IndexPart, ManifestSet, Rule } from '../../../src/validation/rules/_rule';
import { GATEWAY_RULES } from '../../../src/validation/rules/gateway';

// The Reporter looks rule ids up in the catalogue: add the Gateway API rules to it (once).
for (const rule of GATEWAY_RULES) {
  if (!Object.prototype.hasOwnProperty.call(CATALOGUE, rule.id)) {
    (CATALOGUE as Record<string, any>)[rule.id] = {
      summary: rule.summary,
      kinds: [...rule.kinds],
      severity: rule.severity,
      docsUrl: rule.docsUrl,
      server: rule.server,
      missing: rule.missing,
      one: rule.one,
    };
  }
}

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
  const r = new Reporter(out, new Set(), all);
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
