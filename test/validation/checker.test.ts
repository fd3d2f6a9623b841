import * as fc from 'fast-check';
import { MYSQL, WEB_PODS, deployment, endpoints, ingress, path, rule, slice, statefulSet, svc, web } from './_fixtures';
import { CheckOptions, ManifestChecker, Severity } from '../../src';

const ACK = 'service-patterns.cdk8s.io/acknowledge';

function ids(manifests: any[], options: CheckOptions = {}): string[] {
  return ManifestChecker.check(manifests, options).map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field}`);
}

describe('the known-wrong seeds', () => {
  test('fails if a Service has a `tls` field', () => {
    // GIVEN a Service that tries to terminate TLS
    const service = web({ tls: { secretName: 'web-tls' } });
    // WHEN
    const findings = ManifestChecker.check([service, WEB_PODS]);
    // THEN strict decoding rejects the field
    expect(findings).toEqual([expect.objectContaining({
      ruleId: 'API003',
      severity: Severity.ERROR,
      field: 'spec.tls',
      kind: 'Service',
      name: 'web',
      fix: expect.stringMatching(/Ingress `spec.tls`/),
    })]);
  });

  test('fails if an Ingress uses networking.k8s.io/v1beta1 with serviceName/servicePort', () => {
    // GIVEN an Ingress copied from an old tutorial
    const old = {
      apiVersion: 'networking.k8s.io/v1beta1',
      kind: 'Ingress',
      metadata: { name: 'shop' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', backend: { serviceName: 'web', servicePort: 80 } }] } }] },
    };
    // WHEN
    const found = ids([old]);
    // THEN the version is reported, and what must change for networking.k8s.io/v1
    expect(found).toEqual([
      '0 API001 apiVersion',
      '0 API003 spec.rules[0].http.paths[0].backend.serviceName',
      '0 API003 spec.rules[0].http.paths[0].backend.servicePort',
    ]);
  });

  test('fails if a Service has `externalName` but no type (so it needs ports)', () => {
    const found = ManifestChecker.check([svc('db', { externalName: 'db.example.com' })]);
    expect(found.map((f) => `${f.ruleId} ${f.field} ${f.severity}`)).toEqual([
      'SVC001 spec.ports error',
      'SVC019 spec.externalName warning',
      'XREF014 spec.selector warning',
    ]);
    expect(found[0].fix).toMatch(/set `type: ExternalName`/);
  });

  test('fails if an EndpointSlice holds a loopback or the metadata address', () => {
    const found = ids([MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['127.0.0.1'] }, { addresses: ['169.254.169.254'] }] })]);
    expect(found).toEqual(['1 EPS004 endpoints[0].addresses[0]', '1 EPS004 endpoints[1].addresses[0]']);
  });

  test('discovery.k8s.io/v1beta1 and extensions/v1beta1 are removed too', () => {
    const found = ManifestChecker.check([
      { ...slice('a', 'mysql'), apiVersion: 'discovery.k8s.io/v1beta1' },
      { ...WEB_PODS, apiVersion: 'extensions/v1beta1' },
    ]);
    expect(found.map((f) => `${f.ruleId} ${f.value} ${f.fix}`)).toEqual([
      expect.stringMatching(/^API001 'discovery.k8s.io\/v1beta1' use 'discovery.k8s.io\/v1'/),
      expect.stringMatching(/^API001 'extensions\/v1beta1' use 'apps\/v1'/),
    ]);
  });
});

describe('the correct seeds', () => {
  test('a selector-less Service backed by an EndpointSlice or Endpoints is clean (no dangling-Service false positive)', () => {
    expect(ids([MYSQL, slice('mysql-1', 'mysql')])).toEqual([]);
    expect(ids([MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])])).toEqual([]);
  });

  test('an ExternalName Service, a headless Service with a StatefulSet, and a fanout Ingress with TLS are clean', () => {
    const manifests = [
      svc('site', { type: 'ExternalName', externalName: 'www.example.com' }),
      web(), WEB_PODS,
      svc('api', { selector: { app: 'api' }, ports: [{ name: 'http', port: 8080 }] }),
      deployment('api', { app: 'api' }, [{ containerPort: 8080 }]),
      ingress('shop', {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
        rules: [rule('shop.example.com', path('/v1'), path('/v2', 'api', { number: 8080 }))],
        defaultBackend: { service: { name: 'web', port: { name: 'http' } } },
      }),
    ];
    expect(ids(manifests)).toEqual([]);
  });
});

describe('cross-object matching', () => {
  test('a selector-less Service is backed by a slice or Endpoints in its own namespace only', () => {
    const inShop = (o: any) => ({ ...o, metadata: { ...o.metadata, namespace: 'shop' } });
    expect(ids([inShop(MYSQL), inShop(slice('mysql-1', 'mysql'))])).toEqual([]);
    expect(ids([inShop(MYSQL), slice('mysql-1', 'mysql')])).toEqual(['0 XREF014 spec.selector', '1 XREF004 metadata.labels[kubernetes.io/service-name]']);
  });

  test('objects are matched within their namespace; objects without one share one', () => {
    // GIVEN the Service in 'shop' and its pods in no namespace
    const manifests = [web({}, { namespace: 'shop' }), WEB_PODS];
    // THEN the selector matches nothing in 'shop'
    expect(ids(manifests)).toEqual(['0 XREF001 spec.selector']);
    // AND a Service without namespace matches them
    expect(ids([web(), WEB_PODS])).toEqual([]);
  });

  test('pod templates of every workload kind count', () => {
    const labels = { app: 'web' };
    const spec = { containers: [{ name: 'c', image: 'i', ports: [{ name: 'http', containerPort: 80 }] }] };
    const workloads = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels }, spec },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { template: { metadata: { labels }, spec } } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template: { metadata: { labels }, spec } } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { metadata: { labels }, spec } } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { metadata: { labels }, spec } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { metadata: { labels }, spec } } } } },
    ];
    for (const w of workloads) {
      expect(ids([web(), w])).toEqual([]);
    }
  });

  test('a named targetPort must be declared by every selected template', () => {
    // GIVEN two Deployments selected by the same Service, only one declaring 'http'
    const manifests = [web({ selector: { tier: 'front' } }), deployment('a', { tier: 'front' }), deployment('b', { tier: 'front' }, [{ name: 'web', containerPort: 8080 }])];
    // THEN the finding names the one that lacks it
    const [finding] = ManifestChecker.check(manifests);
    expect(finding).toEqual(expect.objectContaining({ ruleId: 'XREF002', field: 'spec.ports[0].targetPort', value: '\'http\'' }));
    expect(finding.message).toMatch(/Deployment\/b does not declare/);
  });

  test('a numeric targetPort is only questioned when the containers declare ports', () => {
    const noPorts = deployment('web', { app: 'web' }, []);
    expect(ids([web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), noPorts])).toEqual([]);
  });

  test('Endpoints port names are compared with the Service', () => {
    const found = ids([MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'db', port: 3306 }] }])]);
    expect(found).toEqual(['1 XREF006 subsets[0].ports[0].name', '1 XREF006 subsets[0].ports']);
  });

  describe('a Service whose endpoints are split by port', () => {
    const TWO_PORTS = svc('db', { ports: [{ name: 'a', port: 5432 }, { name: 'b', port: 5433 }] });

    test('slices with one port each together serve both ports', () => {
      // GIVEN two slices, one per port, as the EndpointSlice controller writes them
      const a = slice('db-a', 'db', { ports: [{ name: 'a', port: 5432 }] });
      const b = slice('db-b', 'db', { ports: [{ name: 'b', port: 5433 }] });
      // THEN the union of their ports is the Service's: nothing to report
      expect(ids([TWO_PORTS, a, b])).toEqual([]);
    });

    test('Endpoints subsets with one port each together serve both ports', () => {
      const ep = endpoints('db', [
        { addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'a', port: 5432 }] },
        { addresses: [{ ip: '10.0.4.18' }], ports: [{ name: 'b', port: 5433 }] },
      ]);
      expect(ids([TWO_PORTS, ep])).toEqual([]);
    });

    test('fails once, on the first slice, if no slice has a Service port', () => {
      const a1 = slice('db-a1', 'db', { ports: [{ name: 'a', port: 5432 }] });
      const a2 = slice('db-a2', 'db', { ports: [{ name: 'a', port: 5432 }] });
      const found = ManifestChecker.check([TWO_PORTS, a1, a2]);
      expect(found.map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field}`)).toEqual(['1 XREF006 ports']);
      expect(found[0].message).toMatch(/has no port for the port 'b' of Service 'db', nor does any other of its slices or subsets/);
    });
  });

  test('the same host and path in two Ingresses of different classes is fine', () => {
    const a = ingress('a', { ingressClassName: 'public', rules: [rule('shop.example.com', path('/'))] });
    const b = ingress('b', { ingressClassName: 'internal', rules: [rule('shop.example.com', path('/'))] });
    expect(ids([web(), WEB_PODS, a, b])).toEqual([]);
    expect(ids([web(), WEB_PODS, a, { ...b, spec: { ...b.spec, ingressClassName: 'public' } }])).toEqual(['3 XREF011 spec.rules[0].http.paths[0].path']);
  });

  test('a TLS host is served by a rule without host', () => {
    const ing = ingress('a', { tls: [{ hosts: ['shop.example.com'] }], rules: [rule(undefined, path('/'))] });
    expect(ids([web(), WEB_PODS, ing])).toEqual([]);
  });
});

