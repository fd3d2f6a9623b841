import { Chart, Testing } from 'cdk8s';
import { addScenarios } from '../../examples/scenarios/web';

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
