// The ways to produce the same manifests for the benchmark: N external databases and N public
// web apps, with this library, with raw cdk8s L1 objects, and with cdk8s-plus-28 L2 constructs as
// far as they reach; and the same apps with this library on the Gateway API (HTTPRoutes attached
// to a shared Gateway instead of Ingresses).
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { DatabaseEngine, ExternalBackend, ExternalDatabase, Gateway, GatewayProtocol, PublicWebApp, RouteNamespaces, WebExposure, WebTls } from '../src';

export type Way = 'library' | 'l1' | 'plus' | 'gateway';

/**
 * The platform team's Gateway, managed elsewhere, with its listeners: an HTTP listener for the
 * redirects and an HTTPS listener for every host under example.com, open to every namespace.
 */
const SHARED_GATEWAY = Gateway.fromGatewayName('public', {
  listeners: [
    { name: 'http', port: 80, protocol: GatewayProtocol.HTTP, allowedRoutesFrom: RouteNamespaces.ALL },
    { name: 'https', port: 443, protocol: GatewayProtocol.HTTPS, hostname: '*.example.com', allowedRoutesFrom: RouteNamespaces.ALL },
  ],
});

/** A distinct private IPv4 address for unit i. */
function address(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) + 1 > 254 ? 254 : (i & 255) + 1}`;
}

export function addUnits(way: Way, chart: Chart, n: number): void {
  for (let i = 0; i < n; i++) {
    switch (way) {
      case 'library': library(chart, i); break;
      case 'l1': l1(chart, i); break;
      case 'plus': plus(chart, i); break;
      case 'gateway': gateway(chart, i); break;
    }
  }
}

function library(chart: Chart, i: number): void {
  new ExternalDatabase(chart, `Db${i}`, {
    serviceName: `db-${i}`,
    engine: DatabaseEngine.POSTGRESQL,
    backend: ExternalBackend.address(address(i)),
  });
  new PublicWebApp(chart, `Web${i}`, {
    serviceName: `web-${i}`,
    image: 'registry.example.com/shop:1.4',
    domainNames: [`web-${i}.example.com`],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt' }),
  });
}

/**
 * The same database and app as `library`, the app on the Gateway API: one HTTPRoute on the HTTPS
 * listener, as the Ingress is one object. The Ingress gets its HTTP to HTTPS redirect from the
 * controller; here the platform redirects on its HTTP listener once for every host, which is
 * where a shared Gateway does it. BENCH_GATEWAY_REDIRECT=app gives each app its own redirect
 * route instead (a second HTTPRoute per app).
 */
function gateway(chart: Chart, i: number): void {
  new ExternalDatabase(chart, `Db${i}`, {
    serviceName: `db-${i}`,
    engine: DatabaseEngine.POSTGRESQL,
    backend: ExternalBackend.address(address(i)),
  });
  new PublicWebApp(chart, `Web${i}`, {
    serviceName: `web-${i}`,
    image: 'registry.example.com/shop:1.4',
    domainNames: [`web-${i}.example.com`],
    exposure: process.env.BENCH_GATEWAY_REDIRECT === 'app'
      ? WebExposure.gateway({ gateway: SHARED_GATEWAY })
      : WebExposure.gateway({ gateway: SHARED_GATEWAY, sectionName: 'https' }),
    httpsRedirect: process.env.BENCH_GATEWAY_REDIRECT === 'app' ? undefined : false,
  });
}

const DB_PORT = { name: 'postgresql', port: 5432, protocol: 'TCP', appProtocol: 'postgresql' };

/** The recommended labels the library writes on every object of an app. */
function appLabels(name: string): { [key: string]: string } {
  return { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/managed-by': 'cdk8s-service-patterns', 'app.kubernetes.io/name': name };
}

/** The EndpointSlice of database i, as the library writes it (both other ways need it as L1). */
function dbSlice(chart: Chart, i: number): void {
  new k8s.KubeEndpointSlice(chart, `Db${i}Slice`, {
    metadata: {
      name: `db-${i}-ipv4-1`,
      labels: { ...appLabels(`db-${i}`), 'kubernetes.io/service-name': `db-${i}`, 'endpointslice.kubernetes.io/managed-by': 'cdk8s-service-patterns' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [address(i)] }],
    ports: [DB_PORT],
  });
}

// The raw L1 way writes the YAML the library writes, object for object (checked by diffing the
// two outputs for one unit): what it saves is the library's work, not output.
function l1(chart: Chart, i: number): void {
  new k8s.KubeService(chart, `Db${i}`, {
    metadata: { name: `db-${i}`, labels: appLabels(`db-${i}`) },
    spec: {
      type: 'ClusterIP',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ ...DB_PORT, targetPort: k8s.IntOrString.fromNumber(5432) }],
    },
  });
  dbSlice(chart, i);
  const name = `web-${i}`;
  const labels = appLabels(name);
  const selector = { 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': name };
  new k8s.KubeDeployment(chart, `Web${i}Deployment`, {
    metadata: { name, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          containers: [{
            name: 'web',
            image: 'registry.example.com/shop:1.4',
            ports: [{ containerPort: 8080 }],
            resources: {
              limits: { cpu: k8s.Quantity.fromString('1500m'), memory: k8s.Quantity.fromString('2048Mi') },
              requests: { cpu: k8s.Quantity.fromString('1000m'), memory: k8s.Quantity.fromString('512Mi') },
            },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
            startupProbe: { tcpSocket: { port: k8s.IntOrString.fromNumber(8080) } },
            volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
          }],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  });
  new k8s.KubeService(chart, `Web${i}Service`, {
    metadata: { name, labels },
    spec: {
      selector,
      ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromNumber(8080) }],
    },
  });
  new k8s.KubeIngress(chart, `Web${i}Ingress`, {
    metadata: { name, labels, annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } },
    spec: {
      rules: [{
        host: `web-${i}.example.com`,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }] },
      }],
      tls: [{ hosts: [`web-${i}.example.com`], secretName: `${name}-tls` }],
    },
  });
}

function plus(chart: Chart, i: number): void {
  // cdk8s-plus has no selector-less Service (it always writes `selector: {}`) and no
  // EndpointSlice: the slice is an L1 object.
  new kplus.Service(chart, `Db${i}`, {
    metadata: { name: `db-${i}` },
    ports: [{ name: 'postgresql', port: 5432, targetPort: 5432 }],
  });
  dbSlice(chart, i);
  const deployment = new kplus.Deployment(chart, `Web${i}Deployment`, { replicas: 2 });
  deployment.addContainer({ name: 'web', image: 'registry.example.com/shop:1.4', portNumber: 8080 });
  const service = new kplus.Service(chart, `Web${i}Service`, {
    metadata: { name: `web-${i}` },
    selector: deployment,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  const ingress = new kplus.Ingress(chart, `Web${i}Ingress`, {
    metadata: { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } },
  });
  ingress.addHostRule(`web-${i}.example.com`, '/', kplus.IngressBackend.fromService(service, { port: 80 }), kplus.HttpIngressPathType.PREFIX);
  ingress.addTls([{ hosts: [`web-${i}.example.com`], secret: kplus.Secret.fromSecretName(chart, `Web${i}Tls`, `web-${i}-tls`) }]);
}
