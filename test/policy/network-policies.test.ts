import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  ControllerNamespace, DatabaseEngine, ExternalBackend, ExternalDatabase, ExternalService, Gateway, HeadlessStatefulService, HttpRoute,
  InternalWebApp, ManifestChecker, NetworkPolicies, PolicyPeer, Protocol, PublicWebApp, RouteBackend, ValidationError, WebExposure,
} from '../../src';

function policyOf(chart: Chart, name: string): any {
  const found = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy' && o.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

test('defaults', () => {
  // GIVEN
  const chart = Testing.chart();
  new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });

  // WHEN
  new NetworkPolicies(chart, 'Policies');

  // THEN
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('an app with no declared client is isolated for ingress and admits nothing', () => {
  // GIVEN
  const chart = Testing.chart();
  new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });

  // WHEN
  new NetworkPolicies(chart, 'Policies');

  // THEN
  expect(policyOf(chart, 'api').spec).toEqual({
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/instance': 'api' } },
    policyTypes: ['Ingress'],
    ingress: [],
  });
});

test('the Ingress controller reaches the app and the apps its paths route to, on their container ports', () => {
  // GIVEN
  const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1', containerPort: 9000 });
  const shop = new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1', domainNames: ['shop.example.com'] });

  // WHEN
  const policies = new NetworkPolicies(chart, 'Policies', { ingressControllerNamespace: ControllerNamespace.TRAEFIK });
  shop.addPath('/api', { backend: api }); // after the policies: read at synth

  // THEN
  const traefik = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } } };
  expect(policyOf(chart, 'api').spec.ingress).toEqual([{ from: [traefik], ports: [{ protocol: 'TCP', port: 9000 }] }]);
  expect(policyOf(chart, 'shop').spec.ingress).toEqual([{ from: [traefik], ports: [{ protocol: 'TCP', port: 8080 }] }]);
  expect(policyOf(chart, 'api').metadata.namespace).toBe('shop');
  expect(policies.edges.map((e) => `${e.from} -> ${e.to} ${e.port}/${e.protocol}: ${e.reason} [${e.constructPath}]`)).toEqual([
    'ingress controller (namespace traefik) -> shop 8080/TCP: Ingress route to Service shop:80 [c/Shop]',
    'ingress controller (namespace traefik) -> api 9000/TCP: Ingress route to Service api:80 [c/Shop]',
  ]);
});

test('each policy names its construct and lists its edges with the constructs that declare them', () => {
  // GIVEN
  const chart = new Chart(Testing.app(), 'c');
  const shop = new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1' });

  // WHEN
  new NetworkPolicies(chart, 'Policies');

  // THEN
  // (by class and name, not by path: moving a construct changes nothing in the output)
  expect(shop.node.path).toBe('c/Shop');
  expect(policyOf(chart, 'shop').metadata.annotations).toEqual({
    'cdk8s-service-patterns/construct': 'PublicWebApp shop',
    'cdk8s-service-patterns/edges': 'ingress from ingress controller (namespace ingress-nginx) on 8080/TCP: Ingress route to Service shop:80 [PublicWebApp shop]',
  });
});

test('a NodePort or LoadBalancer app admits any address on its container port', () => {
  // GIVEN
  const chart = Testing.chart();
  new PublicWebApp(chart, 'Hello', { name: 'hello', image: 'hello:1', exposure: WebExposure.nodePort() });

  // WHEN
  new NetworkPolicies(chart, 'Policies');

  // THEN
  expect(policyOf(chart, 'hello').spec.ingress).toEqual([
    { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 8080 }] },
    { from: [{ ipBlock: { cidr: '::/0' } }], ports: [{ protocol: 'TCP', port: 8080 }] },
  ]);
});

