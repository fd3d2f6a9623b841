import { MYSQL, WEB_PODS, deployment, ingress, ingressClass, path, rule, slice, web } from './_fixtures';
import { ManifestChecker } from '../../src';

// Branches of the rules that the one-case-per-rule catalogue test (rules.test.ts) leaves out:
// for each, manifests that pass cleanly and manifests that fail with the rule id and field.

/** The findings as `index ruleId field` strings. */
function ids(manifests: any[], options = {}): string[] {
  return ManifestChecker.check(manifests, options).map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field}`);
}

/** The message of the one finding of `ruleId` at `field`. */
function messageOf(manifests: any[], ruleId: string, field: string): string {
  const found = ManifestChecker.check(manifests).filter((f) => f.ruleId === ruleId && f.field === field);
  expect(found).toHaveLength(1);
  return found[0].message;
}

/** `count` distinct IPv4 addresses 10.0.x.y. */
function addresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.0.${Math.floor(i / 200) + 4}.${(i % 200) + 1}`);
}

/** `count` zone hints zone-a, zone-b, ... */
function zones(count: number): any[] {
  return Array.from({ length: count }, (_, i) => ({ name: `zone-${String.fromCharCode(97 + i)}` }));
}

const INGRESS_OK = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] })];

describe('XREF009', () => {
  test('passes: an Ingress backend naming a port of the Service', () => {
    // GIVEN a backend port by name, 'http', which the Service has
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { name: 'http' }))] })];
    // WHEN / THEN
    expect(ids(manifests)).toEqual([]);
  });

  test('fails if an Ingress backend port name is not a port name of the Service', () => {
    // GIVEN a backend port by name, 'https', which the Service (port 'http' only) lacks
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { name: 'https' }))] })];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['2 XREF009 spec.rules[0].http.paths[0].backend.service.port.name']);
    expect(messageOf(manifests, 'XREF009', 'spec.rules[0].http.paths[0].backend.service.port.name'))
      .toMatch(/is not a port name of Service 'web' \(it has 'http'\)/);
  });
});

describe('EPS002', () => {
  test('passes: an endpoint with one address', () => {
    // GIVEN / WHEN / THEN
    expect(ids([MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: addresses(1) }] })])).toEqual([]);
  });

  test('fails if an endpoint has more than 100 addresses', () => {
    // GIVEN an endpoint with 100 addresses (only a warning) and one with 101
    const hundred = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: addresses(100) }] })];
    const tooMany = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: addresses(101) }] })];
    // WHEN
    const atLimit = ids(hundred);
    const overLimit = ids(tooMany);
    // THEN only 101 addresses is an error
    expect(atLimit).toEqual(['1 EPS007 endpoints[0].addresses']);
    expect(overLimit).toEqual(['1 EPS002 endpoints[0].addresses']);
    expect(messageOf(tooMany, 'EPS002', 'endpoints[0].addresses')).toMatch(/must have at most 100 addresses/);
  });
});

describe('EPS006', () => {
  test('passes: 8 named zone hints', () => {
    // GIVEN / WHEN / THEN
    expect(ids([MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hints: { forZones: zones(8) } }] })])).toEqual([]);
  });

  test('fails if an endpoint has more than 8 zone hints', () => {
    // GIVEN
    const manifests = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hints: { forZones: zones(9) } }] })];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['1 EPS006 endpoints[0].hints.forZones']);
    expect(messageOf(manifests, 'EPS006', 'endpoints[0].hints.forZones')).toMatch(/must have at most 8 entries/);
  });

  test('fails if a zone hint has no name', () => {
    // GIVEN a zone hint without name and one with an empty name
    const manifests = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hints: { forZones: [{ name: 'zone-a' }, {}, { name: '' }] } }] })];
    // WHEN
    const found = ids(manifests);
    // THEN each is reported at its name
    expect(found).toEqual(['1 EPS006 endpoints[0].hints.forZones[1].name', '1 EPS006 endpoints[0].hints.forZones[2].name']);
    expect(messageOf(manifests, 'EPS006', 'endpoints[0].hints.forZones[1].name')).toMatch(/is required/);
  });
});

