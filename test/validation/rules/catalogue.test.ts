// The catalogue as a whole: every rule is one object in a file of its own, registered once in
// ALL_RULES, with its tests beside it (test/validation/rules/<area>/<id>.test.ts, each with a
// passing and a failing case), and docs/checker.md lists them as the catalogue says.
import * as fs from 'fs';
import * as path from 'path';
import { ManifestChecker, Severity } from '../../../src';
import { ALL_RULES } from '../../../src/validation/rules/_all';
import { withRuleTable } from '../../../src/validation/rules/_docs';

const SRC = path.join(__dirname, '..', '..', '..', 'src', 'validation', 'rules');

/** The area (folder) of each rule's file under src/validation/rules. */
function areaOf(id: string): string | undefined {
  return fs.readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .find((area) => fs.existsSync(path.join(SRC, area, `${id.toLowerCase()}.ts`)));
}

describe('rule catalogue', () => {
  test('every rule is one object of ALL_RULES, once, in a file named by its id, with a test file of cases', () => {
    // GIVEN the list of rules
    const ids = ALL_RULES.map((r) => r.id);
    // THEN ids are unique and the public catalogue is that list
    expect(new Set(ids).size).toBe(ids.length);
    expect(ManifestChecker.rules.map((r) => r.id)).toEqual(ids);
    for (const rule of ALL_RULES) {
      if (rule.id.startsWith('GW')) {
        continue; // the Gateway API rules: see the test below
      }
      // the rule's file exports it
      const area = areaOf(rule.id);
      expect({ id: rule.id, area }).toEqual({ id: rule.id, area: expect.any(String) });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(require(path.join(SRC, area!, rule.id.toLowerCase()))[rule.id]).toBe(rule);
      // its tests are beside it: `ruleCases` with at least one passing and failing case
      const testFile = path.join(__dirname, area!, `${rule.id.toLowerCase()}.test.ts`);
      expect({ id: rule.id, tests: fs.existsSync(testFile) }).toEqual({ id: rule.id, tests: true });
      expect(fs.readFileSync(testFile, 'utf-8')).toMatch(new RegExp(`ruleCases\\(${rule.id}, \\[\\n\\s+\\{[\\s\\S]*pass: [\\s\\S]*fail: `));
    }
  });

  test('the Gateway API rules are objects of ALL_RULES from src/validation/rules/gateway, each with a passing and a failing case', () => {
    // (their cases are in test/validation/gateway/rules.test.ts, which asserts a pass and a fail case per id)
    const cases = fs.readFileSync(path.join(__dirname, '..', 'gateway', 'rules.test.ts'), 'utf-8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GATEWAY_RULES } = require(path.join(SRC, 'gateway'));
    expect(ALL_RULES.filter((r) => r.id.startsWith('GW'))).toEqual(GATEWAY_RULES.filter((r: any) => r.id.startsWith('GW')));
    for (const rule of ALL_RULES.filter((r) => r.id.startsWith('GW'))) {
      expect({ id: rule.id, cases: cases.includes(`id: '${rule.id}'`) }).toEqual({ id: rule.id, cases: true });
    }
  });

  test('rules carry a summary, kinds, a severity and a docs link', () => {
    for (const info of ManifestChecker.rules) {
      expect(info.id).toMatch(/^(API|META|SVC|EP|EPS|ING|IC|NET|NP|XREF|POD|SEC|GW|ACK)[0-9]{3}$/);
      expect(info.summary.length).toBeGreaterThan(10);
      expect(info.kinds.length).toBeGreaterThan(0);
      expect([Severity.ERROR, Severity.WARNING]).toContain(info.severity);
      // the Kubernetes docs; the Gateway API's; for a rule on one controller's annotations (ING010),
      // that Kubernetes SIG project's docs
      expect(info.docsUrl).toMatch(info.id.startsWith('GW') ? /^https:\/\/gateway-api\.sigs\.k8s\.io\//
        : /^https:\/\/(kubernetes\.io\/docs\/|kubernetes-sigs\.github\.io\/aws-load-balancer-controller\/)/);
    }
  });

  test('only the rules of the shared checks have no check of their own', () => {
    // API rules (the API checks decide whether the rules of a kind run), NET rules (the shared
    // address reader) and ACK rules (the acknowledgement step)
    expect(ALL_RULES.filter((r) => r.check === undefined).map((r) => r.id)).toEqual([
      'API001', 'API002', 'API003', 'API004', 'API005', 'API006', 'API007', 'NET001', 'NET002',
      'GW002', 'GW003', 'GW004', 'GW005', 'GW006', 'GW007', 'GW008', 'GW009', 'ACK001', 'ACK002',
    ]);
    // the Gateway API schema rules are carried by GW001, which walks an object against its CRD once
    expect(ALL_RULES.find((r) => r.id === 'GW001')!.carries).toEqual(['GW002', 'GW003', 'GW004', 'GW005', 'GW006', 'GW007', 'GW008', 'GW009', 'API001', 'API006']);
    // and each NET rule is carried by the rules that read addresses
    const carriers = (id: string) => ALL_RULES.filter((r) => r.carries?.includes(id)).map((r) => r.id);
    expect(carriers('NET001')).toEqual(['SVC009', 'SVC012', 'EP002', 'EPS003']);
    expect(carriers('NET002')).toEqual(['SVC012', 'EP002', 'EPS004']);
  });

  test('server rules cannot be acknowledged, cross-object rules can', () => {
    expect(ManifestChecker.rule('SVC002').acknowledgeable).toBe(false);
    expect(ManifestChecker.rule('XREF001').acknowledgeable).toBe(true);
  });

  test('fails if an unknown rule is asked for', () => {
    expect(() => ManifestChecker.rule('SVC999')).toThrow(/`id` must be the id of a rule of the catalogue, got 'SVC999'/);
  });

  test('the rules that report an object referred to and not among the manifests are marked', () => {
    expect(ManifestChecker.rules.filter((r) => r.missingReference).map((r) => r.id).sort())
      .toEqual(['GW101', 'GW105', 'GW107', 'GW108', 'NP005', 'XREF001', 'XREF004', 'XREF007', 'XREF008', 'XREF013', 'XREF014']);
  });
});

test('docs/checker.md has the rules table generated from the catalogue', () => {
  const docs = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'checker.md'), 'utf-8');
  // (regenerate with `npx ts-node --transpile-only --project examples/tsconfig.json scripts/generate-rule-docs.ts`)
  expect(docs).toEqual(withRuleTable(docs));
  for (const info of ManifestChecker.rules) {
    expect(docs).toContain(`| [${info.id}](${info.docsUrl}) | ${info.severity} | ${info.kinds.join(', ')} |`);
  }
});
