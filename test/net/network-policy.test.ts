import * as fc from 'fast-check';
import {
  ConnectionQuery, NetworkPolicyModel, Party, PodTemplateInfo, cidrContains, parseSelector, policyTypesOf, selectorMatches,
} from '../../src/net/network-policy';

// The examples are those of https://kubernetes.io/docs/concepts/services-networking/network-policies/

function deployment(name: string, labels: Record<string, string>, namespace = 'default', ports: any[] = [{ name: 'http', containerPort: 8080 }]): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i', ports }] } },
    },
  };
}

function namespaceObject(name: string, labels: Record<string, string> = {}): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function policy(name: string, spec: any, ns = 'default'): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

/** The model of the manifests, and a finder of its pod templates by workload name. */
function model(manifests: any[]): { m: NetworkPolicyModel; pod: (name: string) => Party } {
  const m = NetworkPolicyModel.fromManifests(manifests);
  return {
    m,
    pod: (name) => {
      const p = m.pods.find((t) => t.name === name);
      if (!p) throw new Error(`no pod ${name}`);
      return { pod: p };
    },
  };
}

const ip = (address: string): Party => ({ ip: address });

describe('the example NetworkPolicy (test-network-policy)', () => {
  const example = policy('test-network-policy', {
    podSelector: { matchLabels: { role: 'db' } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{
      from: [
        { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
        { namespaceSelector: { matchLabels: { project: 'myproject' } } },
        { podSelector: { matchLabels: { role: 'frontend' } } },
      ],
      ports: [{ protocol: 'TCP', port: 6379 }],
    }],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
  });
  const { m, pod } = model([
    example,
    namespaceObject('myproject', { project: 'myproject' }),
    deployment('db', { role: 'db' }),
    deployment('frontend', { role: 'frontend' }),
    deployment('other', { role: 'other' }),
    deployment('anything', { app: 'x' }, 'myproject'),
    deployment('frontend-elsewhere', { role: 'frontend' }, 'elsewhere'),
  ]);

  test('isolates role=db pods of the default namespace for ingress and egress', () => {
    // WHEN / THEN
    expect(m.selectedPods(m.policies[0]).map((p) => p.name)).toEqual(['db']);
    expect(m.isIsolated(pod('db').pod!, 'ingress')).toBe(true);
    expect(m.isIsolated(pod('db').pod!, 'egress')).toBe(true);
    expect(m.isIsolated(pod('frontend').pod!, 'ingress')).toBe(false);
  });

  test('allows role=frontend pods of the default namespace on TCP 6379', () => {
    const v = m.allows({ from: pod('frontend'), to: pod('db'), port: 6379 });
    expect(v).toEqual({
      allowed: true,
      ingress: { isolated: true, allowed: true, allowedBy: ['test-network-policy'] },
      egress: { isolated: false, allowed: true, allowedBy: [] },
    });
    expect(m.allows({ from: pod('frontend'), to: pod('db'), port: 6380 }).allowed).toBe(false);
    expect(m.allows({ from: pod('frontend'), to: pod('db'), port: 6379, protocol: 'UDP' }).allowed).toBe(false);
  });

  test('allows any pod of a namespace labelled project=myproject', () => {
    expect(m.allows({ from: pod('anything'), to: pod('db'), port: 6379 }).allowed).toBe(true);
  });

  test('denies other pods of the default namespace, and role=frontend pods of other namespaces', () => {
    expect(m.allows({ from: pod('other'), to: pod('db'), port: 6379 }).allowed).toBe(false);
    expect(m.allows({ from: pod('frontend-elsewhere'), to: pod('db'), port: 6379 }).allowed).toBe(false);
  });

  test('allows 172.17.0.0/16 except 172.17.1.0/24', () => {
    expect(m.allows({ from: ip('172.17.0.255'), to: pod('db'), port: 6379 }).allowed).toBe(true);
    expect(m.allows({ from: ip('172.17.2.0'), to: pod('db'), port: 6379 }).allowed).toBe(true);
    expect(m.allows({ from: ip('172.17.1.9'), to: pod('db'), port: 6379 }).allowed).toBe(false);
    expect(m.allows({ from: ip('172.18.0.1'), to: pod('db'), port: 6379 }).allowed).toBe(false);
  });

  test('allows egress from role=db to 10.0.0.0/24 on TCP 5978 only', () => {
    expect(m.allows({ from: pod('db'), to: ip('10.0.0.7'), port: 5978 }).allowed).toBe(true);
    expect(m.allows({ from: pod('db'), to: ip('10.0.0.7'), port: 80 }).egress).toEqual({ isolated: true, allowed: false, allowedBy: [] });
    expect(m.allows({ from: pod('db'), to: ip('10.0.1.7'), port: 5978 }).allowed).toBe(false);
    // and to pods: no ipBlock matches a pod, whose IP is not known
    expect(m.allows({ from: pod('db'), to: pod('frontend'), port: 5978 }).allowed).toBe(false);
  });
});

describe('behavior of to and from selectors', () => {
  const manifests = [
    namespaceObject('alice', { user: 'alice' }),
    deployment('client-in-alice', { role: 'client' }, 'alice'),
    deployment('other-in-alice', { role: 'other' }, 'alice'),
    deployment('client-in-bob', { role: 'client' }, 'bob'),
    deployment('client-here', { role: 'client' }),
    deployment('db', { role: 'db' }),
  ];

  test('namespaceSelector and podSelector in one element: role=client pods in namespaces with user=alice', () => {
    // GIVEN
    const { m, pod } = model([...manifests, policy('one', {
      podSelector: { matchLabels: { role: 'db' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } }, podSelector: { matchLabels: { role: 'client' } } }] }],
    })]);
    // THEN
    const allowed = ['client-in-alice', 'other-in-alice', 'client-in-bob', 'client-here']
      .filter((n) => m.allows({ from: pod(n), to: pod('db'), port: 80 }).allowed);
    expect(allowed).toEqual(['client-in-alice']);
  });

  test('two elements: role=client pods of the local namespace, or any pod of namespaces with user=alice', () => {
    const { m, pod } = model([...manifests, policy('two', {
      podSelector: { matchLabels: { role: 'db' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } } }, { podSelector: { matchLabels: { role: 'client' } } }] }],
    })]);
    const allowed = ['client-in-alice', 'other-in-alice', 'client-in-bob', 'client-here']
      .filter((n) => m.allows({ from: pod(n), to: pod('db'), port: 80 }).allowed);
    expect(allowed).toEqual(['client-in-alice', 'other-in-alice', 'client-here']);
  });
});