describe('ING005', () => {
  const withPath = (p: string, pathType: string) => [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path(p, 'web', { number: 80 }, pathType))] })];
  const FIELD = 'spec.rules[0].http.paths[0].path';

  test('passes: clean Prefix and Exact paths, and an ImplementationSpecific path with any sequence', () => {
    // GIVEN / WHEN / THEN
    expect(ids(withPath('/static/v1.2/app.js', 'Prefix'))).toEqual([]);
    expect(ids(withPath('/a.b/.well-known', 'Exact'))).toEqual([]);
    expect(ids(withPath('/a//b/../c/.', 'ImplementationSpecific'))).toEqual([]);
  });

  test.each([
    ['/a//b', '//'],
    ['/a/./b', '/./'],
    ['/a/../b', '/../'],
    ['/a%2fb', '%2f'],
    ['/a%2Fb', '%2F'],
  ])('fails if a Prefix or Exact path contains a forbidden sequence: %s', (p, seq) => {
    for (const pathType of ['Prefix', 'Exact']) {
      // GIVEN
      const manifests = withPath(p, pathType);
      // WHEN
      const found = ids(manifests);
      // THEN
      expect(found).toEqual([`2 ING005 ${FIELD}`]);
      expect(messageOf(manifests, 'ING005', FIELD)).toMatch(new RegExp(`must not contain '${seq}' when \`pathType\` is '${pathType}'`));
    }
  });

  test.each([
    ['/a/..', '/..'],
    ['/a/.', '/.'],
  ])('fails if a Prefix or Exact path ends with a forbidden suffix: %s', (p, suffix) => {
    for (const pathType of ['Prefix', 'Exact']) {
      // GIVEN
      const manifests = withPath(p, pathType);
      // WHEN
      const found = ids(manifests);
      // THEN
      expect(found).toEqual([`2 ING005 ${FIELD}`]);
      expect(messageOf(manifests, 'ING005', FIELD)).toMatch(new RegExp(`must not end with '${suffix.replace(/\./g, '\\.')}' when \`pathType\` is '${pathType}'`));
    }
  });
});

describe('ING006', () => {
  test('passes: a backend with a service only', () => {
    // GIVEN / WHEN / THEN
    expect(ids(INGRESS_OK)).toEqual([]);
  });

  test('fails if a backend has both `service` and `resource`', () => {
    // GIVEN
    const backend = { service: { name: 'web', port: { number: 80 } }, resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } };
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', { path: '/', pathType: 'Prefix', backend })] })];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['2 ING006 spec.rules[0].http.paths[0].backend']);
    expect(messageOf(manifests, 'ING006', 'spec.rules[0].http.paths[0].backend')).toMatch(/must not have both `service` and `resource`/);
  });
});

describe('IC002', () => {
  const params = (more: any) => ingressClass({ controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'Params', name: 'p', ...more } });

  test('passes: Cluster-scoped parameters without namespace, Namespace-scoped with one', () => {
    // GIVEN / WHEN / THEN
    expect(ids([params({ scope: 'Cluster' })])).toEqual([]);
    expect(ids([params({})])).toEqual([]);
    expect(ids([params({ scope: 'Namespace', namespace: 'ops' })])).toEqual([]);
  });

  test('fails if Cluster-scoped parameters (explicitly or by default) have a namespace', () => {
    // GIVEN
    const explicit = [params({ scope: 'Cluster', namespace: 'ops' })];
    const byDefault = [params({ namespace: 'ops' })];
    // WHEN / THEN
    expect(ids(explicit)).toEqual(['0 IC002 spec.parameters.namespace']);
    expect(ids(byDefault)).toEqual(['0 IC002 spec.parameters.namespace']);
    expect(messageOf(explicit, 'IC002', 'spec.parameters.namespace')).toMatch(/must not be set when `scope` is 'Cluster'/);
  });
});

describe('SVC007', () => {
  const nodePorts = (second: any) => web({
    type: 'NodePort',
    ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }, { name: 'alt', port: 8080, targetPort: 'http', ...second }],
  });

  test('passes: distinct node ports, or one node port for TCP and UDP', () => {
    // GIVEN / WHEN / THEN
    expect(ids([nodePorts({ nodePort: 30081 }), WEB_PODS])).toEqual([]);
    const udpPods = deployment('web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: 'UDP' }]);
    expect(ids([nodePorts({ nodePort: 30080, protocol: 'UDP', targetPort: 'dns' }), udpPods])).toEqual([]);
  });

  test('fails if two ports of a Service have the same node port and protocol', () => {
    // GIVEN
    const manifests = [nodePorts({ nodePort: 30080 }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN the second one is reported
    expect(found).toEqual(['0 SVC007 spec.ports[1].nodePort']);
    expect(messageOf(manifests, 'SVC007', 'spec.ports[1].nodePort')).toMatch(/must be unique: spec\.ports\[0\] has the same node port and protocol/);
  });
});

describe('SVC009', () => {
  test('passes: clusterIPs[0] equal to clusterIP, and one cluster IP per family', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] }), WEB_PODS])).toEqual([]);
    expect(ids([web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS])).toEqual([]);
  });

  test('fails if clusterIPs[0] differs from clusterIP', () => {
    // GIVEN
    const manifests = [web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.11'] }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 SVC009 spec.clusterIPs[0]']);
    expect(messageOf(manifests, 'SVC009', 'spec.clusterIPs[0]')).toMatch(/must be equal to `clusterIP` \('10\.96\.0\.10'\)/);
  });

  test('fails if two cluster IPs are of the same family', () => {
    // GIVEN
    const manifests = [web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', '10.96.0.11'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 SVC009 spec.clusterIPs[1]']);
    expect(messageOf(manifests, 'SVC009', 'spec.clusterIPs[1]')).toMatch(/must be of the other IP family than spec\.clusterIPs\[0\]/);
  });
});