test('with egress: database clients reach its addresses on the backend port, every pod the cluster DNS', () => {
  // GIVEN
  const chart = Testing.chart();
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const db = new ExternalDatabase(chart, 'Orders', {
    engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.addresses(['10.0.4.17', '2001:db8::17']), port: 15432, backendPort: 5432,
  });
  db.bindToContainer(api.container);

  // WHEN
  new NetworkPolicies(chart, 'Policies', { egress: true });

  // THEN
  const spec = policyOf(chart, 'api').spec;
  expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
  expect(spec.egress).toEqual([
    { to: [{ ipBlock: { cidr: '10.0.4.17/32' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
    { to: [{ ipBlock: { cidr: '2001:db8::17/128' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
    {
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    },
  ]);
  expect(db.boundContainers).toEqual([api.container]);
});

test('DNS egress can point at other DNS pods, or be left out', () => {
  // GIVEN
  const chart = Testing.chart();
  new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });

  // WHEN
  new NetworkPolicies(chart, 'Policies', { egress: true, dnsNamespace: 'dns', dnsPodLabels: { app: 'coredns' } });

  // THEN
  expect(policyOf(chart, 'api').spec.egress).toEqual([{
    to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } }, podSelector: { matchLabels: { app: 'coredns' } } }],
    ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
  }]);
  const other = Testing.chart();
  new InternalWebApp(other, 'Api', { name: 'api', image: 'api:1' });
  new NetworkPolicies(other, 'Policies', { egress: true, dns: false });
  expect(policyOf(other, 'api').spec.egress).toEqual([]);
});

test('egress to an ExternalName host is opt-in, as egress on the port to any address', () => {
  // GIVEN
  const chart = Testing.chart();
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const db = new ExternalDatabase(chart, 'Orders', { engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.hostname('db.corp.example') });
  db.bindToContainer(api.container);

  // WHEN
  new NetworkPolicies(chart, 'Policies', { egress: true, dns: false, externalNameEgress: true });

  // THEN
  expect(policyOf(chart, 'api').spec.egress).toEqual([
    { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
    { to: [{ ipBlock: { cidr: '::/0' } }], ports: [{ protocol: 'TCP', port: 5432 }] },
  ]);
});

test('fails if egress is isolated and a client reaches an ExternalName host without the opt-in', () => {
  // GIVEN
  const chart = Testing.chart();
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const db = new ExternalDatabase(chart, 'Orders', { engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.hostname('db.corp.example') });
  db.bindToContainer(api.container);

  // WHEN
  new NetworkPolicies(chart, 'Policies', { egress: true });

  // THEN
  expect(() => Testing.synth(chart)).toThrow(/ExternalName host 'db\.corp\.example' \(5432\/TCP\) cannot be expressed by a NetworkPolicy.*`externalNameEgress: true`/);
});

test('the pods of a StatefulSet reach their peers; declared clients reach its client Service ports', () => {
  // GIVEN
  const chart = Testing.chart();
  const cache = new HeadlessStatefulService(chart, 'Cache', {
    serviceName: 'cache', clientService: true, containers: [{ image: 'redis:7', ports: [{ number: 6379, name: 'redis' }] }],
  });
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const policies = new NetworkPolicies(chart, 'Policies', { egress: true, dns: false });

  // WHEN
  policies.addEdge(PolicyPeer.workload(api), PolicyPeer.workload(cache), { port: 6379, reason: 'sessions' });

  // THEN
  const self = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cache', 'app.kubernetes.io/instance': 'cache' } } };
  const apiPods = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/instance': 'api' } } };
  expect(policyOf(chart, 'cache').spec).toMatchObject({
    ingress: [{ from: [self], ports: [{ protocol: 'TCP', port: 6379 }] }, { from: [apiPods], ports: [{ protocol: 'TCP', port: 6379 }] }],
    egress: [{ to: [self], ports: [{ protocol: 'TCP', port: 6379 }] }],
  });
  expect(policyOf(chart, 'api').spec.egress).toEqual([{ to: [self], ports: [{ protocol: 'TCP', port: 6379 }] }]);
});

test('edges by hand, both directions: pods of your own reach an app, an app reaches pods in another namespace and an ExternalService', () => {
  // GIVEN
  const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const mail = new ExternalService(chart, 'Mail', { backend: ExternalBackend.address('192.0.2.25'), ports: [{ port: 25, name: 'smtp' }] });
  const policies = new NetworkPolicies(chart, 'Policies', { egress: true, dns: false });

  // WHEN
  const edge = policies.addEdge(PolicyPeer.pods({ labels: { app: 'worker' }, namespace: 'jobs' }), PolicyPeer.workload(api));
  policies.addEdge(PolicyPeer.workload(api), PolicyPeer.pods({ labels: { app: 'search' }, namespace: 'search' }), { port: 9200 });
  policies.addEdge(PolicyPeer.workload(api), PolicyPeer.workload(mail));
  policies.addEdge(PolicyPeer.workload(api), PolicyPeer.ipBlock('198.51.100.0/24', ['198.51.100.128/25']), { port: 53, protocol: Protocol.UDP });
  policies.addEdge(PolicyPeer.namespace(ControllerNamespace.named('monitoring')), PolicyPeer.workload(api));

  // THEN
  expect(edge).toEqual({ from: 'pods jobs/app=worker', to: 'c/Api', protocol: 'TCP', reason: 'declared with addEdge', constructPath: 'c/Policies', port: undefined });
  expect(policyOf(chart, 'api').spec).toMatchObject({
    ingress: [
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'jobs' } }, podSelector: { matchLabels: { app: 'worker' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
    ],
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'search' } }, podSelector: { matchLabels: { app: 'search' } } }], ports: [{ protocol: 'TCP', port: 9200 }] },
      { to: [{ ipBlock: { cidr: '192.0.2.25/32' } }], ports: [{ protocol: 'TCP', port: 25 }] },
      { to: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.128/25'] } }], ports: [{ protocol: 'UDP', port: 53 }] },
    ],
  });
});

