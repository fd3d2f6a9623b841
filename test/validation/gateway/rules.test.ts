import {
  backendTlsPolicy, gateway, gatewayClass, grpcRoute, httpRoute, l4Gateway, l4Route, l4Set, listenerSet, referenceGrant, secret, service, tlsGateway,
  tlsRoute, validSet,
} from './_fixtures';
import { ids, run } from './_run';
import { Severity } from '../../../src/validation/finding';
import { GATEWAY_RULES } from '../../../src/validation/rules/gateway';

/** One rule: manifests that pass it (no finding at all), and manifests that fail it at `field`. */
interface RuleCase {
  readonly id: string;
  readonly title: string;
  readonly pass: any[];
  readonly fail: any[];
  readonly field: string;
  readonly severity?: Severity;
  readonly complete?: boolean;
}

function edit<T>(x: T, change: (x: T) => void): T {
  change(x);
  return x;
}

const V1 = 'gateway.networking.k8s.io/v1';
const BASE = validSet();
/** The valid set without the object at `index`, plus `objects`. */
function without(kind: string, ...objects: any[]): any[] {
  return [...validSet().filter((o) => o.kind !== kind), ...objects];
}

const CASES: RuleCase[] = [
  // Versions and kinds
  { id: 'API001', title: 'an HTTPRoute at v1alpha2 (not served)', pass: BASE, fail: [{ ...httpRoute(), apiVersion: 'gateway.networking.k8s.io/v1alpha2' }], field: 'apiVersion' },
  { id: 'API001', title: 'a TLSRoute at v1alpha3 (listed, not served)', pass: BASE, fail: [{ ...tlsRoute(), apiVersion: 'gateway.networking.k8s.io/v1alpha3' }], field: 'apiVersion' },
  { id: 'API006', title: 'a misspelt kind', pass: BASE, fail: [{ ...httpRoute(), kind: 'HttpRoute' }], field: 'kind' },
  // Schema
  { id: 'GW001', title: 'an unknown field in a match', pass: BASE, fail: [edit(httpRoute(), (r) => { r.spec.rules[0].matches[0].pathPrefix = '/'; })], field: 'spec.rules[0].matches[0].pathPrefix' },
  { id: 'GW001', title: 'an unknown top-level field', pass: BASE, fail: [{ ...gatewayClass(), specs: {} }], field: 'specs' },
  { id: 'GW002', title: 'a listener port as a string', pass: BASE, fail: [edit(gateway(), (g) => { g.spec.listeners[0].port = '80'; })], field: 'spec.listeners[0].port' },
  { id: 'GW003', title: 'a Gateway without gatewayClassName', pass: BASE, fail: [edit(gateway(), (g) => { delete g.spec.gatewayClassName; })], field: 'spec.gatewayClassName' },
  { id: 'GW003', title: 'a ReferenceGrant without spec', pass: BASE, fail: [edit(referenceGrant(), (g) => { delete g.spec; })], field: 'spec' },
  { id: 'GW004', title: 'allowedRoutes from a value in lower case', pass: BASE, fail: [edit(gateway(), (g) => { g.spec.listeners[0].allowedRoutes.namespaces.from = 'all'; })], field: 'spec.listeners[0].allowedRoutes.namespaces.from' },
  { id: 'GW005', title: 'more than 16 hostnames', pass: BASE, fail: [edit(httpRoute(), (r) => { r.spec.hostnames = Array.from({ length: 17 }, (_x, i) => `h${i}.example.com`); })], field: 'spec.hostnames' },
  { id: 'GW005', title: 'a port above 65535', pass: BASE, fail: [edit(gateway(), (g) => { g.spec.listeners[0].port = 70000; })], field: 'spec.listeners[0].port' },
  { id: 'GW006', title: 'a hostname with an upper-case letter', pass: BASE, fail: [edit(httpRoute(), (r) => { r.spec.hostnames = ['Store.example.com']; })], field: 'spec.hostnames[0]' },
  { id: 'GW007', title: 'two listeners with the same name (a list keyed by name)', pass: BASE, fail: [edit(gateway(), (g) => { g.spec.listeners[1].name = 'http'; })], field: 'spec.listeners[1]' },
  { id: 'GW008', title: 'a path without leading slash (CEL)', pass: BASE, fail: [edit(httpRoute(), (r) => { r.spec.rules[0].matches[0].path.value = 'store'; })], field: 'spec.rules[0].matches[0].path' },
  { id: 'GW008', title: 'a Service backendRef without port (CEL)', pass: BASE, fail: [edit(httpRoute(), (r) => { delete r.spec.rules[0].backendRefs[0].port; })], field: 'spec.rules[0].backendRefs[0]' },
  { id: 'GW008', title: 'a TLSRoute hostname that is an IP (CEL with isIP)', pass: BASE, fail: [tlsRoute({ hostnames: ['10.0.0.1'] })], field: 'spec.hostnames' },
  { id: 'GW008', title: 'a GRPC service name with invalid characters (CEL, RE2 (?i))', pass: BASE, fail: [grpcRoute({ rules: [{ matches: [{ method: { service: 'com-example', method: 'Login' } }] }] })], field: 'spec.rules[0].matches[0].method' },
  { id: 'GW009', title: 'an address of type IPAddress (the default) that is not an IP address (oneOf with format ipv4/ipv6)', pass: BASE, fail: [edit(gateway(), (g) => { g.spec.addresses = [{ value: 'gw.example.com' }]; })], field: 'spec.addresses[0]' },
  { id: 'GW008', title: 'tls on an HTTP listener (CEL)', pass: BASE, fail: [edit(gateway(), (g) => { g.spec.listeners[0].tls = g.spec.listeners[1].tls; })], field: 'spec.listeners' },
  // Cross-object
  { id: 'GW101', title: 'a parentRef to a Gateway that is not among the manifests', pass: BASE, fail: without('Gateway', tlsGateway()), field: 'spec.parentRefs[0].name' },
  { id: 'GW101', title: 'a parentRef to a Gateway not among the manifests, declared complete: an error', complete: true, severity: Severity.ERROR, pass: BASE, fail: [httpRoute()], field: 'spec.parentRefs[0].name' },
  { id: 'GW102', title: 'a sectionName that names no listener', pass: BASE, fail: [...without('HTTPRoute'), edit(httpRoute(), (r) => { r.spec.parentRefs[0].sectionName = 'htps'; })], field: 'spec.parentRefs[0]' },
  { id: 'GW102', title: 'a port that no listener has', pass: BASE, fail: [...without('HTTPRoute'), edit(httpRoute(), (r) => { r.spec.parentRefs[0] = { name: 'shared', namespace: 'infra', port: 8443 }; })], field: 'spec.parentRefs[0]' },
  { id: 'GW103', title: 'a hostname outside the listener\'s *.example.com (the bare domain)', severity: Severity.WARNING, pass: BASE, fail: [...without('HTTPRoute'), httpRoute({ hostnames: ['example.com'] })], field: 'spec.hostnames' },
  {
    id: 'GW104',
    title: 'a route from another namespace on a listener that admits its own namespace only',
    severity: Severity.WARNING,
    pass: BASE,
    fail: [...without('Gateway', tlsGateway(), edit(gateway(), (g) => { delete g.spec.listeners[1].allowedRoutes; }))],
    field: 'spec.parentRefs[0]',
  },
  {
    id: 'GW104',
    title: 'a namespace selector on kubernetes.io/metadata.name that does not select the route\'s namespace',
    severity: Severity.WARNING,
    pass: [...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.listeners[1].allowedRoutes = { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'store' } } } }; }))],
    fail: [...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.listeners[1].allowedRoutes = { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } } }; }))],
    field: 'spec.parentRefs[0]',
  },
  { id: 'GW104', title: 'a TLSRoute on an HTTPS listener', severity: Severity.WARNING, pass: BASE, fail: [...validSet(), tlsRoute({ parentRefs: [{ name: 'shared', namespace: 'infra', sectionName: 'https' }] })], field: 'spec.parentRefs[0]' },
  // TCPRoute and UDPRoute: the same references, no hostnames
  { id: 'GW101', title: 'a TCPRoute whose Gateway is not among the manifests', pass: l4Set(), fail: [...validSet(), l4Route('TCPRoute', 'postgres')], field: 'spec.parentRefs[0].name' },
  { id: 'GW102', title: 'a UDPRoute on a listener the Gateway does not have', pass: l4Set(), fail: [...validSet(), l4Gateway(), l4Route('UDPRoute', 'dns-tcp')], field: 'spec.parentRefs[0]' },
  {
    id: 'GW104',
    title: 'a TCPRoute on a TLS passthrough listener (a TLS listener that terminates TLS takes it)',
    severity: Severity.WARNING,
    pass: [...validSet(), edit(tlsGateway(), (g) => { g.spec.listeners[0].tls = { mode: 'Terminate', certificateRefs: [{ name: 'example-com-tls', namespace: 'infra' }] }; }),
      edit(l4Route('TCPRoute', 'tls'), (r) => { r.spec.parentRefs[0].name = 'passthrough'; })],
    fail: [...validSet(), edit(l4Route('TCPRoute', 'tls'), (r) => { r.spec.parentRefs[0].name = 'passthrough'; })],
    field: 'spec.parentRefs[0]',
  },
  { id: 'GW104', title: 'a TCPRoute on a UDP listener', severity: Severity.WARNING, pass: l4Set(), fail: [...validSet(), l4Gateway(), l4Route('TCPRoute', 'dns')], field: 'spec.parentRefs[0]' },
  { id: 'GW105', title: 'a UDPRoute backendRef to a Service that is not among the manifests', pass: l4Set(), fail: [...validSet(), l4Gateway(), l4Route('UDPRoute', 'dns', { name: 'resolver', port: 53 })], field: 'spec.rules[0].backendRefs[0].name' },
  { id: 'GW106', title: 'a TCPRoute backendRef port that the Service does not have', pass: l4Set(), fail: [...validSet(), l4Gateway(), l4Route('TCPRoute', 'postgres', { name: 'store-v1', port: 5432 })], field: 'spec.rules[0].backendRefs[0].port' },
  {
    id: 'GW107',
    title: 'a TCPRoute backendRef to another namespace, granted to HTTPRoutes only',
    pass: [...l4Set(), service('pg', 'backends', 5432), referenceGrant({ from: [{ group: 'gateway.networking.k8s.io', kind: 'TCPRoute', namespace: 'store' }] }),
      l4Route('TCPRoute', 'postgres', { name: 'pg', namespace: 'backends', port: 5432 })],
    fail: [...l4Set(), service('pg', 'backends', 5432), referenceGrant(), l4Route('TCPRoute', 'postgres', { name: 'pg', namespace: 'backends', port: 5432 })],
    field: 'spec.rules[0].backendRefs[0].namespace',
  },
  { id: 'GW105', title: 'a backendRef to a Service that is not among the manifests', pass: BASE, fail: [...without('HTTPRoute'), edit(httpRoute(), (r) => { r.spec.rules[0].backendRefs[0].name = 'store-v2'; })], field: 'spec.rules[0].backendRefs[0].name' },
  {
    id: 'GW105',
    title: 'a requestMirror filter to a Service that is not among the manifests',
    pass: [...without('HTTPRoute'), service('store-shadow'), edit(httpRoute(), (r) => { r.spec.rules[0].filters = [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'store-shadow', port: 8080 } } }]; })],
    fail: [...without('HTTPRoute'), edit(httpRoute(), (r) => { r.spec.rules[0].filters = [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'store-shadow', port: 8080 } } }]; })],
    field: 'spec.rules[0].filters[0].requestMirror.backendRef.name',
  },
  { id: 'GW106', title: 'a backendRef port that the Service does not have', pass: BASE, fail: [...without('HTTPRoute'), edit(httpRoute(), (r) => { r.spec.rules[0].backendRefs[0].port = 80; })], field: 'spec.rules[0].backendRefs[0].port' },
  {
    id: 'GW107',
    title: 'a backendRef to another namespace without ReferenceGrant',
    pass: [...without('HTTPRoute'), service('api', 'backends'), referenceGrant(), edit(httpRoute(), (r) => { r.spec.rules[0].backendRefs[0] = { name: 'api', namespace: 'backends', port: 8080 }; })],
    fail: [...without('HTTPRoute'), service('api', 'backends'), referenceGrant({ from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'store' }] }),
      edit(httpRoute(), (r) => { r.spec.rules[0].backendRefs[0] = { name: 'api', namespace: 'backends', port: 8080 }; })],
    field: 'spec.rules[0].backendRefs[0].namespace',
  },
  {
    id: 'GW107',
    title: 'a certificateRef to another namespace without ReferenceGrant',
    pass: [...without('Gateway', tlsGateway(), secret('wildcard', 'certs'),
      edit(referenceGrant({ from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra' }], to: [{ group: '', kind: 'Secret', name: 'wildcard' }] }), (g) => { g.metadata.namespace = 'certs'; }),
      edit(gateway(), (g) => { g.spec.listeners[1].tls.certificateRefs = [{ name: 'wildcard', namespace: 'certs' }]; }))],
    fail: [...without('Gateway', tlsGateway(), secret('wildcard', 'certs'), edit(gateway(), (g) => { g.spec.listeners[1].tls.certificateRefs = [{ name: 'wildcard', namespace: 'certs' }]; }))],
    field: 'spec.listeners[1].tls.certificateRefs[0].namespace',
  },
  { id: 'GW108', title: 'a certificateRef to a Secret that is not among the manifests', pass: BASE, fail: without('Secret'), field: 'spec.listeners[1].tls.certificateRefs[0].name' },
  {
    id: 'GW110',
    title: 'a listener kind that is not a route kind of the Gateway API (the conformance suite\'s InvalidRoute)',
    severity: Severity.WARNING,
    pass: [...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.listeners[1].allowedRoutes.kinds = [{ kind: 'HTTPRoute' }, { kind: 'GRPCRoute' }, { group: 'example.com', kind: 'FooRoute' }]; }))],
    fail: [...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.listeners[1].allowedRoutes.kinds = [{ kind: 'InvalidRoute' }, { kind: 'HTTPRoute' }, { kind: 'GRPCRoute' }]; }))],
    field: 'spec.listeners[1].allowedRoutes.kinds[0]',
  },
  {
    id: 'GW110',
    title: 'a route kind the listener protocol does not carry (a TCPRoute on HTTP)',
    severity: Severity.WARNING,
    pass: BASE,
    fail: [...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.listeners[0].allowedRoutes = { namespaces: { from: 'All' }, kinds: [{ kind: 'TCPRoute' }] }; }))],
    field: 'spec.listeners[0].allowedRoutes.kinds[0]',
  },
  {
    id: 'GW109',
    title: 'two HTTPRoutes claiming the same hostname and path on one listener',
    severity: Severity.WARNING,
    pass: [...validSet(), edit(httpRoute({ hostnames: ['shop.example.com'] }), (r) => { r.metadata.name = 'shop'; })],
    fail: [...validSet(), edit(httpRoute(), (r) => { r.metadata.name = 'store-copy'; r.spec.rules = [r.spec.rules[0]]; })],
    field: 'spec.rules[0].matches[0]',
  },
];

