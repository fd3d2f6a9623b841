// Scenarios 4, 6 and 7: web apps reached by other pods, from the nodes and load balancers, and
// through an Ingress.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ExternalTrafficPolicy,
  IngressController,
  InternalWebApp,
  PublicWebApp,
  WebBackend,
  WebExposure,
  WebTls,
} from '../../src';

export function addScenarios(app: App): void {
  internalWebApp(new Chart(app, 'scenario-4-internal-web-app', { namespace: 'backend' }));
  nodePort(new Chart(app, 'scenario-6-node-port'));
  loadBalancer(new Chart(app, 'scenario-6-load-balancer'));
  externalIps(new Chart(app, 'scenario-6-external-ips'));
  fanout(new Chart(app, 'scenario-7-fanout'));
  virtualHosts(new Chart(app, 'scenario-7-virtual-hosts'));
}

/** 4. Three replicas behind a ClusterIP Service (port 80 to 8080), reached from another namespace. */
function internalWebApp(chart: Chart): void {
  const catalog = new InternalWebApp(chart, 'Catalog', {
    serviceName: 'catalog',
    image: 'nginxinc/nginx-unprivileged:1.25',
    replicas: 3,
    readiness: kplus.Probe.fromHttpGet('/'),
  });
  // A client in the 'frontend' namespace finds it by its namespaced DNS name.
  const client = new kplus.Deployment(chart, 'Storefront', {
    metadata: { namespace: 'frontend' },
    replicas: 1,
  });
  client.addContainer({
    image: 'registry.example.com/storefront:2.1',
    portNumber: 8080,
    envVariables: {
      CATALOG_URL: kplus.EnvValue.fromValue(`http://${catalog.dnsNames.namespacedName}:${catalog.port}`),
    },
  });
}

/** 6. A fixed node port: the app answers on port 31682 of every node. */
function nodePort(chart: Chart): void {
  new PublicWebApp(chart, 'Hello', {
    serviceName: 'hello-nodeport',
    image: 'nginxdemos/hello:0.4-plain-text',
    containerPort: 80,
    exposure: WebExposure.nodePort({ nodePort: 31682 }),
  });
}

/** 6. A load balancer open to two client ranges, keeping the client address, with a DNS name. */
function loadBalancer(chart: Chart): void {
  new PublicWebApp(chart, 'Hello', {
    serviceName: 'hello-lb',
    image: 'nginxdemos/hello:0.4-plain-text',
    containerPort: 80,
    exposure: WebExposure.loadBalancer({
      sourceRanges: ['203.0.113.0/24', '198.51.100.7/32'],
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    }),
    domainNames: ['hello.example.com'],
    externalDns: true,
  });
}

/** 6. externalIPs, by explicit opt-in only (CVE-2020-8554): the address must be yours. */
function externalIps(chart: Chart): void {
  new PublicWebApp(chart, 'Hello', {
    serviceName: 'hello-external-ip',
    image: 'nginxdemos/hello:0.4-plain-text',
    containerPort: 80,
    exposure: WebExposure.nodePort(),
    externalIps: { addresses: ['203.0.113.10'], acceptCve20208554Risk: true },
  });
}

/** 7. Fanout: /v1 and /v2 of one host go to two services; TLS from an existing Secret; ingress-nginx. */
function fanout(chart: Chart): void {
  const v2 = new InternalWebApp(chart, 'ApiV2', { serviceName: 'api-v2', image: 'registry.example.com/api:2.0' });
  const v1 = new PublicWebApp(chart, 'ApiV1', {
    serviceName: 'api-v1',
    image: 'registry.example.com/api:1.9',
    domainNames: ['api.example.com'],
    paths: ['/v1'],
    tls: WebTls.fromSecretName('api-example-com-tls'),
    ingressController: IngressController.nginx({ proxyBodySize: '8m' }),
  });
  v1.addPath('/v2', { backend: v2 });
}

/**
 * 7. Virtual hosting: two hosts on one Ingress, a certificate from cert-manager for both, a
 * default backend for every other request; Traefik.
 */
function virtualHosts(chart: Chart): void {
  const blog = new InternalWebApp(chart, 'Blog', { serviceName: 'blog', image: 'ghost:5-alpine', containerPort: 2368 });
  const notFound = new InternalWebApp(chart, 'NotFound', {
    serviceName: 'not-found',
    image: 'registry.example.com/not-found:1.0',
    replicas: 1,
  });
  const shop = new PublicWebApp(chart, 'Shop', {
    serviceName: 'shop',
    image: 'registry.example.com/shop:1.4',
    domainNames: ['shop.example.com'],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt-prod' }),
    ingressController: IngressController.traefik(),
    defaultBackend: notFound,
    externalDns: true,
  });
  shop.addPath('/', { host: 'blog.example.com', backend: blog });
  // Any cdk8s-plus Service can be a backend; its port is checked against the Service's ports.
  const admin = new kplus.Deployment(chart, 'Admin', { replicas: 1 });
  admin.addContainer({ image: 'registry.example.com/shop-admin:1.4', portNumber: 8080 });
  const adminService = new kplus.Service(chart, 'AdminService', {
    selector: admin,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  shop.addPath('/admin', { backend: WebBackend.service(adminService, { portName: 'http' }) });
}
