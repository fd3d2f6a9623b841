// Moving a construct must not rename, reselect or relabel anything: a Deployment's and a
// StatefulSet's `spec.selector` are immutable, a renamed TLS Secret makes cert-manager issue a
// new certificate, and a renamed Deployment rolls out next to the old one. This test builds the
// real example app twice, once as it is and once with every construct of every chart wrapped in
// another parent construct, and compares the names, selectors and labels of every object.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';

const SCENARIOS = path.join(__dirname, '..', '..', 'examples', 'scenarios');

/** The example app's manifests, every chart's constructs placed by `place`. */
function synthExampleApp(place?: (chart: Chart) => Construct): any[] {
  const app: App = Testing.app();
  for (const file of fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(SCENARIOS, file)).addScenarios(app, place);
  }
  return app.charts.flatMap((chart) => chart.toJson());
}

/** What must not change: names, selectors, labels, and the names objects refer to each other by. */
function identity(m: any): any {
  const backends = (m.spec?.rules ?? []).flatMap((r: any) => (r?.http?.paths ?? []).map((p: any) => p?.backend?.service));
  return {
    kind: m.kind,
    name: m.metadata?.name,
    namespace: m.metadata?.namespace,
    labels: m.metadata?.labels,
    selector: m.spec?.selector,
    podLabels: m.spec?.template?.metadata?.labels,
    serviceName: m.spec?.serviceName,
    ingressBackends: m.kind === 'Ingress' ? [m.spec?.defaultBackend?.service, ...backends] : undefined,
    tlsSecrets: m.kind === 'Ingress' ? (m.spec?.tls ?? []).map((t: any) => t?.secretName) : undefined,
  };
}

test('moving every construct of the example app under another parent changes no name, selector or label', () => {
  // GIVEN the example app as it is
  const before = synthExampleApp();

  // WHEN every construct of every chart is moved under a new parent construct
  const after = synthExampleApp((chart) => new Construct(chart, 'MovedUnderAnotherParent'));

  // THEN
  expect(after.length).toBe(before.length);
  expect(after.map(identity)).toEqual(before.map(identity));
  // every object the example app emits is named, labeled and selected the same: in fact, the
  // whole output is the same
  expect(after).toEqual(before);
});

test('the example app labels every object of this library with the recommended labels', () => {
  const ours = synthExampleApp().filter((m) => m.metadata?.labels?.['app.kubernetes.io/managed-by'] === 'cdk8s-service-patterns');
  expect(ours.length).toBeGreaterThan(20);
  for (const m of ours) {
    expect(Object.keys(m.metadata.labels)).toEqual(expect.arrayContaining(['app.kubernetes.io/name', 'app.kubernetes.io/instance']));
  }
});
