// Scenario 7 of DESIGN.md on the Gateway API: one chart per case, each snapshotted and each
// object walked against its CRD schema.
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { gatewayApiSchemaProblems } from './_schema';
import {
  AllowedRoutes, CertManagerIssuer, CertificateRef, Gateway, GatewayListener, GrpcRoute, GrpcRouteMatch, HttpRoute, HttpRouteFilter,
  HttpRouteMatch, InternalWebApp, RouteBackend,
} from '../../src';

/** The platform team's Gateway: HTTP on 80 for redirects, HTTPS with a Secret, routes from every namespace. */
function platformGateway(chart: Chart): Gateway {
  return new Gateway(chart, 'Gateway', {
    gatewayClassName: 'istio',
    name: 'public',
    listeners: [
      GatewayListener.http({ allowedRoutes: AllowedRoutes.all() }),
      GatewayListener.https({ hostname: '*.example.com', certificates: [CertificateRef.fromSecretName('wildcard-example-com-tls')], allowedRoutes: AllowedRoutes.all() }),
    ],
  });
}

function addScenarios(app: App): void {
  {
    const chart = new Chart(app, 'scenario-7-gw-fanout', { namespace: 'shop' });
    const gateway = platformGateway(chart);
    const v1 = new InternalWebApp(chart, 'V1', { image: 'api:1', serviceName: 'api-v1' });
    const v2 = new InternalWebApp(chart, 'V2', { image: 'api:2', serviceName: 'api-v2' });
    new HttpRoute(chart, 'Api', {
      name: 'api',
      parentRefs: [{ gateway, sectionName: 'https-wildcard.example.com' }],
      hostnames: ['api.example.com'],
      rules: [
        { matches: [HttpRouteMatch.pathPrefix('/v1')], backends: [RouteBackend.fromWebBackend(v1)] },
        { matches: [HttpRouteMatch.pathPrefix('/v2')], backends: [RouteBackend.fromWebBackend(v2)] },
      ],
    });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-virtual-hosts', { namespace: 'shop' });
    const gateway = platformGateway(chart);
    const shop = new InternalWebApp(chart, 'Shop', { image: 'shop:1', serviceName: 'shop' });
    const blog = new InternalWebApp(chart, 'Blog', { image: 'blog:1', serviceName: 'blog' });
    new HttpRoute(chart, 'ShopRoute', { name: 'shop', parentRefs: [{ gateway }], hostnames: ['shop.example.com'], rules: [{ backends: [RouteBackend.fromWebBackend(shop)] }] });
    new HttpRoute(chart, 'BlogRoute', { name: 'blog', parentRefs: [{ gateway }], hostnames: ['blog.example.com'], rules: [{ backends: [RouteBackend.fromWebBackend(blog)] }] });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-tls-secret', { namespace: 'infra' });
    new Gateway(chart, 'Gateway', {
      gatewayClassName: 'eg',
      name: 'public',
      listeners: [GatewayListener.https({ hostname: 'shop.example.com', certificates: [CertificateRef.fromSecretName('shop-example-com-tls')] })],
    });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-tls-cert-manager', { namespace: 'infra' });
    new Gateway(chart, 'Gateway', {
      gatewayClassName: 'eg',
      name: 'public',
      listeners: [
        GatewayListener.http(),
        GatewayListener.https({ hostname: 'shop.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt-prod') }),
        GatewayListener.https({ hostname: 'blog.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt-prod') }),
      ],
    });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-default-route', { namespace: 'shop' });
    const gateway = platformGateway(chart);
    const shop = new InternalWebApp(chart, 'Shop', { image: 'shop:1', serviceName: 'shop' });
    const fallback = new InternalWebApp(chart, 'Fallback', { image: 'fallback:1', serviceName: 'fallback' });
    new HttpRoute(chart, 'Route', {
      name: 'shop',
      parentRefs: [{ gateway }],
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [HttpRouteMatch.pathPrefix('/shop')], backends: [RouteBackend.fromWebBackend(shop)] },
        { backends: [RouteBackend.fromWebBackend(fallback)] },
      ],
    });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-https-redirect', { namespace: 'shop' });
    const gateway = platformGateway(chart);
    const shop = new InternalWebApp(chart, 'Shop', { image: 'shop:1', serviceName: 'shop' });
    new HttpRoute(chart, 'Route', { name: 'shop', parentRefs: [{ gateway, sectionName: 'https-wildcard.example.com' }], hostnames: ['shop.example.com'], rules: [{ backends: [RouteBackend.fromWebBackend(shop)] }] });
    new HttpRoute(chart, 'Redirect', { name: 'shop-redirect', parentRefs: [{ gateway, sectionName: 'http' }], hostnames: ['shop.example.com'], rules: [{ filters: [HttpRouteFilter.httpsRedirect()] }] });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-canary', { namespace: 'shop' });
    const gateway = platformGateway(chart);
    const stable = new InternalWebApp(chart, 'Stable', { image: 'shop:1.4', serviceName: 'shop' });
    const canary = new InternalWebApp(chart, 'Canary', { image: 'shop:1.5', serviceName: 'shop-canary' });
    new HttpRoute(chart, 'Route', {
      name: 'shop',
      parentRefs: [{ gateway }],
      hostnames: ['shop.example.com'],
      rules: [{ backends: [RouteBackend.fromWebBackend(stable, { weight: 90 }), RouteBackend.fromWebBackend(canary, { weight: 10 })] }],
    });
  }
  {
    const chart = new Chart(app, 'scenario-7-gw-grpc', { namespace: 'shop' });
    const gateway = platformGateway(chart);
    const orders = new kplus.Service(chart, 'Orders', { metadata: { name: 'orders' }, ports: [{ port: 50051, name: 'grpc' }], selector: kplus.Pods.select(chart, 'OrderPods', { labels: { app: 'orders' } }) });
    new GrpcRoute(chart, 'Route', {
      name: 'orders',
      parentRefs: [{ gateway }],
      hostnames: ['grpc.example.com'],
      rules: [{ matches: [GrpcRouteMatch.service('shop.v1.Orders'), GrpcRouteMatch.method('shop.v1.Admin', 'Refund')], backends: [RouteBackend.service(orders)] }],
    });
  }
  {
    const app2 = app;
    const backend = new Chart(app2, 'scenario-7-gw-cross-namespace-backend', { namespace: 'catalog' });
    const web = new Chart(app2, 'scenario-7-gw-cross-namespace-route', { namespace: 'shop' });
    const gateway = platformGateway(web);
    const catalog = new InternalWebApp(backend, 'Catalog', { image: 'catalog:3', serviceName: 'catalog' });
    new HttpRoute(web, 'Route', {
      name: 'shop',
      parentRefs: [{ gateway }],
      hostnames: ['shop.example.com'],
      rules: [{ matches: [HttpRouteMatch.pathPrefix('/catalog')], backends: [RouteBackend.fromWebBackend(catalog)] }],
    });
  }
}

