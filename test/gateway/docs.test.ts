// The examples of docs/gateway.md, compiled and run here so that they stay true: the docs quote
// each snippet verbatim and the YAML it emits.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { gatewayApiSchemaProblems } from './_schema';
import {
  AllowedRoutes, BackendTlsPolicy, CertManagerIssuer, Gateway, GatewayListener, GrpcRoute, GrpcRouteMatch, HttpRoute, HttpRouteFilter, HttpRouteMatch,
  IngressController, InternalWebApp, ManifestChecker, NginxBackendProtocol, PublicWebApp, RouteBackend, RouteNamespaces, Severity,
  WebExposure, WebTls,
} from '../../src';

function gatewayExample(chart: Chart): Gateway {
  // <snippet gateway>
  const gateway = new Gateway(chart, 'Public', {
    gatewayClassName: 'istio',
    name: 'public',
    namespace: 'infra',
    listeners: [
      GatewayListener.http({ allowedRoutes: AllowedRoutes.all() }),
      GatewayListener.https({
        hostname: 'shop.example.com',
        certManager: CertManagerIssuer.clusterIssuer('letsencrypt-prod'),
        allowedRoutes: AllowedRoutes.fromNamespaces({ 'kubernetes.io/metadata.name': 'shop' }),
      }),
    ],
  });
  // </snippet>
  return gateway;
}

function httpRouteExample(chart: Chart): void {
  // <snippet http-route>
  const gateway = Gateway.fromGatewayName('public', { namespace: 'infra' });
  const stable = new InternalWebApp(chart, 'Stable', { image: 'shop:1.4', serviceName: 'shop' });
  const canary = new InternalWebApp(chart, 'Canary', { image: 'shop:1.5', serviceName: 'shop-canary' });

  const route = new HttpRoute(chart, 'Shop', {
    name: 'shop',
    parentRefs: [{ gateway, sectionName: 'https-shop.example.com' }],
    hostnames: ['shop.example.com'],
  });
  route.addRule({
    matches: [HttpRouteMatch.pathPrefix('/api', { headers: [{ name: 'X-Beta', value: 'true' }] })],
    backends: [RouteBackend.fromWebBackend(canary)],
    timeouts: { request: Duration.seconds(30) },
  });
  route.addRule({ // a rule without matches: the default route, 90/10 canary
    backends: [RouteBackend.fromWebBackend(stable, { weight: 90 }), RouteBackend.fromWebBackend(canary, { weight: 10 })],
    filters: [HttpRouteFilter.responseHeaderModifier({ set: [{ name: 'Strict-Transport-Security', value: 'max-age=31536000' }] })],
  });

  // plain HTTP is redirected to HTTPS by a route on the HTTP listener
  new HttpRoute(chart, 'ShopRedirect', {
    name: 'shop-redirect',
    parentRefs: [{ gateway, sectionName: 'http' }],
    hostnames: ['shop.example.com'],
    rules: [{ filters: [HttpRouteFilter.httpsRedirect()] }],
  });
  // </snippet>
}

function grpcExample(chart: Chart): void {
  // <snippet grpc-route>
  const orders = new InternalWebApp(chart, 'Orders', { image: 'orders:3', serviceName: 'orders', port: 50051 });
  new GrpcRoute(chart, 'OrdersRoute', {
    name: 'orders',
    parentRefs: [{ gateway: Gateway.fromGatewayName('public', { namespace: 'infra' }) }],
    hostnames: ['grpc.example.com'],
    rules: [{
      matches: [GrpcRouteMatch.service('shop.v1.Orders'), GrpcRouteMatch.method('shop.v1.Admin', 'Refund')],
      backends: [RouteBackend.fromWebBackend(orders)],
    }],
  });
  // </snippet>
}

function crossNamespaceExample(app: App): HttpRoute {
  // <snippet cross-namespace>
  const catalogChart = new Chart(app, 'catalog', { namespace: 'catalog' });
  const shopChart = new Chart(app, 'shop', { namespace: 'shop' });
  const catalog = new InternalWebApp(catalogChart, 'Catalog', { image: 'catalog:3', serviceName: 'catalog' });

  const route = new HttpRoute(shopChart, 'Shop', {
    name: 'shop',
    parentRefs: [{ gateway: Gateway.fromGatewayName('public', { namespace: 'infra' }) }],
    rules: [
      // in this app: the route emits the ReferenceGrant in 'catalog'
      { matches: [HttpRouteMatch.pathPrefix('/catalog')], backends: [RouteBackend.fromWebBackend(catalog)] },
      // managed elsewhere: listed in route.outsideReferences; its owner creates the grant
      { matches: [HttpRouteMatch.pathPrefix('/billing')], backends: [RouteBackend.serviceName('billing', { port: 8080, namespace: 'billing' })] },
    ],
  });
  const outside = route.outsideReferences;
  // [{ kind: 'Service', name: 'billing', namespace: 'billing', referenceGrantNeeded: true }]
  // </snippet>
  void outside;
  return route;
}

function backendTlsExample(chart: Chart): void {
  // <snippet backend-tls>
  new BackendTlsPolicy(chart, 'ApiTls', {
    name: 'api-tls',
    serviceNames: ['api'],
    hostname: 'api.internal.example.com',
    caCertificateConfigMaps: ['internal-ca'],
  });
  // </snippet>
}