describe('every Gateway API rule has a passing and a failing case', () => {
  test('the set of valid manifests has no finding', () => {
    expect(run(validSet())).toEqual([]);
    expect(run(validSet(), { complete: true })).toEqual([]);
    expect(run(l4Set(), { complete: true })).toEqual([]);
  });

  test.each(CASES.map((c) => [c.id, c.title, c] as const))('%s: %s', (id, _title, c) => {
    const settings = { complete: c.complete === true };
    expect(ids(run(c.pass, settings))).toEqual([]);
    const found = run(c.fail, settings).filter((f) => f.ruleId === id);
    expect(found.map((f) => f.field)).toContain(c.field);
    const finding = found.find((f) => f.field === c.field)!;
    if (c.severity !== undefined) expect(finding.severity).toBe(c.severity);
    // The style of every message: lower case, no final period; a fix.
    expect(finding.message).toMatch(/^[a-z'`(]/);
    expect(finding.message).not.toMatch(/\.$/);
    expect(finding.fix).toBeTruthy();
  });

  test('each rule id has at least one case, and docs on the Gateway API site', () => {
    const covered = new Set(CASES.map((c) => c.id));
    for (const rule of GATEWAY_RULES) {
      expect(covered.has(rule.id)).toBe(true);
      expect(rule.docsUrl).toMatch(/^https:\/\/gateway-api\.sigs\.k8s\.io\//);
    }
  });
});

test('GW110 says when a listener is left with no route kind it can take', () => {
  const g = edit(gateway(), (x) => { x.spec.listeners[1].allowedRoutes.kinds = [{ kind: 'InvalidRoute' }]; });
  const found = run([...without('Gateway', tlsGateway(), g)]).filter((f) => f.ruleId === 'GW110');
  expect(found.map((f) => [f.field, f.value])).toEqual([['spec.listeners[1].allowedRoutes.kinds[0]', "'InvalidRoute'"]]);
  expect(found[0].message).toMatch(/is not a route kind of the Gateway API .*InvalidRouteKinds.*admits no route/);
  // a listener that terminates TLS carries TCPRoutes; one that passes TLS through does not
  const tls = (mode: string) => edit(tlsGateway(), (x) => {
    x.spec.listeners[0].tls = mode === 'Terminate' ? { mode, certificateRefs: [{ name: 'example-com-tls' }] } : { mode };
    x.spec.listeners[0].allowedRoutes.kinds = [{ kind: 'TCPRoute' }];
  });
  expect(run([tls('Terminate'), secret()]).filter((f) => f.ruleId === 'GW110')).toEqual([]);
  expect(run([tls('Passthrough')]).filter((f) => f.ruleId === 'GW110').map((f) => f.message)).toEqual([expect.stringMatching(/protocol TLS does not carry \(it takes TLSRoute\)/)]);
});

test('GW105 says what a route of each kind does with a backend that does not resolve', () => {
  const messages = run([...validSet(), l4Gateway(), l4Route('TCPRoute', 'postgres', { name: 'pg', port: 5432 }), edit(httpRoute(), (r) => { r.metadata.name = 'other'; r.spec.rules[0].backendRefs[0].name = 'gone'; })])
    .filter((f) => f.ruleId === 'GW105').map((f) => `${f.kind}: ${f.message}`);
  expect(messages).toEqual([
    expect.stringMatching(/^TCPRoute: names Service 'pg'.*connections this backend would get are rejected \(ResolvedRefs: BackendNotFound\)/),
    expect.stringMatching(/^HTTPRoute: names Service 'gone'.*requests this backend would get are answered with an error \(500\)/),
  ]);
});

describe('objects outside the checked set', () => {
  test('a missing Gateway, Service or Secret is a warning, and an error when the set is declared complete', () => {
    const set = [httpRoute()];
    expect(run(set).map((f) => [f.ruleId, f.severity])).toEqual([['GW101', Severity.WARNING], ['GW105', Severity.WARNING], ['GW105', Severity.WARNING]]);
    expect(run(set, { complete: true }).every((f) => f.severity === Severity.ERROR)).toBe(true);
  });

  test('objects declared external are not reported', () => {
    const external = new Set(['Gateway/infra/shared', 'Service/store/store-v1']);
    expect(run([httpRoute()], { external })).toEqual([]);
  });

  test('a namespace selector on labels of a Namespace that is not among the manifests is unknown, not wrong', () => {
    const g = edit(gateway(), (x) => { x.spec.listeners[1].allowedRoutes = { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'store' } } } }; });
    expect(run([...without('Gateway', tlsGateway(), g)])).toEqual([]);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'store', labels: { team: 'shop' } } };
    expect(run([...without('Gateway', tlsGateway(), g), ns]).map((f) => `${f.ruleId} ${f.kind} ${f.field}`))
      .toEqual(['GW104 HTTPRoute spec.parentRefs[0]', 'GW104 GRPCRoute spec.parentRefs[0]']);
  });

  test('a mesh parentRef (a Service) and a backendRef of another kind are not followed', () => {
    const r = httpRoute({ parentRefs: [{ group: '', kind: 'Service', name: 'store-v1' }] });
    r.spec.rules[0].backendRefs[0] = { group: 'multicluster.x-k8s.io', kind: 'ServiceImport', name: 'store', port: 8080 };
    expect(run([service(), r])).toEqual([]);
  });
});

