import { Chart, Testing } from 'cdk8s';
import { addScenarios } from '../../examples/scenarios/external';
import { ManifestChecker } from '../../src';

// GIVEN the example app's scenarios 1-3
const app = Testing.app();
addScenarios(app);
const charts = app.node.children.filter((c): c is Chart => Chart.isChart(c));

test('the example app has the scenarios 1-3', () => {
  // THEN
  expect(charts.map((c) => c.node.id)).toEqual([
    'scenario-1-mysql-endpoints',
    'scenario-1-mysql-endpointslice',
    'scenario-2-mysql-cluster',
    'scenario-2-mysql-cluster-affinity',
    'scenario-3-external-website',
  ]);
});

test.each(charts.map((c) => [c.node.id, c] as const))('%s', (_id, chart) => {
  // WHEN
  const manifests = Testing.synth(chart);

  // THEN
  expect(manifests).toMatchSnapshot();
});

test.each(charts.map((c) => [c.node.id, c] as const))('%s passes the manifest checker (an HTTPS ExternalName only warns of its certificate)', (_id, chart) => {
  // WHEN
  const findings = ManifestChecker.check(Testing.synth(chart), { complete: true });

  // THEN nothing but the certificate warning of an ExternalName reached over HTTPS (SVC026)
  expect(findings.filter((f) => f.ruleId !== 'SVC026')).toEqual([]);
  expect(findings.every((f) => f.severity === 'warning')).toBe(true);
});