describe('default policies', () => {
  const pods = [deployment('a', { app: 'a' }), deployment('b', { app: 'b' }), deployment('c', { app: 'c' }, 'other')];

  test('default deny all ingress traffic: every pod of the namespace is isolated for ingress, egress unaffected', () => {
    const { m, pod } = model([...pods, policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] })]);
    expect(m.isIsolated(pod('a').pod!, 'ingress')).toBe(true);
    expect(m.isIsolated(pod('a').pod!, 'egress')).toBe(false);
    expect(m.isIsolated(pod('c').pod!, 'ingress')).toBe(false);
    expect(m.allows({ from: pod('b'), to: pod('a'), port: 80 }).allowed).toBe(false);
    expect(m.allows({ from: pod('a'), to: pod('c'), port: 80 }).allowed).toBe(true);
  });

  test('allow all ingress traffic: an empty rule allows everything, even with a deny policy', () => {
    const { m, pod } = model([...pods,
      policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
      policy('allow-all-ingress', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] })]);
    expect(m.allows({ from: pod('b'), to: pod('a'), port: 80 }).ingress.allowedBy).toEqual(['allow-all-ingress']);
    expect(m.allows({ from: ip('203.0.113.9'), to: pod('a'), port: 9999, protocol: 'UDP' }).allowed).toBe(true);
  });

  test('default deny all egress traffic', () => {
    const { m, pod } = model([...pods, policy('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] })]);
    expect(m.isIsolated(pod('a').pod!, 'ingress')).toBe(false);
    expect(m.allows({ from: pod('a'), to: pod('b'), port: 80 }).allowed).toBe(false);
    expect(m.allows({ from: pod('a'), to: ip('8.8.8.8'), port: 53, protocol: 'UDP' }).allowed).toBe(false);
    expect(m.allows({ from: pod('c'), to: pod('a'), port: 80 }).allowed).toBe(true);
  });

  test('allow all egress traffic', () => {
    const { m, pod } = model([...pods,
      policy('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] }),
      policy('allow-all-egress', { podSelector: {}, egress: [{}], policyTypes: ['Egress'] })]);
    expect(m.allows({ from: pod('a'), to: ip('8.8.8.8'), port: 53, protocol: 'UDP' }).egress.allowedBy).toEqual(['allow-all-egress']);
  });

  test('default deny all ingress and all egress traffic', () => {
    const { m, pod } = model([...pods, policy('default-deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })]);
    const v = m.allows({ from: pod('a'), to: pod('b'), port: 80 });
    expect(v.ingress.allowed || v.egress.allowed).toBe(false);
    expect(m.allows({ from: ip('10.1.1.1'), to: pod('a'), port: 80 }).allowed).toBe(false);
  });
});

describe('targeting a range of ports (endPort)', () => {
  const { m, pod } = model([deployment('db', { role: 'db' }), policy('multi-port-egress', {
    podSelector: { matchLabels: { role: 'db' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }],
  })]);

  test.each([[31999, false], [32000, true], [32500, true], [32768, true], [32769, false]])('port %d: %s', (port, allowed) => {
    expect(m.allows({ from: pod('db'), to: ip('10.0.0.1'), port }).allowed).toBe(allowed);
  });
});

describe('targeting multiple namespaces by label', () => {
  const { m, pod } = model([
    namespaceObject('fe', { namespace: 'frontend' }),
    namespaceObject('be', { namespace: 'backend' }),
    namespaceObject('ops', { namespace: 'ops' }),
    deployment('myapp', { app: 'myapp' }),
    deployment('in-fe', { app: 'x' }, 'fe'),
    deployment('in-be', { app: 'x' }, 'be'),
    deployment('in-ops', { app: 'x' }, 'ops'),
    deployment('in-unknown', { app: 'x' }, 'unknown'),
    policy('egress-namespaces', {
      podSelector: { matchLabels: { app: 'myapp' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'namespace', operator: 'In', values: ['frontend', 'backend'] }] } }] }],
    }),
  ]);

  test('egress to pods of the namespaces whose label is in the list', () => {
    const reached = ['in-fe', 'in-be', 'in-ops', 'in-unknown'].filter((n) => m.allows({ from: pod('myapp'), to: pod(n), port: 80 }).allowed);
    expect(reached).toEqual(['in-fe', 'in-be']);
  });
});