function webAppExample(chart: Chart): PublicWebApp {
  // <snippet web-app>
  const gateway = Gateway.fromGatewayName('public', {
    namespace: 'infra',
    listeners: [
      { name: 'http', port: 80, protocol: 'HTTP', allowedRoutesFrom: RouteNamespaces.ALL },
      { name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', allowedRoutesFrom: RouteNamespaces.ALL },
    ],
  });
  const blog = new InternalWebApp(chart, 'Blog', { name: 'blog', image: 'blog:3.1' });
  const canary = new InternalWebApp(chart, 'Canary', { name: 'shop-canary', image: 'shop:1.5' });
  const notFound = new InternalWebApp(chart, 'NotFound', { name: 'not-found', image: 'not-found:1.0' });

  const shop = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    image: 'shop:1.4',
    exposure: WebExposure.gateway({ gateway }),
    domainNames: ['shop.example.com'],
    paths: ['/products', '/cart'],
    defaultBackend: notFound, // the prefix '/': every other request on shop.example.com
  });
  shop.addPath('/', { host: 'blog.example.com', backend: blog }); // a virtual host: a route of its own
  shop.addPath('/checkout', { // only on the Gateway API: a canary, a timeout, a header
    backends: [{ backend: shop, weight: 90 }, { backend: canary, weight: 10 }],
    timeouts: { request: Duration.seconds(30) },
    responseHeaders: { set: [{ name: 'Cache-Control', value: 'no-store' }] },
  });
  shop.addPath('/products', { headers: [{ name: 'X-Canary', value: 'always' }], backend: canary });
  // </snippet>
  return shop;
}

function migrationExample(chart: Chart): void {
  // <snippet migration>
  const gateway = Gateway.fromGatewayName('public', {
    namespace: 'infra',
    listeners: [
      { name: 'http', port: 80, protocol: 'HTTP', allowedRoutesFrom: RouteNamespaces.ALL },
      { name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', allowedRoutesFrom: RouteNamespaces.ALL },
    ],
  });
  new PublicWebApp(chart, 'Orders', {
    name: 'orders',
    image: 'orders:5.2',
    domainNames: ['orders.example.com'],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt-prod' }),
    ingressController: IngressController.nginx({ backendProtocol: NginxBackendProtocol.GRPC, proxyBodySize: '8m' }),
    gateway: { gateway }, // the same routes as HTTPRoutes, next to the Ingress
  });
  // </snippet>
}

const DOCS = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'gateway.md'), 'utf8');
const SOURCE = fs.readFileSync(__filename, 'utf8');

/** The YAML of the Gateway API objects (and Services) of `charts`, as the docs show it. */
function yamlOf(charts: Chart[], kinds: string[]): string {
  return charts.flatMap((c) => Testing.synth(c)).filter((m: any) => kinds.includes(m.kind)).map((m: any) => YAML.stringify(m)).join('---\n');
}

function snippet(name: string): string {
  const start = SOURCE.indexOf(`// <snippet ${name}>\n`) + `// <snippet ${name}>\n`.length;
  const region = SOURCE.slice(start, SOURCE.indexOf('  // </snippet>', start));
  return region.split('\n').map((line) => line.replace(/^ {2}/, '')).join('\n');
}

const cases: Array<[string, () => Chart[], string[]]> = [
  ['gateway', () => { const c = Testing.chart(); gatewayExample(c); return [c]; }, ['Gateway']],
  ['http-route', () => { const c = Testing.chart(); httpRouteExample(c); return [c]; }, ['HTTPRoute']],
  ['grpc-route', () => { const c = Testing.chart(); grpcExample(c); return [c]; }, ['GRPCRoute']],
  ['backend-tls', () => { const c = Testing.chart(); backendTlsExample(c); return [c]; }, ['BackendTLSPolicy']],
  ['cross-namespace', () => { const a = Testing.app(); crossNamespaceExample(a); return a.charts; }, ['HTTPRoute', 'ReferenceGrant']],
  ['web-app', () => { const c = Testing.chart(); webAppExample(c); return [c]; }, ['HTTPRoute']],
  ['migration', () => { const c = Testing.chart(); migrationExample(c); return [c]; }, ['Service', 'Ingress', 'HTTPRoute']],
];

test.each(cases)('the docs quote the %s snippet verbatim, and the YAML it emits', (name, build, kinds) => {
  // GIVEN
  const charts = build();

  // THEN
  expect(snippet(name).length).toBeGreaterThan(100);
  expect(DOCS).toContain(snippet(name));
  expect(DOCS).toContain(yamlOf(charts, kinds));
  expect(charts.flatMap(gatewayApiSchemaProblems)).toEqual([]);
});

test('the PublicWebApp examples pass the checker, and the app tells its routes and URLs', () => {
  const chart = Testing.chart();
  const shop = webAppExample(chart);
  migrationExample(chart);
  expect(ManifestChecker.check(Testing.synth(chart)).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  expect(shop.httpRoutes.map((r) => r.name)).toEqual(['shop', 'shop-blog.example.com']);
  expect(shop.redirectHttpRoute?.name).toBe('shop-redirect');
  expect(shop.urls).toEqual(['https://shop.example.com/products', 'https://shop.example.com/cart', 'https://shop.example.com/checkout']);
});

test('the cross-namespace example lists the Service managed elsewhere', () => {
  const route = crossNamespaceExample(Testing.app());
  expect(route.outsideReferences).toEqual([{ kind: 'Service', name: 'billing', namespace: 'billing', referenceGrantNeeded: true }]);
});

// With DOCS_YAML_DIR set, the YAML blocks are written there, to paste into docs/gateway.md after
// a reviewed change of the output.
if (process.env.DOCS_YAML_DIR) {
  for (const [name, build, kinds] of cases) {
    fs.writeFileSync(path.join(process.env.DOCS_YAML_DIR, `${name}.yaml`), yamlOf(build(), kinds));
  }
}
