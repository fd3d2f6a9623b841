// Scenario 8: least privilege. A shop behind ingress-nginx, an orders API it routes /api to, a
// PostgreSQL outside the cluster, a Redis StatefulSet for sessions, and a reports job of your
// own: NetworkPolicies isolate every pod the library manages (ingress and egress) and allow
// exactly these edges, and the cluster DNS.
import { App, Chart, Cron } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ControllerNamespace,
  DatabaseEngine,
  ExternalBackend,
  ExternalDatabase,
  HeadlessStatefulService,
  IngressController,
  InternalWebApp,
  NetworkPolicies,
  PolicyPeer,
  PublicWebApp,
} from '../../src';

/**
 * Adds the chart of the least-privilege scenario to `app`. `place` gives the scope of the
 * chart's constructs (the chart itself by default; a test wraps them in another parent construct).
 */
export function addScenarios(app: App, place: (chart: Chart) => Construct = (chart) => chart): void {
  leastPrivilege(place(new Chart(app, 'scenario-8-least-privilege', { namespace: 'shop' })));
}

/** 8. Every edge declared, nothing else allowed. */
export function leastPrivilege(scope: Construct): NetworkPolicies {
  const storefront = new PublicWebApp(scope, 'Storefront', {
    name: 'storefront',
    image: 'registry.example.com/storefront:3.2',
    domainNames: ['shop.example.com'],
    ingressController: IngressController.nginx(),
  });
  const orders = new InternalWebApp(scope, 'Orders', { name: 'orders', image: 'registry.example.com/orders:1.7' });
  storefront.addPath('/api', { backend: orders });

  const db = new ExternalDatabase(scope, 'OrdersDb', {
    serviceName: 'orders-db',
    engine: DatabaseEngine.POSTGRESQL,
    backend: ExternalBackend.address('10.0.4.20'),
  });
  db.bindToContainer(orders.container);

  const sessions = new HeadlessStatefulService(scope, 'Sessions', {
    serviceName: 'sessions',
    replicas: 3,
    clientService: true,
    containers: [{ image: 'redis:7.2', ports: [{ number: 6379, name: 'redis' }], securityContext: { user: 999, group: 999 } }],
  });

  // A workload of your own: a nightly report that reads the orders API.
  const reports = new kplus.CronJob(scope, 'Reports', {
    metadata: { name: 'reports' },
    schedule: Cron.daily(),
    podMetadata: { labels: { 'app.kubernetes.io/name': 'reports' } },
    containers: [{
      image: 'registry.example.com/reports:1.0',
      envVariables: { ORDERS_URL: kplus.EnvValue.fromValue(`http://${orders.dnsNames.namespacedName}:${orders.port}`) },
    }],
  });
  reports.podMetadata.addLabel(kplus.Pod.ADDRESS_LABEL, 'reports');

  // Last, so that it sees every workload above.
  const policies = new NetworkPolicies(scope, 'Policies', {
    ingressControllerNamespace: ControllerNamespace.INGRESS_NGINX,
    egress: true,
  });
  policies.addEdge(PolicyPeer.workload(storefront), PolicyPeer.workload(sessions), { port: 6379, reason: 'sessions' });
  policies.addEdge(PolicyPeer.workload(storefront), PolicyPeer.workload(orders), { reason: 'server-side rendering calls the API' });
  policies.addEdge(PolicyPeer.pods({ labels: { 'app.kubernetes.io/name': 'reports' } }), PolicyPeer.workload(orders), { reason: 'nightly report' });
  return policies;
}
