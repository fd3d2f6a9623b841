// The internal integration point PublicWebApp calls: src/gateway/for-web.ts.
import { Chart, Duration, Testing } from 'cdk8s';
import { gatewayApiSchemaProblems, synthKind } from './_schema';
import { CertManagerIssuer, Gateway, GatewayListener, GatewayProtocol, InternalWebApp, WebBackend } from '../../src';
import { buildHttpRouteFor } from '../../src/gateway/for-web';

function setup() {
  const app = Testing.app();
  const infra = new Chart(app, 'infra', { namespace: 'infra' });
  const web = new Chart(app, 'web', { namespace: 'infra' });
  const gateway = new Gateway(infra, 'Public', {
    gatewayClassName: 'istio',
    name: 'public',
    listeners: [
      GatewayListener.http(),
      GatewayListener.https({ hostname: 'shop.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt') }),
    ],
  });
  const shop = new InternalWebApp(web, 'Shop', { image: 'shop:1', serviceName: 'shop' });
  return { app, web, gateway, shop };
}

test('the app\'s paths on the HTTPS listener, the redirect on the HTTP listener', () => {
  // GIVEN
  const { web, gateway, shop } = setup();

  // WHEN
  const routes = buildHttpRouteFor(web, 'HttpRoute', { gateway, name: 'shop', hosts: ['shop.example.com'], httpsRedirect: true });
  routes.addPath({ path: '/', backends: [{ backend: shop }] });
  routes.addPath({ path: '/api', pathType: 'Exact', backends: [{ backend: WebBackend.serviceName('api', { port: 8080 }) }] });

  // THEN
  const [main, redirect] = synthKind(web, 'HTTPRoute');
  expect(main.metadata.name).toBe('shop');
  expect(main.spec).toEqual({
    parentRefs: [{ name: 'public', sectionName: 'https-shop.example.com' }],
    hostnames: ['shop.example.com'],
    rules: [
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'shop', port: 80 }] },
      { matches: [{ path: { type: 'Exact', value: '/api' } }], backendRefs: [{ name: 'api', port: 8080 }] },
    ],
  });
  expect(redirect.metadata.name).toBe('shop-redirect');
  expect(redirect.spec).toEqual({
    parentRefs: [{ name: 'public', sectionName: 'http' }],
    hostnames: ['shop.example.com'],
    rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
  });
  expect(routes.redirectRoute?.name).toBe('shop-redirect');
  expect(gatewayApiSchemaProblems(web)).toEqual([]);
});

test('a host of its own gets a route of its own; the redirect serves it too; canary and default route', () => {
  // GIVEN
  const { web, shop } = setup();
  const canary = new InternalWebApp(web, 'Canary', { image: 'shop:2', serviceName: 'shop-canary' });
  // (a Gateway managed elsewhere: not the app's own 'public')
  const gateway = Gateway.fromGatewayName('edge', { listeners: [{ name: 'web', port: 80, protocol: GatewayProtocol.HTTP }, { name: 'websecure', port: 443, protocol: GatewayProtocol.HTTPS }] });

  // WHEN
  const routes = buildHttpRouteFor(web, 'HttpRoute', {
    gateway,
    name: 'shop',
    hosts: ['shop.example.com'],
    httpsRedirect: true,
    defaultBackends: [{ backend: shop, weight: 90 }, { backend: canary, weight: 10 }],
    timeouts: { request: Duration.seconds(30) },
  });
  routes.addPath({ path: '/admin', hosts: ['admin.example.com'], backends: [{ backend: shop }] });
  routes.addPath({ path: '/files/.*\\.pdf', pathType: 'ImplementationSpecific', backends: [{ backend: shop }] });

  // THEN
  expect(routes.routes.map((r) => r.name)).toEqual(['shop', 'shop-admin.example.com']);
  expect(routes.routes[0].rules.map((r) => [r.matches?.map((m) => `${m.pathType} ${m.path}`), r.backends?.map((b) => `${b.name}:${b.weight}`)])).toEqual([
    [undefined, ['shop:90', 'shop-canary:10']],
    [['RegularExpression /files/.*\\.pdf'], ['shop:undefined']],
  ]);
  expect(routes.redirectRoute?.hostnames).toEqual(['shop.example.com', 'admin.example.com']);
  expect(synthKind(web, 'HTTPRoute')[0].spec.parentRefs).toEqual([{ name: 'edge', sectionName: 'websecure' }]);
  expect(synthKind(web, 'HTTPRoute')[0].spec.rules[0].timeouts).toEqual({ request: '30s' });
});

test('without a redirect the route attaches to the whole Gateway', () => {
  const { web, gateway, shop } = setup();
  const routes = buildHttpRouteFor(web, 'HttpRoute', { gateway, hosts: [] });
  routes.addPath({ path: '/', backends: [{ backend: shop }] });
  expect(synthKind(web, 'HTTPRoute')[0].spec.parentRefs).toEqual([{ name: 'public' }]);
  expect(routes.redirectRoute).toBeUndefined();
});

describe('fails if', () => {
  test('fails if the listeners are unknown and the redirect needs them', () => {
    const { web } = setup();
    expect(() => buildHttpRouteFor(web, 'R', { gateway: Gateway.fromGatewayName('public'), hosts: ['shop.example.com'], httpsRedirect: true }))
      .toThrow(/`sectionName` must be set when HTTP is redirected to HTTPS and the Gateway's listeners are not known[\s\S]*`httpSectionName` must be set/);
  });

  test('fails if the Gateway has no HTTP listener for the redirect', () => {
    const { web } = setup();
    const gateway = Gateway.fromGatewayName('public', { listeners: [{ name: 'https', port: 443, protocol: 'HTTPS' }] });
    expect(() => buildHttpRouteFor(web, 'R', { gateway, hosts: ['shop.example.com'], httpsRedirect: true })).toThrow(/`httpsRedirect` needs an HTTP listener/);
  });

  test('fails if a path type is unknown or a path is routed twice', () => {
    const { web, gateway, shop } = setup();
    const routes = buildHttpRouteFor(web, 'R', { gateway, hosts: ['shop.example.com'] });
    expect(() => routes.addPath({ path: '/', pathType: 'Glob', backends: [{ backend: shop }] })).toThrow(/`pathType` must be 'Prefix', 'Exact', 'RegularExpression' or 'ImplementationSpecific', got 'Glob'/);
    routes.addPath({ path: '/', backends: [{ backend: shop }] });
    expect(() => routes.addPath({ path: '/', backends: [{ backend: shop }] })).toThrow(/must not be matched twice/);
    expect(() => routes.addPath({ path: '/x', backends: [] })).toThrow(/`backends` must list at least one backend/);
  });
});
