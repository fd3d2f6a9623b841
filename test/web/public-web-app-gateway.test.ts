// PublicWebApp through a Gateway: WebExposure.gateway() (HTTPRoutes alone) and the `gateway` prop
// (HTTPRoutes next to the Ingress, during a move).
import { Chart, Duration, Testing } from 'cdk8s';
import { synthKind } from './_helpers';
import {
  CertManagerIssuer, Gateway, GatewayListener, GatewayProtocol, HttpMethod, IngressController, InternalWebApp, ManifestChecker,
  NginxBackendProtocol, PublicWebApp, Severity, StringMatchType, WebBackend, WebExposure, WebPathType, WebTls,
} from '../../src';
import { gatewayApiSchemaProblems } from '../gateway/_schema';

function setup() {
  const app = Testing.app();
  const chart = new Chart(app, 'web', { namespace: 'shop' });
  const gateway = new Gateway(chart, 'Gateway', {
    gatewayClassName: 'eg',
    name: 'public',
    listeners: [
      GatewayListener.http(),
      GatewayListener.https({ hostname: 'shop.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt') }),
      GatewayListener.https({ hostname: 'blog.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt') }),
    ],
  });
  return { app, chart, gateway };
}

function errorsOf(chart: Chart): string[] {
  return ManifestChecker.check(Testing.synth(chart)).filter((f) => f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.message}`);
}

test('defaults: an HTTPRoute named after the app on the HTTPS listener, the redirect on the HTTP listener', () => {
  // GIVEN
  const { chart, gateway } = setup();

  // WHEN
  const shop = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    image: 'shop:1',
    exposure: WebExposure.gateway({ gateway }),
    domainNames: ['shop.example.com'],
  });

  // THEN
  const manifests = Testing.synth(chart);
  expect(manifests.map((m: any) => `${m.kind}/${m.metadata.name}`)).toEqual(['Gateway/public', 'Deployment/shop', 'Service/shop', 'HTTPRoute/shop', 'HTTPRoute/shop-redirect']);
  const [route, redirect] = synthKind(chart, 'HTTPRoute');
  expect(route.spec).toEqual({
    parentRefs: [{ name: 'public', sectionName: 'https-shop.example.com' }],
    hostnames: ['shop.example.com'],
    rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop', port: 80 }] }],
  });
  expect(redirect.spec.parentRefs).toEqual([{ name: 'public', sectionName: 'http' }]);
  expect(synthKind(chart, 'Service')[0].spec.type).toBeUndefined();
  expect(synthKind(chart, 'Ingress')).toEqual([]);
  expect(shop.ingress).toBeUndefined();
  expect(shop.httpRoutes.map((r) => r.name)).toEqual(['shop']);
  expect(shop.redirectHttpRoute?.name).toBe('shop-redirect');
  expect(shop.exposure.isGateway).toBe(true);
  expect(shop.exposure.toString()).toBe('Gateway');
  expect(shop.tls.enabled).toBe(false);
  expect(shop.hosts).toEqual(['shop.example.com']);
  expect(shop.urls).toEqual(['https://shop.example.com/']);
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
  expect(errorsOf(chart)).toEqual([]);
});

test('a Gateway managed elsewhere with unknown listeners: the route attaches to the whole Gateway, no redirect', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    image: 'shop:1',
    exposure: WebExposure.gateway({ gateway: Gateway.fromGatewayName('edge', { namespace: 'infra' }) }),
  });

  // THEN
  const routes = synthKind(chart, 'HTTPRoute');
  expect(routes).toHaveLength(1);
  expect(routes[0].spec.parentRefs).toEqual([{ name: 'edge', namespace: 'infra' }]);
  expect(routes[0].spec.hostnames).toBeUndefined();
  expect(app.redirectHttpRoute).toBeUndefined();
  expect(() => Testing.synth(chart)).not.toThrow();
});

test('named listeners of a Gateway managed elsewhere: sectionName, port and httpSectionName', () => {
  // GIVEN
  const chart = Testing.chart();
  const gateway = Gateway.fromGatewayName('edge');

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    image: 'shop:1',
    exposure: WebExposure.gateway({ gateway, sectionName: 'websecure', port: 443, httpSectionName: 'web' }),
    domainNames: ['shop.example.com'],
  });

  // THEN
  const [route, redirect] = synthKind(chart, 'HTTPRoute');
  expect(route.spec.parentRefs).toEqual([{ name: 'edge', sectionName: 'websecure', port: 443 }]);
  expect(redirect.spec.parentRefs).toEqual([{ name: 'edge', sectionName: 'web' }]);
  expect(app.urls).toEqual(['https://shop.example.com/']);
});

test('addPath: fanout, virtual hosts, Exact and RegularExpression, other apps and outside Services, a default route', () => {
  // GIVEN
  const { chart, gateway } = setup();
  const v2 = new InternalWebApp(chart, 'V2', { name: 'api-v2', image: 'api:2' });
  const notFound = new InternalWebApp(chart, 'NotFound', { name: 'not-found', image: 'nf:1' });
  const shop = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    image: 'shop:1',
    exposure: WebExposure.gateway({ gateway, httpSectionName: 'http' }),
    domainNames: ['shop.example.com'],
    paths: ['/v1'],
    defaultBackend: notFound,
  });

  // WHEN
  shop.addPath('/v2', { backend: v2 });
  shop.addPath('/health', { pathType: WebPathType.EXACT });
  shop.addPath('/files/.*\\.pdf', { pathType: WebPathType.REGULAR_EXPRESSION });
  shop.addPath('/legacy', { backend: WebBackend.serviceName('legacy', { port: 8080 }) });
  shop.addPath('/', { host: 'blog.example.com', backend: v2 });

  // THEN
  const routes = synthKind(chart, 'HTTPRoute');
  expect(routes.map((r: any) => r.metadata.name)).toEqual(['shop', 'shop-redirect', 'shop-blog.example.com']);
  expect(routes[0].spec.rules.map((r: any) => [r.matches?.[0].path, r.backendRefs[0].name])).toEqual([
    [undefined, 'not-found'],
    [{ type: 'PathPrefix', value: '/v1' }, 'shop'],
    [{ type: 'PathPrefix', value: '/v2' }, 'api-v2'],
    [{ type: 'Exact', value: '/health' }, 'shop'],
    [{ type: 'RegularExpression', value: '/files/.*\\.pdf' }, 'shop'],
    [{ type: 'PathPrefix', value: '/legacy' }, 'legacy'],
  ]);
  expect(routes[1].spec.hostnames).toEqual(['shop.example.com', 'blog.example.com']);
  expect(routes[2].spec.hostnames).toEqual(['blog.example.com']);
  // the outside Service is declared to the safety net by the route: the app synthesizes
  expect(() => Testing.synth(chart)).not.toThrow();
  expect(shop.urls).toEqual(['https://shop.example.com/v1', 'https://shop.example.com/health']);
  expect(shop.routes.map((r) => `${r.host}${r.path}`)).toEqual([
    'shop.example.com/v1', 'shop.example.com/v2', 'shop.example.com/health', 'shop.example.com/files/.*\\.pdf', 'shop.example.com/legacy', 'blog.example.com/',
  ]);
});

test('what only the Gateway API has: weighted backends, header, query and method matches, timeouts, header changes', () => {
  // GIVEN
  const { chart, gateway } = setup();
  const canary = new InternalWebApp(chart, 'Canary', { name: 'shop-canary', image: 'shop:2' });
  const shop = new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1', exposure: WebExposure.gateway({ gateway }), domainNames: ['shop.example.com'] });

  // WHEN
  const [created] = shop.addPath('/checkout', {
    backends: [{ backend: shop, weight: 90 }, { backend: canary, weight: 10 }],
    timeouts: { request: Duration.seconds(30), backendRequest: Duration.seconds(10) },
    requestHeaders: { set: [{ name: 'X-Forwarded-Prefix', value: '/checkout' }], remove: ['X-Debug'] },
    responseHeaders: { add: [{ name: 'Cache-Control', value: 'no-store' }] },
  });
  shop.addPath('/', { headers: [{ name: 'X-Canary', value: 'always' }], backend: canary });
  shop.addPath('/', { queryParams: [{ name: 'v', value: '2', type: StringMatchType.EXACT }], method: HttpMethod.GET, backend: canary });

  // THEN
  const rules = synthKind(chart, 'HTTPRoute')[0].spec.rules;
  expect(rules[1]).toEqual({
    matches: [{ path: { type: 'PathPrefix', value: '/checkout' } }],
    backendRefs: [{ name: 'shop', port: 80, weight: 90 }, { name: 'shop-canary', port: 80, weight: 10 }],
    filters: [
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value: '/checkout' }], remove: ['X-Debug'] } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'Cache-Control', value: 'no-store' }] } },
    ],
    timeouts: { request: '30s', backendRequest: '10s' },
  });
  expect(rules[2].matches).toEqual([{ path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'X-Canary', value: 'always' }] }]);
  expect(rules[3].matches).toEqual([{ path: { type: 'PathPrefix', value: '/' }, queryParams: [{ name: 'v', value: '2', type: 'Exact' }], method: 'GET' }]);
  expect(created.backends.map((b) => [b.backend.serviceName, b.weight])).toEqual([['shop', 90], ['shop-canary', 10]]);
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
  expect(errorsOf(chart)).toEqual([]);
});

test('a move: the Ingress and the HTTPRoutes side by side with the same routes; nginx options carry over', () => {
  // GIVEN
  const { chart, gateway } = setup();
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });

  // WHEN
  const shop = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    image: 'shop:1',
    domainNames: ['shop.example.com'],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt' }),
    ingressController: IngressController.nginx({ backendProtocol: NginxBackendProtocol.HTTPS, proxyBodySize: '8m' }),
    gateway: { gateway },
  });
  shop.addPath('/api', { backend: api });

  // THEN
  const ingress = synthKind(chart, 'Ingress')[0];
  expect(ingress.spec.rules[0].http.paths.map((p: any) => p.path)).toEqual(['/', '/api']);
  expect(ingress.metadata.annotations).toMatchObject({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'true', 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' });
  const [route, redirect] = synthKind(chart, 'HTTPRoute');
  expect(route.spec.rules.map((r: any) => r.matches[0].path.value)).toEqual(['/', '/api']);
  expect(redirect.metadata.name).toBe('shop-redirect');
  expect(synthKind(chart, 'Service').find((s: any) => s.metadata.name === 'shop').spec.ports[0].appProtocol).toBe('https');
  expect(shop.ingress).toBeDefined();
  expect(shop.httpRoutes).toHaveLength(1);
  expect(shop.urls).toEqual(['https://shop.example.com/']);
  expect(errorsOf(chart)).toEqual([]);
});

test('appProtocol: given, or from the nginx backend protocol GRPC', () => {
  const { chart, gateway } = setup();
  new PublicWebApp(chart, 'A', { name: 'a', image: 'a:1', exposure: WebExposure.gateway({ gateway, appProtocol: 'kubernetes.io/ws' }) });
  new PublicWebApp(chart, 'B', { name: 'b', image: 'b:1', ingressController: IngressController.nginx({ backendProtocol: NginxBackendProtocol.GRPC }), gateway: { gateway } });
  const ports = Object.fromEntries(synthKind(chart, 'Service').map((s: any) => [s.metadata.name, s.spec.ports[0].appProtocol]));
  expect(ports).toEqual({ a: 'kubernetes.io/ws', b: 'kubernetes.io/h2c' });
});

test('httpsRedirect: false attaches the route to every listener and emits no redirect route', () => {
  const { chart, gateway } = setup();
  const app = new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1', exposure: WebExposure.gateway({ gateway }), domainNames: ['shop.example.com'], httpsRedirect: false });
  expect(synthKind(chart, 'HTTPRoute').map((r: any) => [r.metadata.name, r.spec.parentRefs])).toEqual([['shop', [{ name: 'public' }]]]);
  expect(app.redirectHttpRoute).toBeUndefined();
});

test('an unnamed app gets generated route names', () => {
  const { chart, gateway } = setup();
  const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1', exposure: WebExposure.gateway({ gateway }), domainNames: ['shop.example.com'] });
  expect(app.httpRoutes[0].name).toMatch(/^web-shop-httproute-/);
});

describe('fails if', () => {
  test('fails if an option only the Gateway API has is given to an app with an Ingress, naming the option', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new PublicWebApp(chart, 'A', { image: 'a:1', domainNames: ['a.example.com'] });
    const other = new InternalWebApp(chart, 'B', { image: 'b:1' });

    // THEN
    expect(() => app.addPath('/x', { headers: [{ name: 'X-A', value: '1' }] })).toThrow(/`headers` applies only to the Gateway API, but the app emits an Ingress, which cannot match on headers/);
    expect(() => app.addPath('/x', { backends: [{ backend: app, weight: 90 }, { backend: other, weight: 10 }] })).toThrow(/`backends` applies only to the Gateway API[\s\S]*cannot split traffic by weight/);
    expect(() => app.addPath('/x', { timeouts: { request: Duration.seconds(1) } })).toThrow(/`timeouts` applies only to the Gateway API/);
    expect(() => app.addPath('/x', { method: HttpMethod.GET })).toThrow(/`method` applies only to the Gateway API/);
    expect(() => app.addPath('/x', { requestHeaders: { remove: ['x'] } })).toThrow(/`requestHeaders` applies only to the Gateway API/);
    expect(() => app.addPath('/x', { pathType: WebPathType.REGULAR_EXPRESSION })).toThrow(/`pathType` applies only to the Gateway API: an Ingress has no regular expression path type/);
    expect(() => new PublicWebApp(chart, 'C', { image: 'c:1', pathType: WebPathType.REGULAR_EXPRESSION })).toThrow(/`pathType` applies only to the Gateway API/);
  });

  test('fails if a Gateway-only option is given to an app that emits both, so that both route alike', () => {
    const { chart, gateway } = setup();
    const app = new PublicWebApp(chart, 'A', { image: 'a:1', gateway: { gateway }, domainNames: ['shop.example.com'] });
    expect(() => app.addPath('/x', { queryParams: [{ name: 'a', value: '1' }] })).toThrow(/`queryParams` applies only to the Gateway API[\s\S]*until the Ingress is gone/);
  });

  test('fails if Ingress-only props are given to an app on the Gateway', () => {
    const { chart, gateway } = setup();
    expect(() => new PublicWebApp(chart, 'A', {
      image: 'a:1',
      exposure: WebExposure.gateway({ gateway }),
      tls: WebTls.certManager({ clusterIssuer: 'x' }),
      ingressController: IngressController.nginx(),
      externalDns: true,
      domainNames: ['shop.example.com'],
    })).toThrow(/`tls` applies only to an Ingress, but `exposure` is 'Gateway': TLS ends at the Gateway's HTTPS listeners[\s\S]*`ingressController` applies only[\s\S]*`externalDns` applies only[\s\S]*--source=gateway-httproute/);
  });

  test('fails if `gateway` is set with another exposure than the Ingress', () => {
    const { chart, gateway } = setup();
    expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.gateway({ gateway }), gateway: { gateway } }))
      .toThrow(/`gateway` must not be set with WebExposure.gateway\(\)/);
    expect(() => new PublicWebApp(chart, 'B', { image: 'a:1', exposure: WebExposure.nodePort(), gateway: { gateway } }))
      .toThrow(/`gateway` adds HTTPRoutes next to an Ingress, but `exposure` is 'NodePort'/);
    expect(() => new PublicWebApp(chart, 'C', { image: 'a:1', gateway: { gateway, sectionName: 'Not A Name', port: 0 } }))
      .toThrow(/`gateway.sectionName`[\s\S]*`gateway.port`/);
  });

  test('fails if WebExposure.gateway() gets no Gateway or bad listener names', () => {
    expect(() => WebExposure.gateway({ gateway: 'public' as any })).toThrow(/\[WebExposure.gateway\] `gateway` must be an `IGateway`, got 'public'/);
    expect(() => WebExposure.gateway({ gateway: Gateway.fromGatewayName('a'), httpSectionName: '_http', appProtocol: 'a b' })).toThrow(/`httpSectionName`[\s\S]*`appProtocol`/);
  });

  test('fails if the app routes \'/\' on its hosts and has a default backend (on the Gateway both are the prefix \'/\')', () => {
    const { chart, gateway } = setup();
    const nf = new InternalWebApp(chart, 'NotFound', { image: 'nf:1' });
    expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.gateway({ gateway }), domainNames: ['shop.example.com'], defaultBackend: nf }))
      .toThrow(/`path` must not be the prefix '\/' on the app's domain names when it has a `defaultBackend`/);
  });

  test('fails if a Gateway-only option is invalid, naming the option', () => {
    const { chart, gateway } = setup();
    const app = new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.gateway({ gateway }), domainNames: ['shop.example.com'] });
    expect(() => app.addPath('/x', { backends: [{ backend: app, weight: -1 }] })).toThrow(/`backends\[0\].weight`/);
    expect(() => app.addPath('/x', { backend: app, backends: [{ backend: app }] })).toThrow(/`backends` must not be set together with `backend`/);
    expect(() => app.addPath('/x', { backends: [] })).toThrow(/`backends` must list at least one backend/);
    expect(() => app.addPath('/x', { headers: [{ name: 'bad name', value: '1' }] })).toThrow(/`headers\[0\].name`/);
    expect(() => app.addPath('/x', { requestHeaders: { set: [{ name: 'bad name', value: '1' }] } })).toThrow(/`requestHeaders.set\[0\].name`/);
    expect(() => app.addPath('/x', { backend: WebBackend.serviceName('legacy', { portName: 'http' }) })).toThrow(/`backend.port` must be known by number/);
    expect(() => app.addPath('/x', { pathType: WebPathType.REGULAR_EXPRESSION, timeouts: { request: Duration.millis(1.5) } })).toThrow(/`timeouts.request`/);
    app.addPath('/x', { headers: [{ name: 'X-A', value: '1' }] });
    expect(() => app.addPath('/x', { headers: [{ name: 'x-a', value: '1' }] })).toThrow(/`path` must not be routed twice: 'shop.example.com\/x' \(header x-a=1\)/);
  });

  test('fails if HTTP is to be redirected and the Gateway\'s listeners are not known', () => {
    const chart = Testing.chart();
    expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.gateway({ gateway: Gateway.fromGatewayName('edge') }), httpsRedirect: true }))
      .toThrow(/`sectionName` must be set when HTTP is redirected to HTTPS/);
  });

  test('fails at synth if a listener named does not exist on the Gateway', () => {
    const { chart, gateway } = setup();
    new PublicWebApp(chart, 'A', { name: 'a', image: 'a:1', exposure: WebExposure.gateway({ gateway, sectionName: 'nope' }) });
    expect(() => Testing.synth(chart)).toThrow(/`parentRefs\[0\].sectionName` must name a listener of Gateway 'public'/);
  });
});

test('a Gateway managed elsewhere with known listeners in another namespace', () => {
  const chart = Testing.chart();
  const gateway = Gateway.fromGatewayName('edge', {
    namespace: 'infra',
    listeners: [
      { name: 'web', port: 80, protocol: GatewayProtocol.HTTP, allowedRoutesFrom: undefined },
      { name: 'websecure', port: 443, protocol: GatewayProtocol.HTTPS },
    ],
  });
  new PublicWebApp(chart, 'A', { name: 'a', image: 'a:1', exposure: WebExposure.gateway({ gateway }), domainNames: ['a.example.com'] });
  // routes from another namespace than the Gateway's need listeners that admit them
  expect(() => Testing.synth(chart)).toThrow(/must reach a listener that admits a HTTPRoute from namespace/);
});