describe('acknowledgements', () => {
  const operatorService = (ack: string) => web({ selector: { app: 'made-by-operator' } }, { annotations: { [ACK]: ack } });

  test('an acknowledged finding is left out, or returned marked with its reason', () => {
    // GIVEN a Service whose pods an operator creates, acknowledged
    const manifests = [operatorService('XREF001: pods are created by the etcd operator')];
    // THEN nothing is reported by default
    expect(ManifestChecker.check(manifests)).toEqual([]);
    // AND with includeAcknowledged the finding is marked
    expect(ManifestChecker.check(manifests, { includeAcknowledged: true })).toEqual([expect.objectContaining({
      ruleId: 'XREF001', acknowledged: true, acknowledgedReason: 'pods are created by the etcd operator',
    })]);
  });

  test('several acknowledgements separated by \';\' or new lines', () => {
    const service = operatorService('XREF001: operator pods;\nXREF002(spec.ports[0].targetPort): the operator adds the port');
    service.spec.ports[0].targetPort = 'other';
    expect(ManifestChecker.check([service])).toEqual([]);
  });

  test('an acknowledgement applies only to its own object', () => {
    const acknowledged = operatorService('XREF001: operator pods');
    const other = svc('other', { selector: { app: 'made-by-operator' }, ports: [{ port: 80 }] });
    expect(ids([acknowledged, other])).toEqual(['1 XREF001 spec.selector']);
  });

  test('fails if an acknowledgement has no reason, and the finding stays', () => {
    expect(ids([operatorService('XREF001:  ')])).toEqual([
      '0 XREF001 spec.selector',
      `0 ACK001 metadata.annotations[${ACK}]`,
    ]);
  });

  test('fails if an acknowledgement names an unknown rule or a server rule', () => {
    const found = ManifestChecker.check([operatorService('XREF001: ok; XREF999: typo; META001: no')]);
    expect(found.map((f) => `${f.ruleId} ${f.value} ${f.message}`)).toEqual([
      'ACK002 \'XREF999\' is not the id of a rule of the catalogue',
      'ACK002 \'META001\' cannot be acknowledged: the API server rejects the object anyway',
    ]);
  });
});

