// Property-based tests of NetworkPolicies: for random small apps (web apps, routes between
// them, databases and their clients, a StatefulSet, edges by hand in both directions), the
// emitted policies, read by the semantics of src/net/_network-policy.ts (which has brute-force
// tests of its own), allow every edge declared, and nothing else into or out of the pods they
// isolate.
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  DatabaseEngine, ExternalBackend, ExternalDatabase, HeadlessStatefulService, InternalWebApp, ManifestChecker, NetworkPolicies, PolicyPeer,
  PublicWebApp,
} from '../../src';
import {
  NetworkPolicyModel, Party, PodTemplateInfo, ipBlockContains, resolveNamedPort, selectorMatches,
} from '../../src/net/network-policy';
import { Edge, EdgeEnd } from '../../src/policy/_edges';

const ADDRESSES = ['10.0.4.17', '10.0.4.18', '2001:db8::5'];
const OUTSIDERS = ['203.0.113.9', '10.0.4.99', '2001:db8::99'];

const scenario = fc.record({
  namespace: fc.constantFrom(undefined, 'shop'),
  egress: fc.boolean(),
  apps: fc.array(fc.record({ public: fc.boolean(), containerPort: fc.constantFrom(8080, 9000) }), { minLength: 1, maxLength: 4 }),
  routes: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 3 }),
  databases: fc.array(fc.record({
    addresses: fc.subarray(ADDRESSES, { minLength: 1 }),
    clients: fc.array(fc.nat(3), { maxLength: 2 }),
  }), { maxLength: 2 }),
  stateful: fc.boolean(),
  appToApp: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 2 }),
  usersIn: fc.array(fc.record({ user: fc.nat(1), app: fc.nat(4), namespace: fc.constantFrom(undefined, 'jobs') }), { maxLength: 2 }),
  usersOut: fc.array(fc.record({ user: fc.nat(1), app: fc.nat(4), namespace: fc.constantFrom(undefined, 'jobs'), port: fc.constantFrom(5000, 9200) }), { maxLength: 2 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function deployment(name: string, namespace: string | undefined, labels: Record<string, string>): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'x' }] } } },
  };
}

