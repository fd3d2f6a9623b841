// Property-based tests of PublicWebApp and InternalWebApp: every generated app, with any
// addPath calls after construction, either synthesizes into manifests the checker accepts or
// fails with a ValidationError whose problems say where; a valid app with one fault names it.
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { Outcome, Tally, anyAddress, attempt, expectValidOrExplained, fuzzParams, hostileNumber, hostileString, names } from './_harness';
import {
  ExternalTrafficPolicy, IngressController, InternalWebApp, IWebBackend, NginxBackendProtocol, Protocol, PublicWebApp,
  ValidationError, WebBackend, WebExposure, WebPathType, WebTls,
} from '../../src';

// ---------------------------------------------------------------------------------------------
// generators
//
// Every prop has a plausible generator and a hostile one. In a hostile case each prop is drawn
// from both; in a plausible case a prop is hostile only now and then, and the Ingress-only props
// are set only with an Ingress, so that a good share of the cases is valid (or has one fault).

const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
const goodHost = fc.oneof(
  fc.array(label, { minLength: 2, maxLength: 3 }).map((l) => l.join('.')),
  fc.constantFrom('shop.example.com', 'api.example.com', '*.example.com', 'a.example.com'),
  fc.array(label, { minLength: 2, maxLength: 2 }).map((l) => `*.${l.join('.')}`),
);
/** IPs, ports, URLs, upper case, misplaced wildcards, unicode, too long, paths, random strings. */
const badHost: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('10.0.0.1', '[2001:db8::1]', '2001:db8::1', 'shop.example.com:8443', 'https://shop.example.com/app', 'Shop.Example.com',
    'a_b.example.com', 'shop.*.example.com', '**.example.com', '*', 'shop.example.com.', 'shop..example.com', 'bücher.example',
    `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`, `${'a'.repeat(64)}.example.com`, 'example.com/path'),
  hostileString,
);

const goodPath = fc.oneof(
  fc.array(fc.stringMatching(/^[a-z0-9._~-]{1,6}$/).filter((x) => x !== '.' && x !== '..'), { maxLength: 3 }).map((x) => `/${x.join('/')}`),
  fc.constantFrom('/', '/api', '/api/', '/static', '/v1'),
);
/** Globs, relative paths, '//', dot segments, encoded slashes, spaces, regexes, unicode, 300 characters. */
const badPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('api', '/serviceA/*', '/*', '*', '/a//b', '/a/..', '/a/.', '/a/../b', '/a%2Fb', '/a b', '/(.*)', '/api/v[0-9]+', '',
    `/${'p'.repeat(300)}`, '/ümlaut', '/名前', '/a?b=c', '/a#frag'),
  hostileString,
);

const goodPathType = fc.constantFrom(WebPathType.PREFIX, WebPathType.EXACT, WebPathType.IMPLEMENTATION_SPECIFIC);
const badPathType = fc.constantFrom('prefix', 'Regex', '') as fc.Arbitrary<any> as fc.Arbitrary<WebPathType>;
const goodPort = fc.constantFrom(80, 8080, 9090, 443, 3000);

const SNIPPETS = ['nginx.ingress.kubernetes.io/configuration-snippet', 'nginx.ingress.kubernetes.io/server-snippet', 'example.com/auth-snippets'];
const goodAnnotations = fc.dictionary(fc.oneof(fc.constantFrom('example.com/team', 'nginx.ingress.kubernetes.io/rewrite-target'), label), label, { maxKeys: 2 });
const badAnnotations = fc.dictionary(
  fc.oneof(fc.constantFrom(...SNIPPETS, 'bad key', 'a/b/c', '/x', 'UPPER.example/x'), hostileString),
  fc.oneof(hostileString, fc.constantFrom(1, true, null) as fc.Arbitrary<any>),
  { minKeys: 1, maxKeys: 2 },
);

/** How to make the TLS prop; made inside the chart (a Secret needs a scope). */
type TlsSpec = { kind: 'unset' | 'none' | 'certManager' | 'secretName' | 'secret'; clusterIssuer?: string; issuer?: string; secretName?: string; hosts?: string[] };