describe('the Kubernetes version', () => {
  const withTrafficDistribution = [web({ trafficDistribution: 'PreferClose' }), WEB_PODS];

  test('a field that became generally available later is unknown before it was listed, a warning while alpha or beta, accepted from GA on', () => {
    expect(ids(withTrafficDistribution)).toEqual(['0 API003 spec.trafficDistribution']);
    expect(ids(withTrafficDistribution, { kubernetesVersion: '1.29' })).toEqual(['0 API003 spec.trafficDistribution']);
    expect(ids(withTrafficDistribution, { kubernetesVersion: '1.30' })).toEqual(['0 API007 spec.trafficDistribution']);
    expect(ManifestChecker.check(withTrafficDistribution, { kubernetesVersion: '1.30' })[0].message).toMatch(/is an alpha field in Kubernetes 1\.30 \(generally available from 1\.33\)/);
    expect(ManifestChecker.check(withTrafficDistribution, { kubernetesVersion: '1.31' })[0].message).toMatch(/is a beta field in Kubernetes 1\.31/);
    expect(ids(withTrafficDistribution, { kubernetesVersion: '1.33' })).toEqual([]);
    expect(ids(withTrafficDistribution, { kubernetesVersion: '1.34' })).toEqual([]);
  });

  test('v1 Endpoints are deprecated from 1.33 on', () => {
    const manifests = [MYSQL, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'mysql' }, subsets: [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }] }];
    expect(ids(manifests, { kubernetesVersion: '1.32' })).toEqual([]);
    expect(ids(manifests, { kubernetesVersion: '1.33' })).toEqual(['1 EP005 apiVersion']);
  });

  test('fails if the version is not one the checker knows', () => {
    expect(() => ManifestChecker.check([], { kubernetesVersion: '1.27' })).toThrow(/`kubernetesVersion` must be a Kubernetes version from '1.28' to '1.34', got '1.27'/);
    expect(() => ManifestChecker.check([], { kubernetesVersion: 'latest' })).toThrow(/`kubernetesVersion` must be a Kubernetes version/);
  });
});

