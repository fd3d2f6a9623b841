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

test('the map of the example draws every edge of the policies, allowed by them', () => {
  // GIVEN
  const { app, policies } = scenario();
  const map = ConnectivityMap.fromApp(app);
  const nodes = map.nodes;
  const workload = (name: string) => nodes.filter((n) => n.kind === MapNodeKind.WORKLOAD && n.name === name).map((n) => n.id);
  /** The nodes an end of an edge is drawn as. */
  const nodesOf = (end: ReturnType<NetworkPolicies['_edges']>[number]['to']): string[] => {
    switch (end.kind) {
      case 'pods':
        if (end.workload) return workload(end.workload.name);
        // the pod templates of the manifests with the labels, else a node of the pods (in their namespace)
        return nodes.filter((n) => (end.namespace ?? 'shop') === n.namespace && (n.kind === MapNodeKind.WORKLOAD
          ? Object.entries(end.labels).every(([k, v]) => (n.label.split('\n')[1] ?? '').split(', ').includes(`${k}=${v}`))
          : n.id.startsWith('pods_') && n.label === `pods ${Object.entries(end.labels).map(([k, v]) => `${k}=${v}`).join(', ')}`)).map((n) => n.id);
      case 'namespace':
        return nodes.filter((n) => n.id.startsWith('namespace_') && n.label === `namespace ${end.labels['kubernetes.io/metadata.name']}`).map((n) => n.id);
      case 'ipBlock':
        return nodes.filter((n) => n.kind === MapNodeKind.ADDRESS && (n.name === end.cidr || `${n.name}/32` === end.cidr)).map((n) => n.id);
    }
  };
  // THEN every edge, as the policies list it, is drawn between the nodes of its ends, allowed, with its port
  const edges = policies._edges();
  expect(edges.length).toBe(policies.edges.length);
  expect(edges.length).toBeGreaterThan(10);
  for (const e of edges) {
    const from = nodesOf(e.from);
    const to = nodesOf(e.to);
    const port = `${e.port ?? 'every port'}/${e.protocol}`;
    const hit = map.edges.filter((x) => from.includes(x.from) && to.includes(x.to) && x.status === MapEdgeStatus.ALLOWED
      && (x.note ?? '').split('\n').some((l) => l.startsWith('allowed by policy ') && l.split(': ')[1].split(', ').includes(port)));
    expect({ edge: `${e.from.text} -> ${e.to.text} ${port}`, from, to, drawn: hit.length > 0 })
      .toEqual({ edge: `${e.from.text} -> ${e.to.text} ${port}`, from, to, drawn: true });
    expect(from.length).toBe(1);
    expect(to.length).toBe(1);
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