describe('targeting a namespace by its name', () => {
  test('kubernetes.io/metadata.name is set on every namespace, among the manifests or not', () => {
    const { m, pod } = model([
      deployment('db', { role: 'db' }),
      deployment('client', { app: 'c' }, 'my-namespace'),
      deployment('stranger', { app: 'c' }, 'elsewhere'),
      policy('by-name', {
        podSelector: { matchLabels: { role: 'db' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'my-namespace' } } }] }],
      }),
    ]);
    expect(m.allows({ from: pod('client'), to: pod('db'), port: 80 }).allowed).toBe(true);
    expect(m.allows({ from: pod('stranger'), to: pod('db'), port: 80 }).allowed).toBe(false);
    expect(m.namespaceLabels('x')).toEqual({ 'kubernetes.io/metadata.name': 'x' });
  });

  test('a Namespace manifest cannot give itself another name label', () => {
    const { m } = model([namespaceObject('a', { 'kubernetes.io/metadata.name': 'b', 'team': 't' })]);
    expect(m.namespaceLabels('a')).toEqual({ 'kubernetes.io/metadata.name': 'a', 'team': 't' });
  });
});

describe('named ports', () => {
  const { m, pod } = model([
    deployment('web', { app: 'web' }, 'default', [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }]),
    deployment('client', { app: 'client' }),
    policy('web', {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ ports: [{ port: 'http' }, { port: 'dns', protocol: 'UDP' }] }],
    }),
    policy('client', {
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ ports: [{ port: 'http' }] }],
    }),
  ]);

  test('resolve against the destination\'s container ports, with the protocol', () => {
    expect(m.allows({ from: pod('client'), to: pod('web'), port: 8080 }).allowed).toBe(true);
    expect(m.allows({ from: pod('client'), to: pod('web'), port: 'http' }).allowed).toBe(true);
    expect(m.allows({ from: ip('1.2.3.4'), to: pod('web'), port: 53, protocol: 'UDP' }).allowed).toBe(true);
    expect(m.allows({ from: ip('1.2.3.4'), to: pod('web'), port: 53 }).allowed).toBe(false);
    expect(m.allows({ from: pod('client'), to: pod('web'), port: 9090 }).allowed).toBe(false);
  });

  test('match nothing towards an address, whose ports are not known', () => {
    expect(m.allows({ from: pod('client'), to: ip('1.2.3.4'), port: 8080 }).egress.allowed).toBe(false);
  });

  test('ingressOnPort says which policies admit some source on a port', () => {
    expect(m.ingressOnPort(pod('web').pod!, 8080)).toEqual({ isolated: true, allowed: true, allowedBy: ['web'] });
    expect(m.ingressOnPort(pod('web').pod!, 9090)).toEqual({ isolated: true, allowed: false, allowedBy: [] });
    expect(m.ingressOnPort(pod('client').pod!, 9090)).toEqual({ isolated: false, allowed: true, allowedBy: [] });
  });
});

