// The least-privilege scenario of the example app (examples/scenarios/policies.ts): its
// policies pass the checker, its map shows every edge into the pods and to the addresses, and
// the README shows that map, the policy of one app and code that builds exactly this chart.
// `UPDATE_README=1 npx jest test/policy/example` rewrites the map and the policy in the README.
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import { addScenarios } from '../../examples/scenarios/policies';
import * as library from '../../src';
import { ConnectivityMap, ManifestChecker, MapEdgeStatus, MapNodeKind, NetworkPolicies } from '../../src';

const README = path.join(__dirname, '..', '..', 'README.md');
const SECTION = '## Least privilege: NetworkPolicies and the map';
const MAP_MARKER = '<!-- map of the least-privilege example (test/policy/example.test.ts) -->';
const POLICY_MARKER = '<!-- policy of orders in the least-privilege example (test/policy/example.test.ts) -->';

function scenario(): { app: App; policies: NetworkPolicies; manifests: any[] } {
  const app = Testing.app();
  addScenarios(app);
  const policies = app.charts[0].node.findAll().find((c) => c instanceof NetworkPolicies) as NetworkPolicies;
  return { app, policies, manifests: app.charts.flatMap((c) => c.toJson()) };
}

/** The body of the first block of `lang` after `marker` in `text` (`right` after it), with its place. */
function blockAfter(text: string, marker: string, lang: string, right = true): { body: string; start: number; end: number } {
  const at = text.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  const open = text.indexOf(`\`\`\`${lang}\n`, at);
  if (right) {
    expect(text.slice(at + marker.length, open).trim()).toBe('');
  }
  const start = open + lang.length + 4;
  const end = text.startsWith('```', start) ? start : text.indexOf('\n```', start) + 1;
  return { body: text.slice(start, end), start, end };
}

function mapText(app: App): string {
  return `${ConnectivityMap.fromApp(app).toMermaid().trimEnd()}\n`;
}

function policyText(manifests: any[]): string {
  return Yaml.stringify(...manifests.filter((m) => m.kind === 'NetworkPolicy' && m.metadata.name === 'orders'));
}

test('the policies of the example pass the checker as a complete set', () => {
  // GIVEN
  const { manifests } = scenario();
  // THEN one policy per workload of the library, and nothing found
  expect(manifests.filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name)).toEqual(['storefront', 'orders', 'sessions']);
  expect(ManifestChecker.check(manifests, { complete: true }).map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.field}: ${f.message}`)).toEqual([]);
});

test('the map of the example shows every edge into the pods, allowed, and every address reached', () => {
  // GIVEN
  const { app, policies } = scenario();
  const map = ConnectivityMap.fromApp(app);
  // THEN no edge of the map is denied by a policy
  expect(map.edges.filter((e) => e.status === MapEdgeStatus.DENIED)).toEqual([]);
  for (const e of policies._edges()) {
    const to = e.to;
    if (to.kind === 'pods' && to.workload) {
      // the workload is drawn, and traffic into it is marked allowed by its policy
      const name = to.workload.name;
      const node = map.nodes.find((n) => n.kind === MapNodeKind.WORKLOAD && n.name === name);
      expect({ edge: e.to.text, drawn: node !== undefined }).toEqual({ edge: e.to.text, drawn: true });
      const into = map.edges.filter((x) => x.to === node!.id && x.status !== MapEdgeStatus.NORMAL && x.label !== 'selects');
      expect(into.length).toBeGreaterThan(0);
      expect(into.every((x) => x.status === MapEdgeStatus.ALLOWED && x.note?.includes(`policy ${name}`))).toBe(true);
    }
    if (to.kind === 'ipBlock' && /\/(32|128)$/.test(to.cidr)) {
      expect(map.nodes.map((n) => `${n.kind} ${n.name}`)).toContain(`${MapNodeKind.ADDRESS} ${to.text}`);
    }
  }
});

describe('the README section', () => {
  const text = fs.readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf(SECTION));

  test('shows code that builds exactly the chart of the example', () => {
    // GIVEN the first TypeScript block of the section
    const code = blockAfter(section, SECTION, 'ts', false).body;
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    const app = Testing.app();
    const modules: { [name: string]: any } = { 'cdk8s-service-patterns': library, 'cdk8s-plus-28': kplus, 'cdk8s': cdk8s };
    // WHEN it runs
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('require', 'exports', 'app', 'kplus', 'Chart', js)((name: string) => modules[name], {}, app, kplus, cdk8s.Chart);
    // THEN its chart is the example's
    expect(app.charts.flatMap((c) => c.toJson())).toEqual(scenario().manifests);
  });

  if (process.env.UPDATE_README === '1') {
    test('rewrite the map and the policy', () => {
      const { app, manifests } = scenario();
      let updated = text;
      const policy = blockAfter(updated, POLICY_MARKER, 'yaml');
      updated = updated.slice(0, policy.start) + policyText(manifests) + updated.slice(policy.end);
      const map = blockAfter(updated, MAP_MARKER, 'mermaid');
      updated = updated.slice(0, map.start) + mapText(app) + updated.slice(map.end);
      fs.writeFileSync(README, updated);
    });
  } else {
    test('shows the map of the example and the policy of orders, as they are', () => {
      const { app, manifests } = scenario();
      expect(blockAfter(text, MAP_MARKER, 'mermaid').body).toBe(mapText(app));
      expect(blockAfter(text, POLICY_MARKER, 'yaml').body).toBe(policyText(manifests));
    });
  }
});
