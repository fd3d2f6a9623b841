// Scenarios 4, 6 and 7: web apps reached by other pods, from the nodes and load balancers, and
// through an Ingress.
//
// Every image here starts under the apps' defaults (a non-root user and a read-only root
// filesystem, with a writable /tmp): nginxinc/nginx-unprivileged runs as user 101 on port 8080;
// the registry.example.com images stand for your own. Every object is named, and the cdk8s-plus
// workloads select their pods by labels of their own, so that moving a construct changes no
// name, selector or label.
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ExternalTrafficPolicy,
  IngressController,
  InternalWebApp,
  PublicWebApp,
  WebBackend,
  WebExposure,
  WebTls,
} from '../../src';

/**
 * Adds the charts of the web scenarios to `app`. `place` gives the scope of each chart's
 * constructs (the chart itself by default; a test wraps them in another parent construct).
 */
export function addScenarios(app: App, place: (chart: Chart) => Construct = (chart) => chart): void {
  internalWebApp(place(new Chart(app, 'scenario-4-internal-web-app', { namespace: 'backend' })));
  nodePort(place(new Chart(app, 'scenario-6-node-port')));
  loadBalancer(place(new Chart(app, 'scenario-6-load-balancer')));
  externalIps(place(new Chart(app, 'scenario-6-external-ips')));
  fanout(place(new Chart(app, 'scenario-7-fanout')));
  virtualHosts(place(new Chart(app, 'scenario-7-virtual-hosts')));
}

/**
 * A cdk8s-plus Deployment with a name and a selector of its own (`app.kubernetes.io/name`):
 * by default cdk8s-plus selects pods by a hash of the construct path, which changes when the
 * construct moves, and a Deployment's selector cannot change.
 */
function namedDeployment(scope: Construct, id: string, name: string, props: kplus.DeploymentProps = {}): kplus.Deployment {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
  const deployment = new kplus.Deployment(scope, id, {
    ...props,
    metadata: { ...props.metadata, name },
    podMetadata: { labels },
    select: false,
  });
  deployment.select(kplus.LabelSelector.of({ labels }));
  // cdk8s-plus also labels the pods `cdk8s.io/metadata.addr: <hash of the construct path>` and
  // selects them by it where the Deployment is a pod selector (a cdk8s-plus Service, a
  // NetworkPolicy peer): the name keeps that label, and them, stable too.
  deployment.podMetadata.addLabel(kplus.Pod.ADDRESS_LABEL, name);
  return deployment;
}

/** 4. Three replicas behind a ClusterIP Service (port 80 to 8080), reached from another namespace. */
function internalWebApp(chart: Construct): void {
  const catalog = new InternalWebApp(chart, 'Catalog', {
    name: 'catalog',
    image: 'nginxinc/nginx-unprivileged:1.25',
    replicas: 3,
    readiness: kplus.Probe.fromHttpGet('/'),
  });
  // A client in the 'frontend' namespace finds it by its namespaced DNS name.
  const client = namedDeployment(chart, 'Storefront', 'storefront', {
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
function nodePort(chart: Construct): void {
  new PublicWebApp(chart, 'Hello', {
    name: 'hello-nodeport',
    image: 'nginxinc/nginx-unprivileged:1.25',
    exposure: WebExposure.nodePort({ nodePort: 31682 }),
  });
}

/** 6. A load balancer open to two client ranges, keeping the client address, with a DNS name. */
function loadBalancer(chart: Construct): void {
  new PublicWebApp(chart, 'Hello', {
    name: 'hello-lb',
    image: 'nginxinc/nginx-unprivileged:1.25',
    exposure: WebExposure.loadBalancer({
      sourceRanges: ['203.0.113.0/24', '198.51.100.7/32'],
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
    }),
    domainNames: ['hello.example.com'],
    externalDns: true,
  });
}

/** 6. externalIPs, by explicit opt-in only (CVE-2020-8554): the address must be yours. */
function externalIps(chart: Construct): void {
  new PublicWebApp(chart, 'Hello', {
    name: 'hello-external-ip',
    image: 'nginxinc/nginx-unprivileged:1.25',
    exposure: WebExposure.nodePort(),
    externalIps: { addresses: ['203.0.113.10'], acceptCve20208554Risk: true },
  });
}

/** 7. Fanout: /v1 and /v2 of one host go to two services; TLS from an existing Secret; ingress-nginx. */
function fanout(chart: Construct): void {
  const v2 = new InternalWebApp(chart, 'ApiV2', { name: 'api-v2', image: 'registry.example.com/api:2.0' });
  const v1 = new PublicWebApp(chart, 'ApiV1', {
    name: 'api-v1',
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
function virtualHosts(chart: Construct): void {
  const blog = new InternalWebApp(chart, 'Blog', { name: 'blog', image: 'registry.example.com/blog:3.1', partOf: 'shop' });
  const notFound = new InternalWebApp(chart, 'NotFound', {
    name: 'not-found',
    partOf: 'shop',
    image: 'registry.example.com/not-found:1.0',
    replicas: 1,
  });
  const shop = new PublicWebApp(chart, 'Shop', {
    name: 'shop',
    partOf: 'shop',
    image: 'registry.example.com/shop:1.4',
    // configuration from a ConfigMap and a Secret, by reference
    envVariables: {
      CURRENCY: kplus.EnvValue.fromConfigMap(kplus.ConfigMap.fromConfigMapName(chart, 'ShopConfig', 'shop-config'), 'currency'),
      SESSION_KEY: kplus.EnvValue.fromSecretValue({ secret: kplus.Secret.fromSecretName(chart, 'ShopSecrets', 'shop-secrets'), key: 'session-key' }),
    },
    resources: {
      cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
      memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
    },
    domainNames: ['shop.example.com'],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt-prod' }),
    ingressController: IngressController.traefik(),
    defaultBackend: notFound,
    externalDns: true,
  });
  shop.addPath('/', { host: 'blog.example.com', backend: blog });
  // Any cdk8s-plus Service can be a backend; its port is checked against the Service's ports.
  const admin = namedDeployment(chart, 'Admin', 'shop-admin', { replicas: 1 });
  admin.addContainer({ image: 'registry.example.com/shop-admin:1.4', portNumber: 8080 });
  const adminService = new kplus.Service(chart, 'AdminService', {
    metadata: { name: 'shop-admin' },
    selector: admin,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  shop.addPath('/admin', { backend: WebBackend.service(adminService, { portName: 'http' }) });
}