describe('policyTypes defaulting', () => {
  test('Ingress always, Egress when there are egress rules', () => {
    expect(policyTypesOf({})).toEqual({ ingress: true, egress: false });
    expect(policyTypesOf({ egress: [] })).toEqual({ ingress: true, egress: false });
    expect(policyTypesOf({ egress: [{}] })).toEqual({ ingress: true, egress: true });
    expect(policyTypesOf({ policyTypes: ['Egress'], ingress: [{}] })).toEqual({ ingress: false, egress: true });
  });

  test('a policy with egress rules and no policyTypes isolates both ways', () => {
    const { m, pod } = model([deployment('a', { app: 'a' }), policy('p', { podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })]);
    expect(m.isIsolated(pod('a').pod!, 'ingress')).toBe(true);
    expect(m.isIsolated(pod('a').pod!, 'egress')).toBe(true);
    expect(m.allows({ from: pod('a'), to: ip('10.0.0.10'), port: 53, protocol: 'UDP' }).allowed).toBe(true);
  });
});

describe('selectors and CIDRs', () => {
  test('label selector operators', () => {
    const labels = { app: 'web', tier: 'front' };
    const sel = (s: any) => selectorMatches(parseSelector(s), labels);
    expect(sel({})).toBe(true);
    expect(sel({ matchLabels: { app: 'web' } })).toBe(true);
    expect(sel({ matchLabels: { app: 'api' } })).toBe(false);
    expect(sel({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] })).toBe(true);
    expect(sel({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] })).toBe(true);
    expect(sel({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] })).toBe(false);
    expect(sel({ matchExpressions: [{ key: 'app', operator: 'Exists' }] })).toBe(true);
    expect(sel({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] })).toBe(false);
    // what the API server rejects selects nothing
    expect(sel({ matchExpressions: [{ key: 'app', operator: 'Like', values: ['w'] }] })).toBe(false);
    expect(sel({ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] })).toBe(false);
    expect(sel({ matchLabels: { app: 1 } })).toBe(false);
  });

  test('CIDRs match addresses of their family only', () => {
    expect(cidrContains('10.0.0.0/8', '10.2.3.4')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(cidrContains('2001:db8::/32', '2001:db8::1')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '2001:db8::1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '::ffff:10.0.0.1')).toBe(true);
    expect(cidrContains('not a cidr', '10.0.0.1')).toBe(false);
  });

  test('malformed selectors select nothing; an empty peer matches nothing', () => {
    expect(selectorMatches(parseSelector('app=web'), {})).toBe(false);
    expect(selectorMatches(parseSelector({ matchLabels: ['app'] }), {})).toBe(false);
    expect(selectorMatches(parseSelector({ matchExpressions: [{ operator: 'Exists' }] }), { app: 'x' })).toBe(false);
    expect(selectorMatches(parseSelector({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] }), { app: 'x' })).toBe(false);
    expect(selectorMatches(parseSelector(null), { app: 'x' })).toBe(true);
    const { m, pod } = model([deployment('a', { app: 'a' }), policy('p', { podSelector: {}, ingress: [{ from: [{}] }] })]);
    expect(m.allows({ from: pod('a'), to: pod('a'), port: 80 }).allowed).toBe(false);
  });

  test('pod templates of every workload kind, and bare Pods', () => {
    const spec = { containers: [{ name: 'c', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] }], initContainers: [{ name: 'i', ports: [{ containerPort: 9 }] }] };
    const template = { metadata: { labels: { app: 'x' } }, spec };
    const m = NetworkPolicyModel.fromManifests([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', labels: { app: 'x' } }, spec },
      ...['StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].map((kind) => ({ apiVersion: 'apps/v1', kind, metadata: { name: kind.toLowerCase(), namespace: 'n' }, spec: { template } })),
      { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: {} },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cron' }, spec: { jobTemplate: { spec: { template } } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'broken' }, spec: {} },
      namespaceObject('n', { team: 't' }),
    ]);
    expect(m.pods.map((p) => `${p.kind}/${p.namespace}/${p.name}`)).toEqual([
      'Pod/default/pod', 'StatefulSet/n/statefulset', 'DaemonSet/n/daemonset', 'ReplicaSet/n/replicaset', 'Job/n/job', 'CronJob/default/cron',
    ]);
    expect(m.pods[0]).toEqual({
      kind: 'Pod',
      name: 'pod',
      namespace: 'default',
      labels: { app: 'x' },
      manifestIndex: 0,
      ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: undefined, containerPort: 9, protocol: 'TCP' }],
    });
    expect(m.namespaceLabels('n')).toEqual({ 'team': 't', 'kubernetes.io/metadata.name': 'n' });
  });

  test('a NetworkPolicy of another API version is no NetworkPolicy', () => {
    const m = NetworkPolicyModel.fromManifests([{ ...policy('p', {}), apiVersion: 'extensions/v1beta1' }, 'junk', null]);
    expect(m.policies).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: a brute-force reading of the rules of the docs page, over the raw manifests, written
// apart from the implementation (no parsing step, its own label and CIDR matching).

function oracleLabelsMatch(selector: any, labels: Record<string, string>): boolean {
  const pairs = Object.entries(selector?.matchLabels ?? {});
  for (const [k, v] of pairs) {
    if (labels[k] !== v) return false;
  }
  for (const e of selector?.matchExpressions ?? []) {
    const present = keysOf(labels).includes(e.key);
    const inValues = present && (e.values ?? []).includes(labels[e.key]);
    const ok = e.operator === 'In' ? inValues
      : e.operator === 'NotIn' ? !inValues
        : e.operator === 'Exists' ? present
          : !present;
    if (!ok) return false;
  }
  return true;
}

function keysOf(o: object): string[] {
  return Object.keys(o);
}

/** An IPv4 or IPv6 address as a bit string. */
function bits(address: string): string {
  if (address.includes(':')) {
    const [head, tail] = address.split('::');
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join('');
  }
  return address.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
}

function oracleInCidr(address: string, cidr: string): boolean {
  const [net, len] = cidr.split('/');
  const a = bits(address);
  const n = bits(net);
  return a.length === n.length && a.slice(0, Number(len)) === n.slice(0, Number(len));
}

type OracleEnd = { index: number } | { ip: string };

function oracleAllowed(manifests: any[], from: OracleEnd, to: OracleEnd, port: number | string, protocol: string): boolean {
  const nsOf = (o: any): string => o.metadata.namespace ?? 'default';
  const policies = manifests.filter((o) => o.kind === 'NetworkPolicy');
  const nsLabels = (ns: string): Record<string, string> => {
    const found = manifests.find((o) => o.kind === 'Namespace' && o.metadata.name === ns);
    return { ...(found?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns };
  };
  const podOf = (end: OracleEnd): any => ('index' in end ? manifests[end.index] : undefined);
  const podLabels = (w: any): Record<string, string> => w.spec.template.metadata.labels ?? {};
  const containerPorts = (w: any): any[] => w.spec.template.spec.containers.flatMap((c: any) => c.ports ?? []);
  const types = (p: any): string[] => (p.spec.policyTypes?.length ? p.spec.policyTypes : (p.spec.egress ?? []).length ? ['Ingress', 'Egress'] : ['Ingress']);
  const dest = podOf(to);
  const numbersOf = (name: string): number[] => (dest ? containerPorts(dest).filter((c) => c.name === name && (c.protocol ?? 'TCP') === protocol).map((c) => c.containerPort) : []);
  const connNumbers = typeof port === 'number' ? [port] : numbersOf(port);

  const peerOk = (p: any, peer: any, other: OracleEnd): boolean => {
    const w = podOf(other);
    if (peer.ipBlock) {
      const address = (other as any).ip;
      return !w && oracleInCidr(address, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((e: string) => oracleInCidr(address, e));
    }
    if (!w) return false;
    const nsOk = peer.namespaceSelector ? oracleLabelsMatch(peer.namespaceSelector, nsLabels(nsOf(w))) : nsOf(w) === nsOf(p);
    const podOk = peer.podSelector ? oracleLabelsMatch(peer.podSelector, podLabels(w)) : true;
    return nsOk && podOk;
  };
  const portOk = (pp: any): boolean => {
    if ((pp.protocol ?? 'TCP') !== protocol) return false;
    if (pp.port === undefined) return true;
    if (typeof pp.port === 'number') return connNumbers.some((n) => n >= pp.port && n <= (pp.endPort ?? pp.port));
    return pp.port === port || connNumbers.some((n) => numbersOf(pp.port).includes(n));
  };
  const direction = (self: OracleEnd, other: OracleEnd, type: string, rulesField: string, peersField: string): boolean => {
    const w = podOf(self);
    if (!w) return true;
    let isolated = false;
    let allowed = false;
    for (const p of policies) {
      if (nsOf(p) !== nsOf(w) || !types(p).includes(type) || !oracleLabelsMatch(p.spec.podSelector ?? {}, podLabels(w))) continue;
      isolated = true;
      for (const rule of p.spec[rulesField] ?? []) {
        const peers = rule[peersField] ?? [];
        let anyPeer = peers.length === 0;
        for (const peer of peers) anyPeer = anyPeer || peerOk(p, peer, other);
        const ports = rule.ports ?? [];
        let anyPort = ports.length === 0;
        for (const pp of ports) anyPort = anyPort || portOk(pp);
        if (anyPeer && anyPort) allowed = true;
      }
    }
    return !isolated || allowed;
  };
  return direction(to, from, 'Ingress', 'ingress', 'from') && direction(from, to, 'Egress', 'egress', 'to');
}

// Generators over a small universe, so that selectors, namespaces, ports and CIDRs often meet.
const NAMESPACES = ['default', 'a', 'b'];
const KEYS = ['app', 'role'];
const VALUES = ['x', 'y'];
const PORT_NAMES = ['http', 'dns'];
const PORTS = [53, 80, 8080, 8081];
const IPS = ['10.0.0.1', '10.0.1.5', '10.1.0.1', '192.168.1.1', 'fd00::1', 'fd00:1::1'];
const CIDRS = ['10.0.0.0/8', '10.0.0.0/16', '10.0.1.0/24', '0.0.0.0/0', 'fd00::/16', 'fd00::/32'];

const labelsArb = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 });
const selectorArb = fc.record({
  matchLabels: fc.option(labelsArb, { nil: undefined }),
  matchExpressions: fc.option(fc.array(fc.oneof(
    fc.record({ key: fc.constantFrom(...KEYS, 'namespace', 'kubernetes.io/metadata.name'), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES, 'a', 'b'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ key: fc.constantFrom(...KEYS, 'kubernetes.io/metadata.name'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  ), { maxLength: 2 }), { nil: undefined }),
});
const peerArb = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: selectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: selectorArb }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom(...CIDRS), except: fc.option(fc.array(fc.constantFrom('10.0.1.0/24', '10.0.0.0/24', 'fd00::/64'), { maxLength: 2 }), { nil: undefined }) }) }),
);
const portArb = fc.oneof(
  fc.record({ protocol: fc.option(fc.constantFrom('TCP', 'UDP'), { nil: undefined }), port: fc.option(fc.constantFrom(...PORTS), { nil: undefined }) }),
  fc.record({ protocol: fc.option(fc.constantFrom('TCP', 'UDP'), { nil: undefined }), port: fc.constantFrom(...PORT_NAMES) }),
  fc.record({ port: fc.constantFrom(53, 80), endPort: fc.constantFrom(80, 8080) }),
);
const ruleArb = (peersField: string) => fc.record({
  [peersField]: fc.option(fc.array(peerArb, { maxLength: 2 }), { nil: undefined }),
  ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
});
const policyArb = fc.record({
  name: fc.constantFrom('p1', 'p2', 'p3'),
  ns: fc.constantFrom(...NAMESPACES),
  podSelector: fc.oneof(fc.constant(undefined), fc.constant({}), selectorArb),
  policyTypes: fc.option(fc.subarray(['Ingress', 'Egress'], { minLength: 1 }), { nil: undefined }),
  ingress: fc.option(fc.array(ruleArb('from'), { maxLength: 2 }), { nil: undefined }),
  egress: fc.option(fc.array(ruleArb('to'), { maxLength: 2 }), { nil: undefined }),
}).map((p) => policy(p.name, { podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }, p.ns));
const workloadArb = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  labels: labelsArb,
  ports: fc.array(fc.record({
    name: fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }),
    containerPort: fc.constantFrom(...PORTS),
    protocol: fc.option(fc.constantFrom('TCP', 'UDP'), { nil: undefined }),
  }), { maxLength: 3 }),
});
const worldArb = fc.record({
  workloads: fc.array(workloadArb, { minLength: 1, maxLength: 4 }),
  namespaces: fc.array(fc.record({ name: fc.constantFrom('a', 'b'), labels: fc.dictionary(fc.constantFrom('namespace', 'app', 'kubernetes.io/metadata.name'), fc.constantFrom('a', 'b', 'x'), { maxKeys: 2 }) }), { maxLength: 2 }),
  policies: fc.array(policyArb, { minLength: 1, maxLength: 4 }),
}).map((w) => {
  // undefined fields dropped, as YAML has them
  const workloads = w.workloads.map((d, i) => JSON.parse(JSON.stringify(deployment(`w${i}`, d.labels, d.ns, d.ports))));
  const seen = new Set<string>();
  const namespaces = w.namespaces.filter((n) => !seen.has(n.name) && seen.add(n.name)).map((n) => namespaceObject(n.name, n.labels));
  return [...workloads, ...namespaces, ...JSON.parse(JSON.stringify(w.policies))] as any[];
});
const endArb = (workloads: number) => fc.oneof(
  fc.integer({ min: 0, max: workloads - 1 }).map((index) => ({ index })),
  fc.constantFrom(...IPS).map((a) => ({ ip: a })),
);

