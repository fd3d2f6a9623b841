import { Chart, Testing } from 'cdk8s';
import { addScenarios } from '../../examples/scenarios/stateful';

describe('scenario 5 of the example app', () => {
  // GIVEN
  const app = Testing.app();

  // WHEN
  addScenarios(app);
  const charts = app.charts as Chart[];

  test('adds one chart per scenario', () => {
    // THEN
    expect(charts.map((c) => c.node.id)).toEqual(['scenario-5-headless-deployment', 'scenario-5-etcd-statefulset']);
  });

  test.each(['scenario-5-headless-deployment', 'scenario-5-etcd-statefulset'])('%s', (name) => {
    // THEN
    const chart = charts.find((c) => c.node.id === name)!;
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('the etcd members are listed by their per-pod DNS names', () => {
    // THEN
    const chart = charts.find((c) => c.node.id === 'scenario-5-etcd-statefulset')!;
    const set = Testing.synth(chart).find((m) => m.kind === 'StatefulSet');
    const env = set.spec.template.spec.containers[0].env;
    expect(env.find((e: any) => e.name === 'ETCD_INITIAL_CLUSTER').value).toBe(
      'etcd-0=http://etcd-0.etcd.data.svc.cluster.local:2380,etcd-1=http://etcd-1.etcd.data.svc.cluster.local:2380,etcd-2=http://etcd-2.etcd.data.svc.cluster.local:2380');
    expect(set.spec.serviceName).toBe('etcd');
  });
});