describe('cluster facts', () => {
  test('the namespace objects without one are applied to, as kubectl apply', () => {
    // GIVEN an Ingress in 'default' and its Service without a namespace
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] }, { namespace: 'default' })];
    // THEN they meet in 'default', and not in another namespace the manifests are applied to
    expect(ids(manifests, { complete: true })).toEqual([]);
    expect(ids(manifests, { complete: true, namespace: 'shop' })).toEqual(['2 XREF008 spec.rules[0].http.paths[0].backend.service.name']);
  });

  test('the cluster\'s IP families', () => {
    const dual = [web({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] }), WEB_PODS];
    expect(ids(dual)).toEqual([]);
    expect(ids(dual, { ipFamilies: ['IPv4', 'IPv6'] })).toEqual([]);
    expect(ids(dual, { ipFamilies: ['IPv4'] })).toEqual(['0 SVC025 spec.ipFamilies[1]', '0 SVC025 spec.ipFamilyPolicy']);
    expect(() => ManifestChecker.check([], { ipFamilies: ['IPv5'] })).toThrow(/`ipFamilies` must be \['IPv4'\], \['IPv6'\] or both/);
  });

  test('objects declared to exist elsewhere satisfy references, even in a complete set', () => {
    const manifests = [ingress('site', { rules: [rule('shop.example.com', path('/', 'legacy'))] })];
    expect(ids(manifests, { complete: true })).toEqual(['0 XREF008 spec.rules[0].http.paths[0].backend.service.name']);
    expect(ids(manifests, { complete: true, externalObjects: [{ kind: 'Service', name: 'legacy' }] })).toEqual([]);
    // a typo is not covered by the declaration
    const typo = [ingress('site', { rules: [rule('shop.example.com', path('/', 'legacyy'))] })];
    expect(ids(typo, { complete: true, externalObjects: [{ kind: 'Service', name: 'legacy' }] })).toEqual(['0 XREF008 spec.rules[0].http.paths[0].backend.service.name']);
  });
});

describe('options', () => {
  test('skipRules leaves rules out', () => {
    const manifests = [web({ selector: { app: 'nobody' } })];
    expect(ids(manifests, { skipRules: ['XREF001'] })).toEqual([]);
  });

  test('null options and a manifest list that is not a list are tolerated', () => {
    expect(ManifestChecker.check([web(), WEB_PODS], null as any)).toEqual([]);
    expect(ManifestChecker.check(null as any)).toEqual([]);
  });

  test('fails if the options are invalid', () => {
    expect(() => ManifestChecker.check([], { nodePortRange: '40000' })).toThrow(/`nodePortRange` must be a port range '<first>-<last>' within 1-65535, got '40000'/);
    expect(() => ManifestChecker.check([], { skipRules: ['SVC001', 'nope'] })).toThrow(/`skipRules\[1\]` must be the id of a rule of the catalogue, got 'nope'/);
  });

  test('the node port range bounds nodePort', () => {
    const np = (nodePort: number) => [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort }] }), WEB_PODS];
    expect(ids(np(32767))).toEqual([]);
    expect(ids(np(32768))).toEqual(['0 SVC007 spec.ports[0].nodePort']);
    expect(ids(np(20000), { nodePortRange: '20000-22767' })).toEqual([]);
  });
});

