// Writes the rules table of docs/checker.md from the rule catalogue (ALL_RULES, src/validation/rules/_all.ts).
// Usage: npx ts-node --transpile-only --project examples/tsconfig.json scripts/generate-rule-docs.ts
import * as fs from 'fs';
import * as path from 'path';
import { withRuleTable } from '../src/validation/rules/_docs';

const file = path.join(__dirname, '..', 'docs', 'checker.md');
fs.writeFileSync(file, withRuleTable(fs.readFileSync(file, 'utf-8')));
console.log(`wrote the rules table of ${path.relative(process.cwd(), file)}`);