test('an HTTPRoute to an app: the Gateway namespace reaches it', () => {
  // GIVEN
  const chart = Testing.chart();
  new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  new HttpRoute(chart, 'Route', {
    parentRefs: [{ gateway: Gateway.fromGatewayName('shared', { namespace: 'infra' }) }],
    rules: [{ backends: [RouteBackend.serviceName('api', { port: 80 })] }],
  });

  // WHEN
  new NetworkPolicies(chart, 'Policies', { gatewayNamespace: ControllerNamespace.ENVOY_GATEWAY });

  // THEN
  expect(policyOf(chart, 'api').spec.ingress).toEqual([
    { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
  ]);
});

test('the policies pass the checker as a complete set', () => {
  // GIVEN
  const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const shop = new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1', domainNames: ['shop.example.com'] });
  const db = new ExternalDatabase(chart, 'Orders', { engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.address('10.0.4.17') });
  db.bindToContainer(api.container);
  shop.addPath('/api', { backend: api });

  // WHEN
  new NetworkPolicies(chart, 'Policies', { egress: true });

  // THEN
  expect(ManifestChecker.check(Testing.synth(chart), { complete: true }).map((f) => `${f.ruleId} ${f.field}: ${f.message}`)).toEqual([]);
});

test('fails if a workload is created after the policies', () => {
  // GIVEN
  const chart = Testing.chart();
  new NetworkPolicies(chart, 'Policies');

  // WHEN
  new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });

  // THEN
  expect(() => Testing.synth(chart)).toThrow(/Api was created after .*Policies, which has no NetworkPolicy for it: create the NetworkPolicies after every workload/);
});

test('fails if an edge has no library workload at either end, is declared twice, or names a port the Service does not have', () => {
  // GIVEN
  const chart = Testing.chart();
  const api = new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  const policies = new NetworkPolicies(chart, 'Policies');
  const worker = PolicyPeer.pods({ labels: { app: 'worker' } });

  // WHEN / THEN
  expect(() => policies.addEdge(worker, PolicyPeer.ipBlock('203.0.113.0/24'))).toThrow(/`from` .*must be a workload of the library/);
  policies.addEdge(worker, PolicyPeer.workload(api));
  expect(() => policies.addEdge(worker, PolicyPeer.workload(api))).toThrow(/must not be declared twice/);
  expect(() => policies.addEdge(worker, PolicyPeer.workload(api), { port: 8080 })).toThrow(/`port` must be a port of the Services of .*Api: one of 80/);
});

test('fails if a peer is not valid', () => {
  expect(() => PolicyPeer.ipBlock('10.0.0.0/16', ['10.1.0.0/24'])).toThrow(ValidationError);
  expect(() => PolicyPeer.ipBlock('10.0.0.0/16', ['10.1.0.0/24'])).toThrow(/`except\[0\]` must be a range strictly inside `cidr` 10\.0\.0\.0\/16/);
  expect(() => PolicyPeer.ipBlock('10.0.4.17')).toThrow(/for one address use '10\.0\.4\.17\/32'/);
  expect(() => PolicyPeer.pods({ labels: {} })).toThrow(/`labels` must name at least one label/);
  expect(() => PolicyPeer.workload(Testing.chart())).toThrow(/must be an InternalWebApp, a PublicWebApp/);
  expect(() => ControllerNamespace.named('Ingress_Nginx')).toThrow(ValidationError);
  expect(() => ControllerNamespace.labels({})).toThrow(/must name at least one label/);
});

test('controller namespaces: presets by name, or a label selector', () => {
  expect(ControllerNamespace.INGRESS_NGINX._matchLabels()).toEqual({ 'kubernetes.io/metadata.name': 'ingress-nginx' });
  expect(ControllerNamespace.TRAEFIK._matchLabels()).toEqual({ 'kubernetes.io/metadata.name': 'traefik' });
  expect(ControllerNamespace.ISTIO._matchLabels()).toEqual({ 'kubernetes.io/metadata.name': 'istio-system' });
  expect(ControllerNamespace.labels({ ingress: 'true' })._matchLabels()).toEqual({ ingress: 'true' });
});

test('an Ingress of your own that routes to a library app is an edge too, traced to the Ingress', () => {
  // GIVEN
  const chart = Testing.chart();
  new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1' });
  new ApiObject(chart, 'Mine', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'mine' },
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }] } }] },
  });

  // WHEN
  const policies = new NetworkPolicies(chart, 'Policies');

  // THEN
  expect(policyOf(chart, 'api').spec.ingress).toEqual([
    { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
  ]);
  expect(policies.edges.map((e) => e.reason)).toEqual(['Ingress route to Service api:80']);
  expect(policyOf(chart, 'api').metadata.annotations['cdk8s-service-patterns/edges']).toMatch(/\[Ingress mine\]$/);
});

test('two apps of one name in two namespaces get a policy each', () => {
  // GIVEN
  const app = Testing.app();
  const chart = new Chart(app, 'c');
  new InternalWebApp(new Chart(app, 'a', { namespace: 'a' }), 'Api', { name: 'api', image: 'api:1' });
  new InternalWebApp(new Chart(app, 'b', { namespace: 'b' }), 'Api', { name: 'api', image: 'api:1' });

  // WHEN
  const policies = new NetworkPolicies(chart, 'Policies', { scope: app });

  // THEN
  expect(policies.policies.map((p) => `${p.metadata.namespace}/${p.name}`)).toEqual(['a/api', 'b/api']);
});
