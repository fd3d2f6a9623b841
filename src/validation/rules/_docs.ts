import { ruleInfos } from './_catalogue';

/** The markers of the generated rules table in docs/checker.md. */
export const RULES_START = '<!-- rules:start (generated from ALL_RULES, src/validation/rules/_all.ts: npx ts-node --transpile-only --project examples/tsconfig.json scripts/generate-rule-docs.ts) -->';
export const RULES_END = '<!-- rules:end -->';

/**
 * The rules table of docs/checker.md, generated from the catalogue (`ALL_RULES`, in its order),
 * so that the docs list every rule as it is.
 */
export function ruleTableMarkdown(): string {
  const lines = [
    '| id | severity | kinds | what it finds | acknowledgeable |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of ruleInfos()) {
    const notes: string[] = [];
    if (r.missingReference) {
      notes.push('a warning unless the manifests are declared complete');
    }
    if (r.profile !== undefined) {
      notes.push(`profile '${r.profile}', opt-in`);
    }
    const summary = `${r.summary}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`.replace(/\|/g, '\\|');
    lines.push(`| [${r.id}](${r.docsUrl}) | ${r.severity} | ${r.kinds.join(', ')} | ${summary} | ${r.acknowledgeable ? (r.manyPerObject ? 'yes, per finding' : 'yes') : 'no'} |`);
  }
  return lines.join('\n');
}

/** `docs` with its rules table replaced by the generated one. */
export function withRuleTable(docs: string): string {
  const start = docs.indexOf('<!-- rules:start');
  const end = docs.indexOf(RULES_END);
  if (start < 0 || end < start) {
    throw new Error('docs/checker.md has no rules:start/rules:end markers');
  }
  return `${docs.slice(0, start)}${RULES_START}\n${ruleTableMarkdown()}\n${docs.slice(end)}`;
}