function makeTls(chart: Chart, t: TlsSpec): WebTls | undefined {
  const options = t.hosts !== undefined ? { hosts: t.hosts } : {};
  switch (t.kind) {
    case 'unset': return undefined;
    case 'none': return WebTls.none();
    case 'certManager': return WebTls.certManager({ clusterIssuer: t.clusterIssuer, issuer: t.issuer, secretName: t.secretName, ...options });
    case 'secretName': return WebTls.fromSecretName(t.secretName ?? 'shop-tls', options);
    case 'secret': return WebTls.secret(kplus.Secret.fromSecretName(chart, `Tls${chart.node.children.length}`, t.secretName ?? 'shop-tls'), options);
  }
}

/** A route added after construction; `backend` picks this app, another app, or a Service by name. */
type PathCall = { path: string; host?: string; pathType?: WebPathType; backend: 'self' | 'other' | 'byName' | 'byNamedPort' };

/** The generators, plausible (`hostile` false: a fault now and then) or hostile. */
function generators(hostile: boolean) {
  const pick = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof({ arbitrary: good, weight: hostile ? 1 : 40 }, { arbitrary: bad, weight: 1 });
  const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined, freq: hostile ? 5 : 2 });
  const host = pick(goodHost, badHost);
  const path = pick(goodPath, badPath);
  const pathType = maybe(pick(goodPathType, badPathType));
  const port = pick(goodPort, hostileNumber);
  const name = pick(label, hostileString);
  const annotations = pick(goodAnnotations, badAnnotations);

  const tls: fc.Arbitrary<TlsSpec> = fc.oneof(
    fc.constant({ kind: 'unset' as const }),
    fc.constant({ kind: 'none' as const }),
    fc.record({
      kind: fc.constant('certManager' as const),
      clusterIssuer: pick(fc.constant('letsencrypt-prod'), hostileString),
      issuer: maybe(pick(fc.constant(undefined), hostileString)),
      secretName: maybe(pick(fc.constant('shop-tls'), hostileString)),
      hosts: maybe(fc.array(host, { maxLength: 2 })),
    }, { requiredKeys: ['kind'] }),
    fc.record({
      kind: fc.constantFrom('secretName' as const, 'secret' as const),
      secretName: maybe(pick(fc.constant('shop-tls'), hostileString)),
      hosts: maybe(fc.array(host, { maxLength: 2 })),
    }, { requiredKeys: ['kind'] }),
  );

  const controller: fc.Arbitrary<IngressController | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.constant(IngressController.clusterDefault()),
    fc.record({
      className: maybe(name),
      forceSslRedirect: maybe(fc.boolean()),
      proxyBodySize: maybe(pick(fc.constantFrom('8m', '0'), hostileString)),
      backendProtocol: maybe(fc.constantFrom(NginxBackendProtocol.HTTP, NginxBackendProtocol.GRPCS)),
    }).map((o) => IngressController.nginx(o)),
    fc.record({
      className: maybe(name),
      redirectMiddleware: maybe(pick(fc.constant('default-redirect@kubernetescrd'), hostileString)),
      secureEntryPoint: maybe(name),
    }).map((o) => IngressController.traefik(o)),
    fc.record({
      className: maybe(name),
      annotations: maybe(annotations),
      redirectAnnotations: maybe(annotations),
      tlsAnnotations: maybe(annotations),
    }).map((o) => IngressController.custom(o)),
  );

  const nodePort = fc.record({
    nodePort: maybe(pick(fc.integer({ min: 30000, max: 32767 }), hostileNumber)),
    nodePortRange: maybe(pick(fc.constantFrom('30000-32767', '20000-40000'), fc.constantFrom('5-4', '0-100', '1-65536', 'x', ''))),
    externalTrafficPolicy: maybe(pick(fc.constantFrom(ExternalTrafficPolicy.CLUSTER, ExternalTrafficPolicy.LOCAL), fc.constant('local' as ExternalTrafficPolicy))),
  }).map((o) => () => WebExposure.nodePort(o));
  const loadBalancer = fc.record({
    // mixed families, single addresses and bad prefixes
    sourceRanges: maybe(fc.array(pick(fc.constantFrom('203.0.113.0/24', '2001:db8::/32', '0.0.0.0/0', '10.0.0.1/32'),
      fc.oneof(fc.constantFrom('203.0.113.0', '10.0.0.0/33', '10.0.0.0/08'), hostileString)), { maxLength: 3 })),
    externalTrafficPolicy: maybe(fc.constantFrom(ExternalTrafficPolicy.CLUSTER, ExternalTrafficPolicy.LOCAL)),
    loadBalancerClass: maybe(pick(fc.constantFrom('service.k8s.aws/nlb', 'example.com/lb'), hostileString)),
  }).map((o) => () => WebExposure.loadBalancer(o));

  const additionalPort = fc.record({
    port: pick(fc.constantFrom(9090, 9100, 443), fc.oneof(fc.constant(80), hostileNumber)),
    name: maybe(pick(fc.constantFrom('metrics', 'admin'), fc.oneof(fc.constant('http'), hostileString))),
    targetPort: maybe(pick(fc.constant(9090), fc.oneof(port, hostileNumber))),
    targetPortName: maybe(pick(fc.constant('metrics'), fc.oneof(fc.constant('nope'), hostileString))),
    protocol: maybe(fc.constantFrom(Protocol.TCP, Protocol.UDP)),
  }, { requiredKeys: ['port'] });

  const app = fc.record({
    image: pick(fc.constantFrom('registry.example.com/shop:1.4', 'nginx:1.25'), hostileString),
    serviceName: maybe(name),
    replicas: maybe(pick(fc.integer({ min: 0, max: 5 }), hostileNumber)),
    containerPort: maybe(port),
    port: maybe(port),
    portName: maybe(pick(fc.constantFrom('http', 'web'), hostileString)),
    additionalPorts: maybe(fc.array(additionalPort, { maxLength: 2 })),
    // unique by number and name in plausible cases (repeats are faults of their own)
    additionalContainerPorts: maybe(pick(
      fc.constantFrom<{ number: number; name?: string }[]>([{ number: 9090, name: 'metrics' }], [{ number: 9090 }, { number: 9100, name: 'admin' }]),
      fc.array(fc.record({
        number: fc.oneof(fc.constantFrom(8080, 9090, 9100), hostileNumber),
        name: maybe(fc.constantFrom('metrics', 'admin', 'BAD')),
      }, { requiredKeys: ['number'] }), { maxLength: 2 }),
    )),
    env: maybe(fc.dictionary(pick(fc.constantFrom('LOG_LEVEL', 'a.b-c'), hostileString), pick(label, fc.constant(1) as fc.Arbitrary<any>), { maxKeys: 2 })),
    clusterDomain: maybe(pick(fc.constantFrom('cluster.local', 'corp.example.'), hostileString)),
  });

  const pathCall: fc.Arbitrary<PathCall> = fc.record({
    path,
    host: maybe(host),
    pathType,
    backend: fc.constantFrom('self', 'self', 'other', 'byName', 'byNamedPort') as fc.Arbitrary<PathCall['backend']>,
  }, { requiredKeys: ['path', 'backend'] });

  const ingressOnly = fc.record({
    paths: maybe(fc.array(path, { maxLength: 3 })),
    pathType,
    tls,
    httpsRedirect: maybe(fc.boolean()),
    ingressController: controller,
    defaultBackend: fc.constantFrom('none', 'none', 'other', 'byName'),
    addPaths: fc.array(pathCall, { maxLength: 3 }),
  });
  const noIngressOnly = fc.constant({
    paths: undefined,
    pathType: undefined,
    tls: { kind: 'unset' } as TlsSpec,
    httpsRedirect: undefined,
    ingressController: undefined,
    defaultBackend: 'none',
    addPaths: [] as PathCall[],
  });

  const exposed = fc.oneof(
    // a way to make the exposure, called inside attempt(): the factories check their arguments
    fc.record({ exposure: fc.constantFrom(() => undefined, () => WebExposure.ingress()), routing: ingressOnly }),
    // without an Ingress, the Ingress-only props are a fault (always in hostile cases, now and then otherwise)
    fc.record({ exposure: fc.oneof(nodePort, loadBalancer), routing: pick(noIngressOnly, ingressOnly) }),
  );

  return fc.record({
    app,
    exposed,
    domainNames: maybe(fc.array(host, { maxLength: 3 })),
    externalDns: maybe(fc.boolean()),
    annotations: maybe(annotations),
    allowSnippetAnnotations: maybe(fc.boolean()),
    externalIps: maybe(fc.record({
      addresses: pick(fc.array(fc.constantFrom('203.0.113.10', '203.0.113.11', '2001:db8::10'), { minLength: 1, maxLength: 2 }),
        fc.array(anyAddress, { maxLength: 2 })),
      acceptCve20208554Risk: pick(fc.constant(true), fc.constant(false)),
    })),
    sibling: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))), // one case in four
  });
}

