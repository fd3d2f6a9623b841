import { Chart, Testing } from 'cdk8s';
import { addScenarios as addGatewayScenarios } from '../../examples/scenarios/gateway';
import { addScenarios } from '../../examples/scenarios/web';
import { ExternalObject, Gateway, HttpRoute, ManifestChecker, OutsideReference } from '../../src';
import { gatewayApiSchemaProblems } from '../gateway/_schema';

// GIVEN the example app's web scenarios (4, 6 and 7)
const app = Testing.app();
addScenarios(app);
const charts = app.charts;

test('the example app has one chart per web scenario', () => {
  expect(charts.map((c) => c.node.id)).toEqual([
    'scenario-4-internal-web-app',
    'scenario-6-node-port',
    'scenario-6-load-balancer',
    'scenario-6-external-ips',
    'scenario-7-fanout',
    'scenario-7-virtual-hosts',
  ]);
});

test.each(charts.map((c): [string, Chart] => [c.node.id, c]))('%s', (_id, chart) => {
  // WHEN
  const manifests = Testing.synth(chart);

  // THEN: only GA API versions, and the same output as reviewed
  expect(manifests.map((m: any) => m.apiVersion).filter((v: string) => !['v1', 'apps/v1', 'networking.k8s.io/v1'].includes(v))).toEqual([]);
  expect(manifests).toMatchSnapshot();
});

test('scenario 4: the catalog is reached from another namespace by its namespaced DNS name', () => {
  const manifests = Testing.synth(charts[0]);
  const client = manifests.find((m: any) => m.kind === 'Deployment' && m.metadata.namespace === 'frontend');
  expect(client.spec.template.spec.containers[0].env).toEqual([{ name: 'CATALOG_URL', value: 'http://catalog.backend:80' }]);
  const service = manifests.find((m: any) => m.kind === 'Service');
  expect(service.metadata).toEqual({
    name: 'catalog',
    namespace: 'backend',
    labels: { 'app.kubernetes.io/name': 'catalog', 'app.kubernetes.io/instance': 'catalog', 'app.kubernetes.io/managed-by': 'cdk8s-service-patterns' },
  });
  expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080 }]);
});

test('scenario 7: a named app takes every name from its name, the TLS Secret included', () => {
  const manifests = Testing.synth(charts[5]);
  const names = manifests.filter((m: any) => m.metadata.labels?.['app.kubernetes.io/instance'] === 'shop').map((m: any) => `${m.kind}/${m.metadata.name}`);
  expect(names).toEqual(['Deployment/shop', 'Service/shop', 'Ingress/shop']);
  const ingress = manifests.find((m: any) => m.kind === 'Ingress' && m.metadata.name === 'shop');
  expect(ingress.spec.tls[0].secretName).toBe('shop-tls');
});

describe('scenario 7 on the Gateway API (examples/scenarios/gateway.ts)', () => {
  // GIVEN the example app's Gateway API charts
  const gwApp = Testing.app();
  addGatewayScenarios(gwApp);
  const gwCharts = gwApp.charts;
  const all = () => gwCharts.flatMap((c) => Testing.synth(c));

  /** What the constructs declare to exist outside the app: the Gateways' certificate Secrets, the routes' outside Services. */
  function declaredOutside(): ExternalObject[] {
    const out: ExternalObject[] = [];
    for (const c of gwApp.node.findAll()) {
      const refs: OutsideReference[] = c instanceof Gateway || c instanceof HttpRoute ? c.outsideReferences : [];
      const namespace = c instanceof Gateway ? c.namespace : c instanceof HttpRoute ? c.namespace : undefined;
      refs.forEach((r) => out.push({ kind: r.kind, name: r.name, namespace: r.namespace ?? namespace ?? Chart.of(c).namespace }));
    }
    return out;
  }

  test('one chart per case: the Gateways, fanout, virtual hosts, a move from Ingress', () => {
    expect(gwCharts.map((c) => c.node.id)).toEqual(['scenario-7-gw-gateways', 'scenario-7-gw-fanout', 'scenario-7-gw-virtual-hosts', 'scenario-7-gw-migration']);
  });

  test.each(gwCharts.map((c): [string, Chart] => [c.node.id, c]))('%s', (_id, chart) => {
    // WHEN
    const manifests = Testing.synth(chart);

    // THEN: only GA API versions, accepted by the CRD schemas, the same output as reviewed
    expect(manifests.map((m: any) => m.apiVersion).filter((v: string) => !['v1', 'apps/v1', 'networking.k8s.io/v1', 'gateway.networking.k8s.io/v1'].includes(v))).toEqual([]);
    expect(gatewayApiSchemaProblems(chart)).toEqual([]);
    expect(manifests).toMatchSnapshot();
  });

  test('the whole output passes the checker as a complete set, with only what the constructs declare outside', () => {
    const outside = declaredOutside();
    expect(outside.map((o) => `${o.kind}/${o.namespace}/${o.name}`).sort()).toEqual([
      'Secret/infra/api-example-com-tls',
      'Secret/infra/blog.example.com-tls',
      'Secret/infra/orders.example.com-tls',
      'Secret/infra/shop.example.com-tls',
      'Service/legacy/legacy-frontend',
    ]);
    const findings = ManifestChecker.check(all(), { complete: true, externalObjects: outside });
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
  });

  test('fanout: /v1 and /v2 on the HTTPS listener, the redirect on the HTTP listener', () => {
    const routes = Testing.synth(gwCharts[1]).filter((m: any) => m.kind === 'HTTPRoute');
    expect(routes.map((r: any) => r.metadata.name)).toEqual(['api-v1', 'api-v1-redirect']);
    expect(routes[0].spec.parentRefs).toEqual([{ name: 'api', namespace: 'infra', sectionName: 'https-api.example.com' }]);
    expect(routes[0].spec.rules.map((r: any) => [r.matches[0].path.value, r.backendRefs[0].name])).toEqual([['/v1', 'api-v1'], ['/v2', 'api-v2']]);
    expect(routes[1].spec.parentRefs).toEqual([{ name: 'api', namespace: 'infra', sectionName: 'http' }]);
    expect(routes[1].spec.rules).toEqual([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }]);
  });

  test('a move from Ingress: the Ingress and the HTTPRoutes side by side, gRPC carried over as appProtocol', () => {
    const manifests = Testing.synth(gwCharts[3]);
    expect(manifests.map((m: any) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Deployment/orders', 'Service/orders', 'Ingress/orders', 'HTTPRoute/orders', 'HTTPRoute/orders-redirect',
    ]);
    const ingress = manifests.find((m: any) => m.kind === 'Ingress');
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']).toBe('GRPC');
    expect(manifests.find((m: any) => m.kind === 'Service').spec.ports[0].appProtocol).toBe('kubernetes.io/h2c');
  });
});