describe('against a brute-force reading of the docs (property-based)', () => {
  const toParty = (m: NetworkPolicyModel, e: OracleEnd): Party => ('index' in e ? { pod: m.pods.find((p) => p.manifestIndex === e.index) as PodTemplateInfo } : { ip: e.ip });

  test('allows exactly the connections the oracle allows', () => {
    const seen = { allowedIsolated: 0, denied: 0, notIsolated: 0 };
    fc.assert(fc.property(
      worldArb.chain((manifests) => {
        const workloads = manifests.filter((o) => o.kind === 'Deployment').length;
        return fc.record({
          manifests: fc.constant(manifests),
          from: endArb(workloads),
          to: endArb(workloads),
          port: fc.oneof(fc.constantFrom(...PORTS), fc.constantFrom(...PORT_NAMES)),
          protocol: fc.constantFrom('TCP', 'UDP'),
        });
      }),
      ({ manifests, from, to, port, protocol }) => {
        const m = NetworkPolicyModel.fromManifests(manifests);
        const query: ConnectionQuery = { from: toParty(m, from), to: toParty(m, to), port, protocol };
        const v = m.allows(query);
        expect(v.allowed).toBe(oracleAllowed(manifests, from, to, port, protocol));
        if (!v.allowed) seen.denied++;
        else if (v.ingress.isolated || v.egress.isolated) seen.allowedIsolated++;
        else seen.notIsolated++;
      },
    ), { numRuns: 3000 });
    // the universe is small enough that every outcome is common
    expect(seen.denied).toBeGreaterThan(300);
    expect(seen.allowedIsolated).toBeGreaterThan(150);
    expect(seen.notIsolated).toBeGreaterThan(150);
  });

  test('the policies listed as allowing are the isolating policies whose rules allow, and allowing needs them', () => {
    fc.assert(fc.property(worldArb, fc.constantFrom(...IPS), fc.constantFrom(...PORTS), (manifests, address, port) => {
      const m = NetworkPolicyModel.fromManifests(manifests);
      for (const pod of m.pods) {
        const v = m.allows({ from: { ip: address }, to: { pod }, port });
        // each policy listed allows the connection on its own
        for (const name of v.ingress.allowedBy) {
          const alone = NetworkPolicyModel.fromManifests([...manifests.filter((o) => o.kind !== 'NetworkPolicy'),
            ...manifests.filter((o) => o.kind === 'NetworkPolicy' && o.metadata.name === name && o.metadata.namespace === pod.namespace)]);
          const same = alone.pods.find((p) => p.manifestIndex === pod.manifestIndex)!;
          expect(alone.allows({ from: { ip: address }, to: { pod: same }, port }).ingress.allowed).toBe(true);
        }
        expect(v.ingress.allowed).toBe(!v.ingress.isolated || v.ingress.allowedBy.length > 0);
        expect(v.ingress.isolated).toBe(m.isIsolated(pod, 'ingress'));
      }
    }), { numRuns: 500 });
  });

  test('adding a policy never allows more to the pods it selects, except through its own rules', () => {
    fc.assert(fc.property(worldArb, policyArb, fc.constantFrom(...IPS), fc.constantFrom(...PORTS), (manifests, extra, address, port) => {
      const before = NetworkPolicyModel.fromManifests(manifests);
      const after = NetworkPolicyModel.fromManifests([...manifests, extra]);
      for (const pod of before.pods) {
        const was = before.allows({ from: { ip: address }, to: { pod }, port });
        const now = after.allows({ from: { ip: address }, to: { pod: after.pods.find((p) => p.manifestIndex === pod.manifestIndex)! }, port });
        if (was.ingress.isolated && !was.ingress.allowed) {
          // isolated and denied before: only the new policy can allow it
          const others = (names: readonly string[]) => names.filter((n) => n !== extra.metadata.name);
          expect(others(now.ingress.allowedBy)).toEqual(others(was.ingress.allowedBy));
        }
        if (was.ingress.isolated && was.ingress.allowed) {
          expect(now.ingress.allowed).toBe(true); // additive: nothing is taken away
        }
      }
    }), { numRuns: 500 });
  });
});
