import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { HeadlessService } from '../../src';
import { netProblemsOf } from '../_synth-problems';

function web(chart: Chart, props: Partial<kplus.DeploymentProps> = {}): kplus.Deployment {
  return new kplus.Deployment(chart, 'Web', {
    replicas: 3,
    containers: [{ image: 'web:1', ports: [{ number: 8080, name: 'http' }] }],
    ...props,
  });
}

describe('HeadlessService', () => {
  test('defaults: a headless Service with the Deployment\'s named container ports', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new HeadlessService(chart, 'WebHeadless', { workload: web(chart) });

    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('selects exactly the Deployment\'s pods, in its namespace, with named ports', () => {
    // GIVEN
    const chart = Testing.chart();
    const deployment = web(chart, { metadata: { namespace: 'shop' } });

    // WHEN
    const headless = new HeadlessService(chart, 'WebHeadless', {
      workload: deployment,
      serviceName: 'web-headless',
      ports: [{ name: 'http', port: 80, targetPortName: 'http' }],
    });
    const manifests = Testing.synth(chart);

    // THEN
    const service = manifests.find((m) => m.kind === 'Service');
    const dep = manifests.find((m) => m.kind === 'Deployment');
    expect(service.metadata).toEqual({
      name: 'web-headless',
      namespace: 'shop',
      labels: { 'app.kubernetes.io/name': 'web-headless', 'app.kubernetes.io/instance': 'web-headless', 'app.kubernetes.io/managed-by': 'cdk8s-service-patterns' },
    });
    expect(service.spec).toEqual({
      clusterIP: 'None',
      type: 'ClusterIP',
      publishNotReadyAddresses: false,
      selector: dep.spec.selector.matchLabels,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    });
    expect(headless.dnsNames.fqdn).toBe('web-headless.shop.svc.cluster.local');
    expect(headless.ports.map((p) => p.name)).toEqual(['http']);
  });

  test('the namespace comes from the chart when the workload has none, and the cluster domain can be set', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });

    // WHEN
    const headless = new HeadlessService(chart, 'WebHeadless', { workload: web(chart), serviceName: 'web', clusterDomain: 'corp.internal' });

    // THEN
    expect(headless.namespace).toBe('shop');
    expect(headless.dnsNames.fqdn).toBe('web.shop.svc.corp.internal');
  });

  test('publishNotReadyAddresses can be turned on', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new HeadlessService(chart, 'WebHeadless', { workload: web(chart), publishNotReadyAddresses: true });

    // THEN
    expect(Testing.synth(chart).find((m) => m.kind === 'Service').spec.publishNotReadyAddresses).toBe(true);
  });

  test('fails if the workload is missing', () => {
    expect(() => new HeadlessService(Testing.chart(), 'WebHeadless', {} as any)).toThrow(
      /`workload` must be a cdk8s-plus workload \(a Deployment, StatefulSet, DaemonSet or Job\)/);
  });

  test('fails if a container port has no name and no ports are listed', () => {
    // GIVEN
    const chart = Testing.chart();
    const deployment = web(chart, { containers: [{ name: 'web', image: 'web:1', portNumber: 8080 }] });

    // THEN
    expect(() => new HeadlessService(chart, 'WebHeadless', { workload: deployment })).toThrow(
      /`ports` must be given when a container port has no name: container 'web' exposes 8080\/TCP without a name/);
  });

  test('fails if the Service name is not a DNS-1035 label', () => {
    // GIVEN
    const chart = Testing.chart();

    // THEN
    expect(() => new HeadlessService(chart, 'WebHeadless', { workload: web(chart), serviceName: '8-web' })).toThrow(
      /`serviceName` must be a DNS-1035 label.*, got '8-web'/);
  });

  test('fails if no container exposes a target port', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new HeadlessService(chart, 'WebHeadless', { workload: web(chart), ports: [{ name: 'http', port: 80 }] });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(
      /\[test\/WebHeadless\] `service.spec.ports\[0\].targetPort` must be a port that a container of the pod exposes \(as TCP\), but none does \(exposed: 'http' 8080\/TCP\), got 80/);
  });

  test('fails if an escape hatch makes it a LoadBalancer Service', () => {
    // GIVEN
    const chart = Testing.chart();
    const headless = new HeadlessService(chart, 'WebHeadless', { workload: web(chart) });

    // WHEN
    ApiObject.of(headless.service).addJsonPatch(JsonPatch.replace('/spec/type', 'LoadBalancer'));

    // THEN
    const problems = netProblemsOf(chart, () => Testing.synth(chart));
    expect(problems.map((p) => p.field)).toEqual(['service.spec.type']);
    expect(() => Testing.synth(chart)).toThrow(/must be 'ClusterIP' for a headless Service.*, got 'LoadBalancer'/);
  });
});

test('an empty port list makes a headless Service for DNS only', () => {
  // GIVEN a workload whose pods listen on nothing the Service needs to name
  const chart = Testing.chart();
  const workload = new kplus.Deployment(chart, 'Agents', { containers: [{ image: 'agent:1' }] });
  // WHEN
  new HeadlessService(chart, 'AgentsDns', { workload, serviceName: 'agents', ports: [] });
  // THEN the Service has no ports, and is valid
  const service = Testing.synth(chart).find((m) => m.kind === 'Service');
  expect(service.spec).toEqual({
    clusterIP: 'None',
    type: 'ClusterIP',
    selector: { 'cdk8s.io/metadata.addr': expect.any(String) },
    publishNotReadyAddresses: false,
  });
});

test('fails at synth if the workload still has no container', () => {
  const chart = Testing.chart();
  const workload = new kplus.Deployment(chart, 'Empty');
  new HeadlessService(chart, 'Peers', { workload, ports: [] });
  expect(() => Testing.synth(chart)).toThrow(/\[test\/Peers\] `workload` must have at least one container by the time the app is synthesized/);
});