describe('hostnames', () => {
  test.each([
    ['*.example.com', 'store.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '*.store.example.com', true],
    ['store.example.com', 'shop.example.com', false],
  ])('listener %s and route %s: attached %s', (listener, host, attached) => {
    const g = edit(gateway(), (x) => { x.spec.listeners[1].hostname = listener; });
    const found = run([...without('Gateway', tlsGateway(), g).filter((o) => o.kind !== 'HTTPRoute'), httpRoute({ hostnames: [host] })]);
    expect(found.some((f) => f.ruleId === 'GW103')).toBe(!attached);
  });
});

describe('conflicting routes', () => {
  test('the route that loses is reported, naming the winner (older, then first by namespace/name)', () => {
    const a = edit(httpRoute(), (r) => { r.metadata.name = 'b-route'; r.spec.rules = [r.spec.rules[0]]; });
    const b = edit(httpRoute(), (r) => { r.metadata.name = 'a-route'; r.spec.rules = [r.spec.rules[0]]; });
    const found = run([gateway(), secret(), service(), a, b]).filter((f) => f.ruleId === 'GW109');
    expect(found.map((f) => [f.name, f.target])).toEqual([['b-route', 'store/a-route']]);
    a.metadata.creationTimestamp = '2024-01-01T00:00:00Z';
    b.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    const older = run([gateway(), secret(), service(), a, b]).filter((f) => f.ruleId === 'GW109');
    expect(older.map((f) => [f.name, f.target])).toEqual([['a-route', 'store/b-route']]);
  });

  test('different headers, or one route\'s rules among themselves, are no conflict', () => {
    const a = edit(httpRoute(), (r) => { r.metadata.name = 'a'; r.spec.rules = [r.spec.rules[1]]; });
    const b = edit(httpRoute(), (r) => { r.metadata.name = 'b'; r.spec.rules = [r.spec.rules[1]]; r.spec.rules[0].matches[0].headers[0].value = 'false'; });
    const self = edit(httpRoute(), (r) => { r.spec.rules.push(r.spec.rules[0]); });
    expect(run([gateway(), secret(), service(), a, b, ...[]]).filter((f) => f.ruleId === 'GW109')).toEqual([]);
    expect(run([gateway(), secret(), service(), self]).filter((f) => f.ruleId === 'GW109')).toEqual([]);
  });
});

describe('other kinds', () => {
  test('a BackendTLSPolicy, a ListenerSet and a GatewayClass are checked against their CRDs', () => {
    expect(run([backendTlsPolicy(), listenerSet(), gatewayClass()]).filter((f) => f.ruleId.startsWith('GW0'))).toEqual([]);
    const p = edit(backendTlsPolicy(), (x) => { x.spec.validation.hostname = 'Store'; });
    expect(ids(run([p])).some((s) => s.startsWith('GW006 spec.validation.hostname'))).toBe(true);
  });

  test('a v1beta1 HTTPRoute is served, and checked against its own schema', () => {
    expect(run([{ ...httpRoute(), apiVersion: 'gateway.networking.k8s.io/v1beta1' }, gateway(), secret(), service()])).toEqual([]);
  });

  test('a status is ignored, as the API server ignores it', () => {
    expect(run([{ ...gatewayClass(), status: { conditions: [{ type: 'Accepted', bogus: 1 }] } }])).toEqual([]);
  });

  test('as the API server, the CEL rules are not evaluated while a blocking error (enum, type, required, maximum) is there', () => {
    const enumError = edit(httpRoute(), (r) => { r.spec.rules[0].matches[0].path = { type: 'Regex', value: 'x' }; });
    expect(ids(run([enumError]).filter((f) => f.ruleId.startsWith('GW0')))).toEqual(['GW004 spec.rules[0].matches[0].path.type']);
    // A pattern error does not block: the CEL rules still run.
    const patternError = edit(httpRoute(), (r) => { r.spec.hostnames = ['Store.example.com']; r.spec.rules[0].matches[0].path.value = 'x'; });
    expect(ids(run([patternError]).filter((f) => f.ruleId.startsWith('GW0')))).toEqual(['GW006 spec.hostnames[0]', 'GW008 spec.rules[0].matches[0].path']);
  });

  test('the finding names the object and gives the CRD message', () => {
    const f = run([edit(httpRoute(), (r) => { r.spec.rules[0].matches[0].path.value = '/a//b'; })]).find((x) => x.ruleId === 'GW008')!;
    expect(f).toMatchObject({ apiVersion: V1, kind: 'HTTPRoute', name: 'store', namespace: 'store', field: 'spec.rules[0].matches[0].path' });
    expect(f.message).toBe('must not contain \'//\' when type one of [\'Exact\', \'PathPrefix\']');
  });
});

describe('the alternatives of a schema node (oneOf, anyOf, not)', () => {
  const addresses = (list: any[]) => run([...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.addresses = list; }))])
    .filter((f) => f.ruleId === 'GW009').map((f) => f.field);

  test('a Gateway address is an IP address when its type is IPAddress, and anything the other rules allow otherwise', () => {
    // IPv4 (octets with leading zeros read as decimal, as the API server's parser does), IPv6,
    // IPv4-mapped IPv6; a host name or a custom type with any value
    expect(addresses([{ value: '10.0.0.1' }, { type: 'IPAddress', value: '010.0.0.1' }, { value: '2001:db8::1' }, { value: '::ffff:1.2.3.4' },
      { type: 'Hostname', value: 'gw.example.com' }, { type: 'example.com/custom', value: 'anything goes' }, { type: 'IPAddress' }])).toEqual([]);
    // not an address, out of range, too few parts, an IPv6 zone
    expect(addresses([{ value: 'gw.example.com' }, { value: '256.1.1.1' }, { value: '1.1.1' }, { type: 'IPAddress', value: 'fe80::1%eth0' }]))
      .toEqual(['spec.addresses[0]', 'spec.addresses[1]', 'spec.addresses[2]', 'spec.addresses[3]']);
  });

  test('the finding names what each alternative lacks', () => {
    const f = run([...without('Gateway', tlsGateway(), edit(gateway(), (g) => { g.spec.addresses = [{ value: '1.1.1' }]; }))]).find((x) => x.ruleId === 'GW009')!;
    expect(f.message).toBe('must satisfy exactly one of the 2 alternatives of the CRD schema (oneOf), and satisfies none of them (alternative 1: `value` is not an IPv4 address (format ipv4) and is not an IPv6 address (format ipv6); alternative 2: `type` is \'IPAddress\')');
  });
});