describe('SVC011', () => {
  test('passes: sessionAffinityConfig with ClientIP affinity', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS])).toEqual([]);
  });

  test('warns (SVC022) if sessionAffinityConfig is set while sessionAffinity is None (explicitly or by default): defaulting drops it', () => {
    // GIVEN
    const explicit = [web({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS];
    const byDefault = [web({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS];
    // WHEN / THEN
    expect(ids(explicit)).toEqual(['0 SVC022 spec.sessionAffinityConfig']);
    expect(ids(byDefault)).toEqual(['0 SVC022 spec.sessionAffinityConfig']);
    expect(ManifestChecker.check(explicit)[0].severity).toBe('warning');
    expect(messageOf(explicit, 'SVC022', 'spec.sessionAffinityConfig')).toMatch(/is dropped by the API server because `sessionAffinity` is 'None'/);
  });
});

describe('SVC014', () => {
  test('passes: healthCheckNodePort on a LoadBalancer with externalTrafficPolicy Local', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }), WEB_PODS])).toEqual([]);
  });

  test('fails if healthCheckNodePort is set where it does not apply', () => {
    // GIVEN a LoadBalancer with the Cluster policy, and a NodePort with the Local policy
    const cluster = [web({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', healthCheckNodePort: 30100 }), WEB_PODS];
    const nodePort = [web({ type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }), WEB_PODS];
    // WHEN / THEN
    expect(ids(cluster)).toEqual(['0 SVC014 spec.healthCheckNodePort']);
    expect(ids(nodePort)).toEqual(['0 SVC014 spec.healthCheckNodePort']);
    expect(messageOf(cluster, 'SVC014', 'spec.healthCheckNodePort')).toMatch(/may only be set on a LoadBalancer Service with `externalTrafficPolicy: Local`/);
  });
});

describe('SVC015', () => {
  test('passes: two different IP families', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS])).toEqual([]);
  });

  test('fails if an IP family is repeated', () => {
    // GIVEN
    const manifests = [web({ ipFamilies: ['IPv6', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 SVC015 spec.ipFamilies[1]']);
    expect(messageOf(manifests, 'SVC015', 'spec.ipFamilies[1]')).toMatch(/must not repeat a family/);
  });
});

describe('SVC016', () => {
  test('passes: allocateLoadBalancerNodePorts on a LoadBalancer', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }), WEB_PODS])).toEqual([]);
  });

  test('fails if allocateLoadBalancerNodePorts is set on a Service that is not a LoadBalancer', () => {
    // GIVEN false (still set) on a ClusterIP and true on a NodePort Service
    const clusterIp = [web({ allocateLoadBalancerNodePorts: false }), WEB_PODS];
    const nodePort = [web({ type: 'NodePort', allocateLoadBalancerNodePorts: true }), WEB_PODS];
    // WHEN / THEN
    expect(ids(clusterIp)).toEqual(['0 SVC016 spec.allocateLoadBalancerNodePorts']);
    expect(ids(nodePort)).toEqual(['0 SVC016 spec.allocateLoadBalancerNodePorts']);
    expect(messageOf(clusterIp, 'SVC016', 'spec.allocateLoadBalancerNodePorts')).toMatch(/may only be used when `type` is 'LoadBalancer'/);
  });
});

describe('META004', () => {
  const KEY = 'example.com/blob';
  const LIMIT = 256 * 1024;

  test('passes: annotations of exactly 256 KiB (keys and values)', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({}, { annotations: { [KEY]: 'x'.repeat(LIMIT - KEY.length) } }), WEB_PODS])).toEqual([]);
  });

  test('fails if the annotations are over 256 KiB in all', () => {
    // GIVEN one byte too many, counting the key
    const manifests = [web({}, { annotations: { [KEY]: 'x'.repeat(LIMIT - KEY.length + 1) } }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 META004 metadata.annotations']);
    expect(messageOf(manifests, 'META004', 'metadata.annotations')).toMatch(/must have at most 262144 bytes in all \(keys and values\)/);
  });
});