/** Builds the app of a scenario: the manifests, the policies' edges, and the pods outside it that the edges name. */
function build(s: Scenario) {
  const chart = new Chart(Testing.app(), 'c', s.namespace ? { namespace: s.namespace } : {});
  const apps = s.apps.map((a, i) => a.public
    ? new PublicWebApp(chart, `App${i}`, { name: `app${i}`, image: 'app:1', containerPort: a.containerPort, domainNames: [`app${i}.example.com`] })
    : new InternalWebApp(chart, `App${i}`, { name: `app${i}`, image: 'app:1', containerPort: a.containerPort }));
  const publicApps = apps.filter((a): a is PublicWebApp => a instanceof PublicWebApp);
  s.routes.forEach(([from, to], i) => {
    if (publicApps.length > 0) {
      publicApps[from % publicApps.length].addPath(`/r${i}`, { backend: apps[to % apps.length] });
    }
  });
  s.databases.forEach((d, i) => {
    const db = new ExternalDatabase(chart, `Db${i}`, { engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.addresses(d.addresses) });
    for (const c of new Set(d.clients.map((k) => k % apps.length))) {
      db.bindToContainer(apps[c].container, { prefix: `DB${i}` });
    }
  });
  const workloads: (InternalWebApp | PublicWebApp | HeadlessStatefulService)[] = [...apps];
  if (s.stateful) {
    workloads.push(new HeadlessStatefulService(chart, 'Store', {
      serviceName: 'store',
      clientService: true,
      containers: [{ image: 'store:1', ports: [{ number: 7000, name: 'peer' }, { number: 7001, name: 'client' }] }],
    }));
  }
  const policies = new NetworkPolicies(chart, 'Policies', { egress: s.egress });
  const seen = new Set<string>();
  const once = (key: string, add: () => void) => {
    if (!seen.has(key)) {
      seen.add(key);
      add();
    }
  };
  for (const [from, to] of s.appToApp) {
    const f = workloads[from % workloads.length];
    const t = workloads[to % workloads.length];
    once(`${f.node.path}>${t.node.path}`, () => policies.addEdge(PolicyPeer.workload(f), PolicyPeer.workload(t)));
  }
  const extra: any[] = [];
  const userLabels = (k: number) => ({ role: `user${k}` });
  for (const u of s.usersIn) {
    const t = workloads[u.app % workloads.length];
    once(`u${u.user}/${u.namespace}>${t.node.path}`, () =>
      policies.addEdge(PolicyPeer.pods({ labels: userLabels(u.user), namespace: u.namespace }), PolicyPeer.workload(t)));
  }
  for (const u of s.usersOut) {
    const f = workloads[u.app % workloads.length];
    once(`${f.node.path}>u${u.user}/${u.namespace}:${u.port}`, () =>
      policies.addEdge(PolicyPeer.workload(f), PolicyPeer.pods({ labels: userLabels(u.user), namespace: u.namespace }), { port: u.port }));
  }
  // The pods outside the app: users in both namespaces, a stranger, the controller, the DNS.
  for (const ns of [s.namespace, 'jobs']) {
    for (const k of [0, 1]) {
      extra.push(deployment(`user${k}`, ns, userLabels(k)));
    }
  }
  extra.push(deployment('stranger', s.namespace, { role: 'stranger' }));
  extra.push(deployment('controller', 'ingress-nginx', { app: 'ingress-nginx' }));
  extra.push(deployment('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }));
  const manifests = Testing.synth(chart);
  return { manifests, extra, edges: policies._edges(), libraryCount: workloads.length };
}

/** The namespace of an end of an edge: its own, or that of the library workload at the edge's other end. */
function namespaceOfEnd(end: EdgeEnd, edge: Edge): string {
  const own = end.kind === 'pods' ? end.namespace : undefined;
  const other = edge.from.kind === 'pods' && edge.from.workload ? edge.from.workload.namespace : edge.to.kind === 'pods' && edge.to.workload ? edge.to.workload.namespace : undefined;
  return own ?? other ?? 'default';
}

function endMatches(model: NetworkPolicyModel, end: EdgeEnd, edge: Edge, party: Party): boolean {
  switch (end.kind) {
    case 'ipBlock':
      return party.ip !== undefined && ipBlockContains({ cidr: end.cidr, except: end.except }, party.ip);
    case 'namespace':
      return party.pod !== undefined
        && selectorMatches({ matchLabels: end.labels, matchExpressions: [], valid: true }, model.namespaceLabels(party.pod.namespace));
    case 'pods':
      return party.pod !== undefined && party.pod.namespace === namespaceOfEnd(end, edge)
        && selectorMatches({ matchLabels: end.labels, matchExpressions: [], valid: true }, party.pod.labels);
  }
}

function portMatches(edge: Edge, to: Party, port: number, protocol: string): boolean {
  if (edge.protocol !== protocol) {
    return false;
  }
  if (edge.port === undefined || edge.port === port) {
    return true;
  }
  return typeof edge.port === 'string' && to.pod !== undefined && resolveNamedPort(to.pod, edge.port, protocol).includes(port);
}

function describe_(p: Party): string {
  return p.pod ? `${p.pod.namespace}/${p.pod.name}` : p.ip!;
}

test('every declared edge is allowed, and nothing else into or out of the pods the policies isolate', () => {
  fc.assert(fc.property(scenario, (s) => {
    const { manifests, extra, edges, libraryCount } = build(s);
    const model = NetworkPolicyModel.fromManifests([...manifests, ...extra]);
    const library: PodTemplateInfo[] = model.pods.filter((p) => p.manifestIndex < manifests.length);
    expect(library).toHaveLength(libraryCount);
    const parties: Party[] = [...model.pods.map((pod) => ({ pod })), ...[...ADDRESSES, ...OUTSIDERS].map((ip) => ({ ip }))];

    // every declared edge is allowed, between every pair of parties it names
    for (const e of edges) {
      const froms = parties.filter((p) => endMatches(model, e.from, e, p));
      const tos = parties.filter((p) => endMatches(model, e.to, e, p));
      expect({ edge: `${e.from.text} -> ${e.to.text}`, from: froms.length > 0, to: tos.length > 0 }).toEqual({ edge: `${e.from.text} -> ${e.to.text}`, from: true, to: true });
      for (const from of froms) {
        for (const to of tos) {
          const port = typeof e.port === 'number' ? e.port : 1;
          const verdict = model.allows({ from, to, port: e.port ?? port, protocol: e.protocol });
          expect({ edge: `${describe_(from)} -> ${describe_(to)}:${e.port}/${e.protocol}`, allowed: verdict.allowed })
            .toEqual({ edge: `${describe_(from)} -> ${describe_(to)}:${e.port}/${e.protocol}`, allowed: true });
        }
      }
    }

    // and no connection into (or, with egress, out of) a library pod that no edge declares
    const ports = [...new Set([53, 9999, 7000, 7001, 8080, 9000, 5432, 5000, 9200, ...edges.map((e) => e.port).filter((p): p is number => typeof p === 'number')])];
    for (const lib of library) {
      expect(model.isIsolated(lib, 'ingress')).toBe(true);
      expect(model.isIsolated(lib, 'egress')).toBe(s.egress);
      for (const other of parties) {
        for (const port of ports) {
          for (const protocol of ['TCP', 'UDP']) {
            const into = model.allows({ from: other, to: { pod: lib }, port, protocol }).ingress.allowed;
            if (into) {
              const declared = edges.some((e) => endMatches(model, e.to, e, { pod: lib }) && endMatches(model, e.from, e, other)
                && portMatches(e, { pod: lib }, port, protocol));
              expect({ into: `${describe_(other)} -> ${describe_({ pod: lib })}:${port}/${protocol}`, declared }).toEqual({ into: `${describe_(other)} -> ${describe_({ pod: lib })}:${port}/${protocol}`, declared: true });
            }
            if (s.egress && model.allows({ from: { pod: lib }, to: other, port, protocol }).egress.allowed) {
              const declared = edges.some((e) => endMatches(model, e.from, e, { pod: lib }) && endMatches(model, e.to, e, other)
                && portMatches(e, other, port, protocol));
              expect({ out: `${describe_({ pod: lib })} -> ${describe_(other)}:${port}/${protocol}`, declared }).toEqual({ out: `${describe_({ pod: lib })} -> ${describe_(other)}:${port}/${protocol}`, declared: true });
            }
          }
        }
      }
    }
  }), { numRuns: 40 });
});

test('the policies of random apps pass the checker as a complete set', () => {
  fc.assert(fc.property(scenario, (s) => {
    const { manifests } = build(s);
    const findings = ManifestChecker.check(manifests, { complete: true }).filter((f) => f.ruleId.startsWith('NP') || f.ruleId.startsWith('API'));
    expect(findings.map((f) => `${f.ruleId} ${f.field}: ${f.message}`)).toEqual([]);
  }), { numRuns: 20 });
});
