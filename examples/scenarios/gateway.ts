// Scenario 7 on the Gateway API: the same apps as in web.ts (path fanout, virtual hosts, TLS from
// a Secret and from cert-manager, a default route, the HTTP to HTTPS redirect) as HTTPRoutes
// attached to Gateways, and an app on its way from Ingress to Gateway that emits both.
//
// The platform team owns the Gateways (namespace 'infra'); the app teams attach their routes from
// their own namespaces. Every object is named after its app, so moving a construct renames nothing.
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AllowedRoutes,
  CertManagerIssuer,
  CertificateRef,
  Gateway,
  GatewayListener,
  IngressController,
  NginxBackendProtocol,
  InternalWebApp,
  PublicWebApp,
  WebBackend,
  WebExposure,
  WebTls,
} from '../../src';

/** The Gateways of the platform team, for the app charts to attach to. */
export interface PlatformGateways {
  /** api.example.com, with a certificate from an existing Secret. */
  readonly api: Gateway;
  /** shop.example.com, blog.example.com and orders.example.com, with certificates from cert-manager. */
  readonly public: Gateway;
}

/**
 * Adds the charts of scenario 7 on the Gateway API to `app`. `place` gives the scope of each
 * chart's constructs (the chart itself by default).
 */
export function addScenarios(app: App, place: (chart: Chart) => Construct = (chart) => chart): void {
  const gateways = platformGateways(place(new Chart(app, 'scenario-7-gw-gateways', { namespace: 'infra' })));
  fanout(place(new Chart(app, 'scenario-7-gw-fanout', { namespace: 'api' })), gateways);
  virtualHosts(place(new Chart(app, 'scenario-7-gw-virtual-hosts', { namespace: 'shop' })), gateways);
  migration(place(new Chart(app, 'scenario-7-gw-migration', { namespace: 'legacy' })), gateways);
}

/**
 * 7. Two Gateways with an HTTP listener (for the redirects) and HTTPS listeners: one with a
 * certificate from a Secret, one with certificates from cert-manager. Routes may attach from
 * every namespace.
 */
function platformGateways(scope: Construct): PlatformGateways {
  const api = new Gateway(scope, 'Api', {
    name: 'api',
    gatewayClassName: 'eg',
    listeners: [
      GatewayListener.http({ allowedRoutes: AllowedRoutes.all() }),
      GatewayListener.https({
        hostname: 'api.example.com',
        certificates: [CertificateRef.fromSecretName('api-example-com-tls')],
        allowedRoutes: AllowedRoutes.all(),
      }),
    ],
  });
  const issuer = CertManagerIssuer.clusterIssuer('letsencrypt-prod');
  const web = new Gateway(scope, 'Public', {
    name: 'public',
    gatewayClassName: 'eg',
    listeners: [
      GatewayListener.http({ allowedRoutes: AllowedRoutes.all() }),
      GatewayListener.https({ hostname: 'shop.example.com', certManager: issuer, allowedRoutes: AllowedRoutes.all() }),
      GatewayListener.https({ hostname: 'blog.example.com', certManager: issuer, allowedRoutes: AllowedRoutes.all() }),
      GatewayListener.https({ hostname: 'orders.example.com', certManager: issuer, allowedRoutes: AllowedRoutes.all() }),
    ],
  });
  return { api, public: web };
}

/** 7. Fanout: /v1 and /v2 of one host go to two services, on the HTTPS listener; HTTP redirects. */
function fanout(chart: Construct, gateways: PlatformGateways): void {
  const v2 = new InternalWebApp(chart, 'ApiV2', { name: 'api-v2', image: 'registry.example.com/api:2.0' });
  const v1 = new PublicWebApp(chart, 'ApiV1', {
    name: 'api-v1',
    image: 'registry.example.com/api:1.9',
    exposure: WebExposure.gateway({ gateway: gateways.api }),
    domainNames: ['api.example.com'],
    paths: ['/v1'],
  });
  v1.addPath('/v2', { backend: v2 });
}

/**
 * 7. Virtual hosting: two hosts, a default route for every other request, a Service of
 * cdk8s-plus as a backend, and what only the Gateway API has: a 90/10 canary with a timeout, and
 * a header that always reaches the canary.
 */
function virtualHosts(chart: Construct, gateways: PlatformGateways): void {
  const blog = new InternalWebApp(chart, 'Blog', { name: 'blog', image: 'registry.example.com/blog:3.1', partOf: 'shop' });
  const notFound = new InternalWebApp(chart, 'NotFound', {
    name: 'not-found',
    partOf: 'shop',
    image: 'registry.example.com/not-found:1.0',
    replicas: 1,
  });
  const canary = new InternalWebApp(chart, 'ShopCanary', { name: 'shop-canary', partOf: 'shop', image: 'registry.example.com/shop:1.5', replicas: 1 });
  const shop = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    partOf: 'shop',
    image: 'registry.example.com/shop:1.4',
    exposure: WebExposure.gateway({ gateway: gateways.public }),
    domainNames: ['shop.example.com'],
    // On the Gateway API the default route is the prefix '/' of the app's hosts: the app routes
    // its own paths, and every other request on shop.example.com reaches not-found.
    paths: ['/products', '/cart'],
    defaultBackend: notFound,
  });
  shop.addPath('/', { host: 'blog.example.com', backend: blog });
  shop.addPath('/checkout', {
    backends: [{ backend: shop, weight: 90 }, { backend: canary, weight: 10 }],
    timeouts: { request: Duration.seconds(30) },
  });
  shop.addPath('/products', { headers: [{ name: 'X-Canary', value: 'always' }], backend: canary });
  // Any cdk8s-plus Service can be a backend; a route names its port by number.
  // (named, and selecting its pods by a label of its own, so that moving it changes nothing)
  const labels = { 'app.kubernetes.io/name': 'shop-admin', 'app.kubernetes.io/instance': 'shop-admin' };
  const admin = new kplus.Deployment(chart, 'Admin', {
    metadata: { name: 'shop-admin' },
    replicas: 1,
    podMetadata: { labels },
    select: false,
    containers: [{ image: 'registry.example.com/shop-admin:1.4', portNumber: 8080 }],
  });
  admin.select(kplus.LabelSelector.of({ labels }));
  admin.podMetadata.addLabel(kplus.Pod.ADDRESS_LABEL, 'shop-admin');
  const adminService = new kplus.Service(chart, 'AdminService', {
    metadata: { name: 'shop-admin' },
    selector: admin,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  shop.addPath('/admin', { backend: WebBackend.service(adminService, { port: 80 }) });
}

/**
 * 7. A move from ingress-nginx: the app keeps its Ingress and gets HTTPRoutes with the same routes
 * (the redirect, the default backend), until DNS points at the Gateway. Its gRPC backend protocol
 * carries over as the Service port's `appProtocol`.
 */
function migration(chart: Construct, gateways: PlatformGateways): void {
  new PublicWebApp(chart, 'Orders', {
    name: 'orders',
    image: 'registry.example.com/orders:5.2',
    domainNames: ['orders.example.com'],
    paths: ['/orders.v1.Orders'],
    tls: WebTls.fromSecretName('orders-example-com-tls'),
    ingressController: IngressController.nginx({ backendProtocol: NginxBackendProtocol.GRPC }),
    gateway: { gateway: gateways.public },
    defaultBackend: WebBackend.serviceName('legacy-frontend', { port: 80 }),
  });
}