const publicProps = fc.oneof(generators(false), generators(true));
const appProps = fc.oneof(generators(false).map((g) => g.app), generators(true).map((g) => g.app));

// ---------------------------------------------------------------------------------------------
// helpers

/** Calls `addPath`; a ValidationError must name a field of the call and leave the routes as they were. */
function addPathChecked(app: PublicWebApp, call: PathCall, other: IWebBackend | undefined): void {
  const before = JSON.stringify(app.routes);
  let backend: IWebBackend | undefined;
  switch (call.backend) {
    case 'other': backend = other; break;
    case 'byName': backend = WebBackend.serviceName('legacy', { port: 80 }); break;
    case 'byNamedPort': backend = WebBackend.serviceName('legacy-named', { portName: 'http' }); break;
  }
  try {
    app.addPath(call.path, { host: call.host, pathType: call.pathType, backend });
  } catch (e) {
    if (!ValidationError.isValidationError(e)) {
      throw e;
    }
    for (const p of (e as ValidationError).problems) {
      expect(p.field).toMatch(/^(path|host|pathType|backend|exposure)\b/);
    }
    expect(JSON.stringify(app.routes)).toBe(before);
  }
}

// ---------------------------------------------------------------------------------------------
// properties

describe('PublicWebApp under hostile props', () => {
  test('either synthesizes manifests the checker accepts, or explains every problem', () => {
    const tally = new Tally();
    fc.assert(fc.property(publicProps, (p) => {
      tally.record(expectValidOrExplained(attempt((chart) => {
        const other = new InternalWebApp(chart, 'Other', { image: 'registry.example.com/other:1.0' });
        const r = p.exposed.routing;
        const app = new PublicWebApp(chart, 'Shop', {
          ...p.app,
          exposure: p.exposed.exposure(),
          domainNames: p.domainNames,
          paths: r.paths,
          pathType: r.pathType,
          tls: makeTls(chart, r.tls),
          httpsRedirect: r.httpsRedirect,
          ingressController: r.ingressController,
          defaultBackend: r.defaultBackend === 'other' ? other : r.defaultBackend === 'byName' ? WebBackend.serviceName('fallback', { port: 80 }) : undefined,
          externalDns: p.externalDns,
          annotations: p.annotations,
          allowSnippetAnnotations: p.allowSnippetAnnotations,
          externalIps: p.externalIps,
        } as any);
        for (const call of r.addPaths) {
          addPathChecked(app, call, other);
        }
        if (p.sibling) {
          // a second app in the chart: its routes may collide with the first one's (reported at synth)
          const sibling = { image: 'nginx:1.25', domainNames: p.domainNames?.slice(0, 1), paths: p.exposed.routing.paths?.slice(0, 1) };
          new PublicWebApp(chart, 'Sibling', sibling as any);
        }
      })));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('a valid app with one fault fails, and the problems name that field', () => {
    const base = { image: 'registry.example.com/shop:1.4', serviceName: 'shop', domainNames: ['shop.example.com'] };
    type Fault = readonly [string, (chart: Chart) => any];
    const set = (field: string, values: any[]): fc.Arbitrary<Fault> =>
      fc.constantFrom(...values).map((v) => [field, () => ({ [field]: v })] as const);
    const fault: fc.Arbitrary<Fault> = fc.oneof(
      set('serviceName', ['1bad', 'Bad_Name', 'a'.repeat(64), '', 'a'.repeat(300), 'ümlaut', null]),
      set('image', ['', ' ', 'nginx latest', 42]),
      set('replicas', [-1, 0.5, NaN, Infinity, '2']),
      set('containerPort', [0, 65536, -80, 80.5, NaN, '8080']),
      set('port', [0, 65536, -1, 0.5, NaN, Infinity]),
      // a Service port name is a DNS-1123 label ('a--b', '8080' and 16 characters are fine)
      set('portName', ['HTTP', `a${'b'.repeat(63)}`, '', '-http', 'http-', 'a_b']),
      set('domainNames', [['10.0.0.1'], ['shop.example.com:8443'], ['https://shop.example.com/app'], ['Shop.Example.com'], ['shop.*.example.com'],
        ['**.example.com'], [`${'a'.repeat(300)}.com`], ['dup.example.com', 'dup.example.com'], [''], ['名前.example'], 'shop.example.com']),
      set('paths', [['api'], ['/serviceA/*'], ['/a//b'], ['/a/..'], ['/', '/'], ['/a b'], [''], 'one-path']),
      set('pathType', ['prefix', 'Regex']),
      set('httpsRedirect', [true]).map(([f]) => [f, () => ({ tls: WebTls.none(), httpsRedirect: true })] as const),
      // faults of the arguments of WebTls and WebExposure are the factories' own (web-tls.test.ts,
      // web-exposure.test.ts, values.fuzz.test.ts): here, only values that are not made by them
      set('tls', [{ kind: 'secret' }, { secretName: 'x' }, 'shop-tls']),
      fc.constantFrom(WebExposure.nodePort(), WebExposure.loadBalancer()).map((e) => ['tls', () => ({ exposure: e, tls: WebTls.none() })] as const),
      fc.constantFrom(WebExposure.nodePort(), WebExposure.loadBalancer()).map((e) => ['paths', () => ({ exposure: e, paths: ['/'] })] as const),
      set('ingressController', [IngressController.custom({ className: 'Bad_Class' }), IngressController.nginx({ className: '' }),
        IngressController.custom({ annotations: { 'nginx.ingress.kubernetes.io/server-snippet': 'x' } }), 'nginx']),
      set('annotations', [{ 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' }, { 'bad key': 'x' }, { 'example.com/n': 1 },
        { 'a/b/c': 'x' }]),
      set('exposure', ['Ingress', { kind: 'NodePort' }]),
      set('externalIps', [{ addresses: ['203.0.113.10'], acceptCve20208554Risk: false }, { addresses: ['127.0.0.1'], acceptCve20208554Risk: true },
        { addresses: [], acceptCve20208554Risk: true }, { addresses: ['203.0.113.0/24'], acceptCve20208554Risk: true }, { addresses: ['::ffff:10.0.0.1'], acceptCve20208554Risk: true }]),
      set('externalDns', [true]).map(([f]) => [f, () => ({ exposure: WebExposure.nodePort(), domainNames: undefined, externalDns: true })] as const),
      set('additionalPorts', [[{ port: 0 }], [{ port: 9090, name: 'HTTP' }], [{ port: 80 }], [{ port: 9090, name: 'http' }], [{ port: 9090, name: 'metrics' }]]),
      set('additionalContainerPorts', [[{ number: 8080 }], [{ number: 0 }], [{ number: 9090, name: 'BAD' }]]),
      set('env', [{ '1BAD': 'x' }, { 'A B': 'x' }, { LOG: 1 }, 'LOG=1']),
      set('clusterDomain', ['Bad_Domain', 'a..b', 'a'.repeat(300)]),
    );
    const tally = new Tally();
    // 22 kinds of fault from a finite list: 300 draws give each kind about 14 tries; more runs
    // (FUZZ_RUNS) would mostly repeat them
    fc.assert(fc.property(fault, ([field, change]) => {
      const outcome = expectValidOrExplained(attempt((chart) => new PublicWebApp(chart, 'Shop', { ...base, ...change(chart) } as any)));
      tally.record(outcome);
      if (!names(outcome, field)) {
        throw new Error(`expected a problem about \`${field}\`, got ${explain(outcome)}`);
      }
    }), fuzzParams(300));
    expect(tally.invalid).toBeGreaterThan(0);
    // and without a fault it synthesizes
    expect(expectValidOrExplained(attempt((chart) => new PublicWebApp(chart, 'Shop', base))).ok).toBe(true);
  });

  test('an addPath call with one fault throws, names the field, and adds no route', () => {
    const fault = fc.oneof(
      fc.constantFrom('api', '/serviceA/*', '/a//b', '/a/..', '', '/a b', '/').map((p) => ['path', { path: p }] as const),
      fc.constantFrom('10.0.0.1', 'shop.example.com:8443', 'https://x.example.com', 'Bad_Host', 'a.*.example.com', '').map((h) => ['host', { path: '/x', host: h }] as const),
      fc.constantFrom('prefix', 'Regex', '').map((t) => ['pathType', { path: '/x', pathType: t as WebPathType }] as const),
    );
    // a finite list of 16 faults: 200 draws try each about 12 times; more runs would only repeat them
    fc.assert(fc.property(fault, ([field, call]) => {
      const outcome = expectValidOrExplained(attempt((chart) => {
        const app = new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25', domainNames: ['shop.example.com'] });
        const before = app.routes.length;
        try {
          app.addPath(call.path, { host: (call as any).host, pathType: (call as any).pathType });
        } finally {
          expect(app.routes.length).toBe(before);
        }
      }));
      if (!names(outcome, field)) {
        throw new Error(`expected a problem about \`${field}\`, got ${explain(outcome)}`);
      }
    }), fuzzParams(200));
  });
});

describe('InternalWebApp under hostile props', () => {
  // About 8 ms a run (a Deployment and a Service, synthesized and checked); 1000 runs fit.
  test('either synthesizes manifests the checker accepts, or explains every problem', () => {
    const tally = new Tally();
    fc.assert(fc.property(appProps, fc.option(hostileString, { nil: undefined }), (props, namespace) => {
      tally.record(expectValidOrExplained(attempt((chart) => new InternalWebApp(chart, 'Api', props as any), namespace)));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('props that are not an object, or hostile values of every prop, fail with a ValidationError only', () => {
    const anything = fc.oneof(fc.anything({ maxDepth: 1 }), hostileNumber, hostileString);
    fc.assert(fc.property(fc.oneof(
      anything,
      fc.dictionary(fc.constantFrom('image', 'serviceName', 'replicas', 'containerPort', 'port', 'portName', 'additionalPorts',
        'additionalContainerPorts', 'env', 'clusterDomain', 'name', 'partOf', 'labels', 'selectorLabels', 'envVariables', 'envFrom',
        'command', 'args', 'resources', 'securityContext', 'tmpVolume', 'volumeMounts', 'serviceAccount', 'automountServiceAccountToken',
        'imagePullPolicy'), anything, { maxKeys: 4 }).map((d) => ({ image: 'nginx:1.25', ...d })),
      // the structs of the new props, with hostile fields
      fc.record({
        resources: fc.record({
          cpu: fc.record({ limit: anything, request: anything }),
          memory: fc.record({ limit: anything }),
        }, { requiredKeys: [] }),
        securityContext: fc.record({ user: anything, ensureNonRoot: anything, readOnlyRootFilesystem: anything }, { requiredKeys: [] }),
        volumeMounts: fc.array(fc.record({ path: anything, volume: anything }), { maxLength: 2 }),
        envVariables: fc.dictionary(fc.string({ maxLength: 5 }), anything, { maxKeys: 2 }),
      }, { requiredKeys: [] }).map((d) => ({ image: 'nginx:1.25', ...d })),
    ), (props) => {
      expectValidOrExplained(attempt((chart) => new InternalWebApp(chart, 'Api', props as any)));
    }), fuzzParams());
  });
});

function explain(outcome: Outcome): string {
  return outcome.ok ? 'a valid chart' : outcome.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Oracles from the API server's own rules (kubernetes pkg/apis/networking/validation
// `validateHTTPIngressPath`, pkg/apis/core/validation `validateServicePort`, apimachinery
// `IsDNS1123Label` and `IsValidPortName`), written out here rather than taken from the
// construct's helpers.

/** The API server's rule for an Ingress path of this pathType. */
function apiServerAcceptsPath(path: string, pathType: string): boolean {
  if (pathType === 'ImplementationSpecific') {
    return path === '' || path.startsWith('/');
  }
  return path.startsWith('/')
    && !['//', '/./', '/../', '%2f', '%2F'].some((s) => path.includes(s))
    && !['/..', '/.'].some((s) => path.endsWith(s));
}

/** RFC 1123 label, as `IsDNS1123Label`: ServicePort.name, EndpointPort.name. */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}

/** IANA service name, as `IsValidPortName`: ContainerPort.name, an Ingress backend's port.name. */
function isIanaSvcName(name: string): boolean {
  return name.length >= 1 && name.length <= 15 && /^[-a-z0-9]+$/.test(name) && /[a-z]/.test(name)
    && !name.includes('--') && !name.startsWith('-') && !name.endsWith('-');
}

const anyPath: fc.Arbitrary<string> = fc.oneof(
  goodPath,
  badPath,
  // globs and controller regular expressions
  fc.constantFrom('/api(/|$)(.*)', '/v[0-9]+/users', '^/api', '/(.+)/edit$', '/api/.*', '/a|/b', '/static/*', '/*.png', '*', '/api*'),
  fc.array(fc.constantFrom('api', 'v1', '.', '..', '', '*', '(.*)', '%2F', 'a b', '$'), { maxLength: 4 }).map((x) => `/${x.join('/')}`),
);

describe('Ingress paths per pathType', () => {
  test('a path the construct accepts is one the API server accepts, and the checker finds no error in the synthesized app', () => {
    const tally = new Tally();
    fc.assert(fc.property(anyPath, goodPathType, (path, pathType) => {
      const outcome = tally.record(expectValidOrExplained(attempt((chart) => new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25', paths: [path], pathType }))));
      if (outcome.ok) {
        expect(apiServerAcceptsPath(path, pathType)).toBe(true);
      } else {
        // a refusal the API server would not make names its reason: a pattern or glob matched literally, or white space
        expect(names(outcome, 'paths')).toBe(true);
      }
    }), fuzzParams());
    tally.expectBoth();
  });

  test('with ImplementationSpecific the construct accepts exactly what the API server accepts, regular expressions included', () => {
    fc.assert(fc.property(anyPath, (path) => {
      const outcome = expectValidOrExplained(attempt((chart) => new PublicWebApp(chart, 'Shop', {
        image: 'nginx:1.25', paths: [path], pathType: WebPathType.IMPLEMENTATION_SPECIFIC,
      })));
      expect(outcome.ok).toBe(apiServerAcceptsPath(path, 'ImplementationSpecific'));
    }), fuzzParams());
  });

  test('a glob refused with Prefix comes with a suggested path that the construct and the API server accept', () => {
    const glob = fc.tuple(anyPath, fc.constantFrom('*', '/*', '*.png')).map(([p, g]) => `${p}${g}`).filter((p) => !/[()|$^[]|\.\*/.test(p));
    fc.assert(fc.property(glob, (path) => {
      const outcome = attempt((chart) => new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25', paths: [path] }));
      expect(outcome.ok).toBe(false);
      const message = (outcome as any).problems.map((p: any) => p.message).join('\n');
      const m = /use pathType 'Prefix' with path '([^']*)'/.exec(message);
      expect(m).not.toBeNull();
      const suggested = m![1];
      expect(apiServerAcceptsPath(suggested, 'Prefix')).toBe(true);
      expect(expectValidOrExplained(attempt((chart) => new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25', paths: [suggested] }))).ok).toBe(true);
    }), fuzzParams(300));
  });
});

describe('port names', () => {
  const portName = fc.oneof(
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,70}[a-z0-9]$/),
    fc.constantFrom('http', 'postgres-replica', 'metrics-prometheus-scrape', 'a--b', '8080', `a${'b'.repeat(62)}`, `a${'b'.repeat(63)}`),
    hostileString,
  );

  test('a Service port name is accepted exactly when it is a DNS-1123 label, and then synthesizes into manifests the checker accepts', () => {
    const tally = new Tally();
    fc.assert(fc.property(portName, (name) => {
      const outcome = tally.record(expectValidOrExplained(attempt((chart) => new InternalWebApp(chart, 'Api', {
        image: 'nginx:1.25', additionalPorts: [{ name, port: 9090 }], additionalContainerPorts: [{ number: 9090 }],
      }))));
      // ('http' is the main port's name: two ports of one name are refused by the API server too)
      expect(outcome.ok).toBe(isDns1123Label(name) && name !== 'http');
    }), fuzzParams());
    tally.expectBoth();
  });

  test('a container port name is accepted exactly when it is an IANA service name', () => {
    const tally = new Tally();
    fc.assert(fc.property(portName, (name) => {
      const outcome = tally.record(expectValidOrExplained(attempt((chart) => new InternalWebApp(chart, 'Api', {
        image: 'nginx:1.25', additionalContainerPorts: [{ number: 9090, name }],
      }))));
      expect(outcome.ok).toBe(isIanaSvcName(name));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('an Ingress backend port name is accepted exactly when it is an IANA service name', () => {
    fc.assert(fc.property(portName, (name) => {
      const outcome = expectValidOrExplained(attempt((chart) => {
        const app = new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25' });
        app.addPath('/legacy', { backend: WebBackend.serviceName('legacy', { portName: name }) });
      }));
      expect(outcome.ok).toBe(isIanaSvcName(name));
    }), fuzzParams());
  });
});

describe('any JavaScript value as a backend, a probe or a Service', () => {
  /** Plausible and wrong values: real backends and probes, a cdk8s-plus Service, plain objects, junk configs. */
  function anyValue(chart: Chart, pick: number, junk: unknown): unknown {
    switch (pick) {
      case 0: return new kplus.Service(chart, `S${chart.node.children.length}`, { ports: [{ port: 80 }] });
      case 1: return WebBackend.serviceName('legacy', { port: 80 });
      case 2: return new InternalWebApp(chart, `B${chart.node.children.length}`, { image: 'nginx:1.25' });
      case 3: return kplus.Probe.fromHttpGet('/healthz');
      case 4: return kplus.Probe.fromTcpSocket();
      case 5: return { toWebBackendConfig: () => junk };
      case 6: return { toWebBackendConfig: () => ({ serviceName: junk, portNumber: junk, exposedPortNumbers: junk, exposedPortNames: junk }) };
      case 7: return { port: 80 };
      default: return junk;
    }
  }
  const junk = fc.oneof(fc.anything({ maxDepth: 2 }), hostileNumber, hostileString);
  const where = fc.constantFrom('defaultBackend', 'addPath', 'readiness', 'liveness', 'startup', 'WebBackend.service', 'WebBackend.service options');

  test('gives either a synth that passes the checker or a ValidationError, never another error', () => {
    const tally = new Tally();
    fc.assert(fc.property(where, fc.integer({ min: 0, max: 9 }), junk, (at, pick, j) => {
      tally.record(expectValidOrExplained(attempt((chart) => {
        const value: any = anyValue(chart, pick, j);
        switch (at) {
          case 'defaultBackend':
            new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25', defaultBackend: value });
            break;
          case 'addPath':
            new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25' }).addPath('/x', { backend: value });
            break;
          case 'WebBackend.service':
            new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25' }).addPath('/x', { backend: WebBackend.service(value) });
            break;
          case 'WebBackend.service options': {
            const service = new kplus.Service(chart, 'Svc', { ports: [{ port: 80, name: 'http' }] });
            new PublicWebApp(chart, 'Shop', { image: 'nginx:1.25' }).addPath('/x', { backend: WebBackend.service(service, value) });
            break;
          }
          default:
            new InternalWebApp(chart, 'Api', { image: 'nginx:1.25', [at]: value });
        }
      })));
    }), fuzzParams());
    tally.expectBoth();
  });
});
