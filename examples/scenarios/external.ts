// Scenarios 1-3: outside backends reached in the cluster by a stable DNS name.
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  DatabaseEngine,
  EndpointObjects,
  ExternalBackend,
  ExternalDatabase,
  ExternalService,
  InternalWebApp,
  SessionAffinity,
} from '../../src';

/**
 * Adds the charts of the external scenarios to `app`. `place` gives the scope of each chart's
 * constructs (the chart itself by default; a test wraps them in another parent construct).
 * Every chart names its Service differently, so that all of them can be applied together.
 */
export function addScenarios(app: App, place: (chart: Chart) => Construct = (chart) => chart): void {
  // 1. A MySQL outside the cluster at one IP, reached in the cluster on port 30056 (the VM
  //    listens on 3306): first as a legacy Endpoints object (pre-1.21 clusters) ...
  const legacy = place(new Chart(app, 'scenario-1-mysql-endpoints'));
  new ExternalDatabase(legacy, 'Mysql', {
    serviceName: 'mysql-legacy',
    engine: DatabaseEngine.MYSQL,
    backend: ExternalBackend.address('10.0.4.17'),
    port: 30056,
    backendPort: 3306,
    endpointObjects: EndpointObjects.LEGACY_ENDPOINTS,
  });

  // ... then as an EndpointSlice, with an app that gets the connection details as env vars.
  const sliced = place(new Chart(app, 'scenario-1-mysql-endpointslice'));
  const mysql = new ExternalDatabase(sliced, 'Mysql', {
    serviceName: 'mysql',
    engine: DatabaseEngine.MYSQL,
    backend: ExternalBackend.address('10.0.4.17'),
    port: 30056,
    backendPort: 3306,
  });
  // The credentials reach the app in one call: its container is a cdk8s-plus Container.
  const orders = new InternalWebApp(sliced, 'Orders', { name: 'orders', image: 'registry.example.com/orders:1.4' });
  mysql.bindToContainer(orders.container, {
    prefix: 'MYSQL',
    credentials: { secret: kplus.Secret.fromSecretName(sliced, 'MysqlCredentials', 'mysql-credentials') },
  });

  // 2. The same backend as a cluster of two IPs, round robin ...
  const cluster = place(new Chart(app, 'scenario-2-mysql-cluster'));
  new ExternalService(cluster, 'Mysql', {
    serviceName: 'mysql-cluster',
    backend: ExternalBackend.addresses(['10.0.4.17', '10.0.4.18']),
    ports: [{ name: 'mysql', port: 3306, appProtocol: 'mysql' }],
  });

  // ... then with ClientIP affinity: a client sticks to one server for 30 minutes.
  const sticky = place(new Chart(app, 'scenario-2-mysql-cluster-affinity'));
  new ExternalService(sticky, 'Mysql', {
    serviceName: 'mysql-sticky',
    backend: ExternalBackend.addresses(['10.0.4.17', '10.0.4.18']),
    ports: [{ name: 'mysql', port: 3306, appProtocol: 'mysql' }],
    sessionAffinity: SessionAffinity.clientIp(Duration.minutes(30)),
  });

  // 3. An outside HTTP site reached by DNS name: an ExternalName Service (a CNAME).
  const site = place(new Chart(app, 'scenario-3-external-website'));
  new ExternalService(site, 'Docs', {
    serviceName: 'docs',
    backend: ExternalBackend.hostname('docs.example.com'),
    ports: [{ name: 'https', port: 443, appProtocol: 'https' }],
  });
}