const app = Testing.app();
addScenarios(app);

test('one chart per Gateway API scenario', () => {
  expect(app.charts.map((c) => c.node.id)).toEqual([
    'scenario-7-gw-fanout',
    'scenario-7-gw-virtual-hosts',
    'scenario-7-gw-tls-secret',
    'scenario-7-gw-tls-cert-manager',
    'scenario-7-gw-default-route',
    'scenario-7-gw-https-redirect',
    'scenario-7-gw-canary',
    'scenario-7-gw-grpc',
    'scenario-7-gw-cross-namespace-backend',
    'scenario-7-gw-cross-namespace-route',
  ]);
});

test('the app synthesizes under the safety net', () => {
  expect(() => app.synth()).not.toThrow();
});

test.each(app.charts.map((c): [string, Chart] => [c.node.id, c]))('%s', (_id, chart) => {
  // WHEN
  const manifests = Testing.synth(chart);

  // THEN: only GA versions, accepted by the CRD schemas, the same output as reviewed
  expect(manifests.map((m: any) => m.apiVersion).filter((v: string) => !['v1', 'apps/v1', 'gateway.networking.k8s.io/v1'].includes(v))).toEqual([]);
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
  expect(manifests).toMatchSnapshot();
});

test('the cross-namespace backend comes with its ReferenceGrant in the backend\'s namespace', () => {
  const web = app.charts.find((c) => c.node.id === 'scenario-7-gw-cross-namespace-route')!;
  const grant = Testing.synth(web).find((m: any) => m.kind === 'ReferenceGrant');
  expect(grant.metadata).toEqual({ name: 'shop-httproute-shop', namespace: 'catalog' });
  expect(grant.spec).toEqual({ from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'catalog' }] });
});