describe('robustness', () => {
  test('kinds the catalogue does not know are context only', () => {
    expect(ids([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not_Checked' }, data: { a: 1 } }])).toEqual([]);
  });

  test('findings are ordered by manifest index', () => {
    const found = ManifestChecker.check([web({ selector: { app: 'x' } }), svc('b', { ports: [{ port: 0 }] }), null]);
    expect(found.map((f) => f.manifestIndex)).toEqual([...found.map((f) => f.manifestIndex)].sort((a, b) => a - b));
  });

  test('names of inherited members are not mistaken for known kinds, versions or rules', () => {
    const tricky = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    for (const word of tricky) {
      expect(ids([{ apiVersion: word, kind: word, metadata: { name: 'x', annotations: { [ACK]: `${word}: reason` } } }])).toEqual([
        `0 ACK001 metadata.annotations[${ACK}]`,
      ]);
      expect(() => ManifestChecker.rule(word)).toThrow(/must be the id of a rule/);
      expect(() => ManifestChecker.check([], { skipRules: [word] })).toThrow(/must be the id of a rule/);
    }
  });

  test('never throws on hostile input, whatever the shape', () => {
    const known = ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass', 'StatefulSet', 'Deployment'];
    const versions = ['v1', 'discovery.k8s.io/v1', 'networking.k8s.io/v1', 'apps/v1'];
    const anyValue = fc.anything({ maxDepth: 3, withNullPrototype: false });
    const manifest = fc.record({
      apiVersion: fc.oneof(fc.constantFrom(...versions), anyValue),
      kind: fc.oneof(fc.constantFrom(...known), anyValue),
      metadata: fc.oneof(fc.record({ name: anyValue, namespace: anyValue, labels: anyValue, annotations: anyValue }), anyValue),
      spec: fc.oneof(fc.record({
        ports: fc.oneof(
          fc.array(fc.record({ port: anyValue, name: anyValue, targetPort: anyValue, nodePort: anyValue, protocol: anyValue })),
          anyValue,
        ),
        selector: anyValue,
        type: anyValue,
        clusterIP: anyValue,
        clusterIPs: anyValue,
        externalName: anyValue,
        rules: anyValue,
        tls: anyValue,
        defaultBackend: anyValue,
        sessionAffinityConfig: anyValue,
        serviceName: anyValue,
        template: anyValue,
      }, { requiredKeys: [] }), anyValue),
      endpoints: anyValue,
      subsets: anyValue,
      addressType: anyValue,
      ports: anyValue,
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(fc.oneof(manifest, anyValue), { maxLength: 5 }), (manifests) => {
      const findings = ManifestChecker.check(manifests);
      for (const f of findings) {
        expect(typeof f.message).toBe('string');
      }
    }), { numRuns: 300 });
  });
});

describe('EndpointSlice details', () => {
  test('fails if two slice ports are both unnamed', () => {
    const found = ids([MYSQL, slice('mysql-1', 'mysql', { ports: [{ port: 3306 }, { port: 3307 }] })]);
    expect(found).toContain('1 EPS005 ports[1].name');
  });

  test('fails if an FQDN address has a single label', () => {
    const fqdn = (address: string) => [MYSQL, slice('mysql-1', 'mysql', { addressType: 'FQDN', endpoints: [{ addresses: [address] }] })];
    expect(ids(fqdn('db.example.com'))).toEqual([]);
    expect(ids(fqdn('db'))).toEqual(['1 EPS003 endpoints[0].addresses[0]']);
  });
});

describe('Ingress details', () => {
  test('fails if a TLS secretName or a resource backend name is not usable', () => {
    const ing = ingress('site', {
      tls: [{ hosts: ['shop.example.com'], secretName: 'Shop_TLS' }],
      defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static/assets' } },
      rules: [rule('shop.example.com', path('/'))],
    });
    expect(ids([web(), WEB_PODS, ing])).toEqual([
      '2 ING006 spec.defaultBackend.resource.name',
      '2 ING007 spec.tls[0].secretName',
    ]);
  });
});

describe('allocations', () => {
  test('fails if two Services ask for the same cluster IP', () => {
    const a = svc('a', { clusterIP: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP' }] });
    const b = svc('b', { clusterIP: '10.96.0.10', ports: [{ port: 53, protocol: 'UDP' }] });
    expect(ids([a, b], { skipRules: ['XREF014'] })).toEqual(['1 SVC021 spec.clusterIP']);
  });

  test('the same node port on TCP and UDP is fine', () => {
    const a = svc('a', { type: 'NodePort', ports: [{ port: 53, nodePort: 30053 }] });
    const b = svc('b', { type: 'NodePort', ports: [{ port: 53, nodePort: 30053, protocol: 'UDP' }] });
    expect(ids([a, b], { skipRules: ['XREF014'] })).toEqual([]);
  });
});

describe('named target ports', () => {
  test('fails if the container port has the name but another protocol', () => {
    // GIVEN a UDP Service port whose targetPort names a TCP container port
    const dns = svc('dns', { selector: { app: 'dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns' }] });
    const pods = deployment('dns', { app: 'dns' }, [{ name: 'dns', containerPort: 5353 }]);
    // THEN
    const [finding] = ManifestChecker.check([dns, pods]);
    expect(finding).toEqual(expect.objectContaining({ ruleId: 'XREF002', field: 'spec.ports[0].targetPort' }));
    expect(finding.message).toMatch(/does not declare with protocol UDP/);
    // AND with the UDP container port it is clean
    expect(ids([dns, deployment('dns', { app: 'dns' }, [{ name: 'dns', containerPort: 5353, protocol: 'UDP' }])])).toEqual([]);
  });
});

describe('documents that are not objects', () => {
  test('fails if a document is not a map', () => {
    const found = ManifestChecker.check([null, 'text', [1]]);
    expect(found.map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field} ${f.value}`)).toEqual([
      '0 API005 (object) null',
      '1 API005 (object) \'text\'',
      '2 API005 (object) [1]',
    ]);
  });
});

describe('unknown fields with an empty key', () => {
  test('fails if a field name is empty, and the finding names the field (found by fuzzing)', () => {
    // GIVEN a Service with an empty key at the top and in its spec
    const service = { ...web(), '': 1 };
    service.spec = { ...service.spec, '': 'x' };
    // WHEN
    const found = ids([service, WEB_PODS]);
    // THEN the field is written as [""], never as an empty string
    expect(found).toEqual(['0 API003 spec[""]', '0 API003 [""]']);
  });
});

describe('selectors with values that are not strings', () => {
  test('fails if a selector value is an object whose toString is not a function, without throwing (found by fuzzing)', () => {
    // GIVEN YAML such as `selector: { app: { toString: { name: x } } }`
    const service = web({ selector: { app: { toString: { name: 'x' } } } });
    // WHEN
    const found = ids([service, WEB_PODS]);
    // THEN the value's type is reported, and the selector matches no pod
    expect(found).toEqual(['0 API004 spec.selector[app]', '0 XREF001 spec.selector']);
  });
});

describe('Ingress backends of a Service with hostile ports', () => {
  test('fails if a backend port is not a port of a Service whose port is an object, without throwing (found by fuzzing)', () => {
    // GIVEN a Service port whose `port` is an object with a `toString` key, and an Ingress routing to port 8080
    const service = web({ ports: [{ name: 'http', port: { toString: { name: 'x' } }, targetPort: 8080 }] });
    const site = ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { number: 8080 }))] });
    // WHEN
    const found = ManifestChecker.check([service, WEB_PODS, site]);
    // THEN the Service port's type is reported, and the backend port is named with the value rendered
    expect(found.map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field}`)).toEqual(expect.arrayContaining([
      '0 API004 spec.ports[0].port',
      '2 XREF009 spec.rules[0].http.paths[0].backend.service.port.number',
    ]));
    expect(found.find((f) => f.ruleId === 'XREF009')?.message).toMatch(/\(it has \{"toString":\{"name":"x"\}\}\)/);
  });
});

describe('EndpointSlices whose service-name label is not a string', () => {
  test('a slice with a hostile label value does not crash the checker and backs no Service (found by fuzzing)', () => {
    // GIVEN a selector-less Service named 'undefined', a slice without the label, and one whose label is an object
    const service = svc('undefined', { ports: [{ name: 'mysql', port: 3306 }] });
    const unlabelled = slice('s-1', undefined);
    const hostile = slice('s-2', undefined, {}, { labels: { 'kubernetes.io/service-name': { toString: { name: 'x' } } } });
    // WHEN
    const found = ids([service, unlabelled, hostile]);
    // THEN neither slice backs the Service (the missing label is not the name 'undefined')
    expect(found).toEqual(expect.arrayContaining(['0 XREF014 spec.selector', '1 XREF005 metadata.labels', '2 XREF005 metadata.labels']));
  });
});

describe('traffic policies', () => {
  test('externalTrafficPolicy on a ClusterIP Service with external IPs: refused by 1.28, accepted from 1.29', () => {
    const manifests = [web({ externalIPs: ['203.0.113.10'], externalTrafficPolicy: 'Local' }), WEB_PODS];
    expect(ids(manifests)).toEqual(['0 SVC014 spec.externalTrafficPolicy']);
    expect(ids(manifests, { kubernetesVersion: '1.29' })).toEqual([]);
    expect(ids([web({ externalTrafficPolicy: 'Local' }), WEB_PODS])).toEqual(['0 SVC014 spec.externalTrafficPolicy']);
  });
});

describe('what the API server accepts is not reported as a server error', () => {
  test('a source range with space around it is accepted, as the server trims it', () => {
    expect(ids([web({ type: 'LoadBalancer', loadBalancerSourceRanges: [' 10.0.0.0/8'] }), WEB_PODS])).toEqual([]);
  });

  test('leading zeros are NET001 (acknowledgeable), and the address is checked as the server reads it', () => {
    // GIVEN a cluster IP and an endpoint written with leading zeros; the endpoint reads as loopback
    const service = svc('mysql', { clusterIP: '010.96.0.10', ports: [{ name: 'mysql', port: 3306 }] });
    const found = ManifestChecker.check([service, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['127.000.0.1'] }] })]);
    // THEN
    expect(found.map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field}`)).toEqual([
      '0 NET001 spec.clusterIP',
      '1 NET001 endpoints[0].addresses[0]',
      '1 EPS004 endpoints[0].addresses[0]',
    ]);
    expect(found[0].fix).toBe("write '10.96.0.10'");
    expect(ManifestChecker.rule('NET001').acknowledgeable).toBe(true);
  });

  test('a global multicast or broadcast external IP is NET002; link-local multicast is the server\'s SVC012', () => {
    const found = ids([web({ externalIPs: ['239.1.2.3', '255.255.255.255', '224.0.0.1', 'ff02::1', 'ff05::1'] }), WEB_PODS]);
    expect(found).toEqual([
      '0 NET002 spec.externalIPs[0]',
      '0 NET002 spec.externalIPs[1]',
      '0 SVC012 spec.externalIPs[2]',
      '0 SVC012 spec.externalIPs[3]',
      '0 NET002 spec.externalIPs[4]',
    ]);
  });
});

describe('real-world manifests the checker used to get wrong', () => {
  test('an AWS Load Balancer Controller action backend is not a Service', () => {
    // GIVEN an Ingress whose backend names an action annotation, and port use-annotation
    const ing = ingress('site', { rules: [rule('shop.example.com', path('/', 'ssl-redirect', { name: 'use-annotation' }))] }, {
      annotations: { 'alb.ingress.kubernetes.io/actions.ssl-redirect': '{"Type": "redirect"}' },
    });
    // THEN nothing is reported, even as a complete set
    expect(ids([ing], { complete: true })).toEqual([]);
    // AND without the annotation it is still an action, not a Service (a controller such as Argo
    // Rollouts may add the annotation): ING010, a warning, says the annotation is missing
    const plain = ingress('site', { rules: [rule('shop.example.com', path('/', 'ssl-redirect', { name: 'use-annotation' }))] });
    expect(ids([plain], { complete: true })).toEqual(['0 ING010 spec.rules[0].http.paths[0].backend.service.name']);
  });

  test('a selector of a label the StatefulSet controller adds selects that StatefulSet\'s pods', () => {
    // GIVEN a StatefulSet 'web' and a Service per pod
    const sts = statefulSet('web', 'web-headless');
    const perPod = svc('web-0', { selector: { 'statefulset.kubernetes.io/pod-name': 'web-0' }, ports: [{ port: 7000 }] });
    const byIndex = svc('web-first', { selector: { 'app': 'web', 'apps.kubernetes.io/pod-index': '0' }, ports: [{ port: 7000 }] });
    const otherSet = svc('db-0', { selector: { 'statefulset.kubernetes.io/pod-name': 'db-0' }, ports: [{ port: 7000 }] });
    // THEN the pods are found; a pod name of another set is not
    const headless = svc('web-headless', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'peer', port: 7000 }] });
    expect(ids([headless, sts, perPod, byIndex, otherSet], { complete: true })).toEqual(['4 XREF001 spec.selector']);
  });

  test('an Ingress host that the API server parses as an IP address (leading zeros) is refused', () => {
    const ing = ingress('site', { rules: [rule('01.02.03.04', path('/'))] });
    expect(ids([web(), WEB_PODS, ing])).toEqual(['2 ING002 spec.rules[0].host']);
  });

  test('clusterIPs without clusterIP are refused', () => {
    expect(ids([web({ clusterIPs: ['10.96.0.10'] }), WEB_PODS])).toEqual(['0 SVC009 spec.clusterIPs']);
    expect(ids([web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] }), WEB_PODS])).toEqual([]);
  });

  test('routes on other Traefik entry points and ingress-nginx canaries are not served twice', () => {
    const main = ingress('main', { rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } });
    const plain = ingress('redirect', { rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'web' } });
    const same = ingress('again', { rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } });
    expect(ids([web(), WEB_PODS, main, plain])).toEqual([]);
    expect(ids([web(), WEB_PODS, main, same])).toEqual(['3 XREF011 spec.rules[0].http.paths[0].path']);
    const canary = ingress('canary', { rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' } });
    expect(ids([web(), WEB_PODS, main, canary])).toEqual([]);
  });
});

describe('acknowledging one finding', () => {
  const withAck = (ack: string, backend: string) => ingress('site', { rules: [rule('shop.example.com', path('/', backend))] }, { annotations: { [ACK]: ack } });

  test('an acknowledgement accepts the finding it names, and a later typo is reported', () => {
    // GIVEN an Ingress that acknowledges its outside Service 'legacy-svc'
    expect(ids([withAck('XREF008(legacy-svc): run by the platform team', 'legacy-svc')], { complete: true })).toEqual([]);
    // WHEN the backend is changed to a typo
    // THEN the typo is reported: the acknowledgement named another Service
    expect(ids([withAck('XREF008(legacy-svc): run by the platform team', 'legcy-svc')], { complete: true }))
      .toEqual(['0 XREF008 spec.rules[0].http.paths[0].backend.service.name']);
  });

  test('fails if a rule of several findings per object is acknowledged without naming the finding', () => {
    const found = ManifestChecker.check([withAck('XREF008: run by the platform team', 'legacy-svc')], { complete: true });
    expect(found.map((f) => f.ruleId)).toEqual(['XREF008', 'ACK001']);
    expect(found[1].message).toMatch(/must name the finding it accepts: XREF008 can find several things on one object/);
    expect(found[1].fix).toBe('write \'XREF008(legacy-svc): ...\'');
  });
});
