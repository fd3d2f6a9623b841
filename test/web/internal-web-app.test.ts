import { Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InternalWebApp, Protocol, ValidationError } from '../../src';
import { problemsOf } from '../_problems';

function byKind(manifests: any[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

test('defaults', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new InternalWebApp(chart, 'Web', { image: 'nginxinc/nginx-unprivileged:1.25' });

  // THEN
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('a ClusterIP Service with a named port 80 to container port 8080, selecting the Deployment', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new InternalWebApp(chart, 'Web', { image: 'web:1', replicas: 3 });
  const manifests = Testing.synth(chart);

  // THEN
  const [deployment] = byKind(manifests, 'Deployment');
  const [service] = byKind(manifests, 'Service');
  expect(deployment.spec.replicas).toBe(3);
  expect(deployment.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 8080 }]);
  expect(deployment.spec.template.spec.containers[0].startupProbe.tcpSocket).toEqual({ port: 8080 });
  // type ClusterIP and protocol TCP are the server's defaults, left out
  expect(service.spec).toEqual({
    selector: deployment.spec.selector.matchLabels,
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  });
  expect(app.port).toBe(80);
  expect(app.portName).toBe('http');
  expect(app.containerPort).toBe(8080);
  expect(byKind(manifests, 'Ingress')).toEqual([]);
});

test('DNS names use the Service name, the chart namespace and the cluster domain', () => {
  // GIVEN
  const app = Testing.app();
  const chart = new Chart(app, 'backend', { namespace: 'backend' });

  // WHEN
  const web = new InternalWebApp(chart, 'Catalog', { image: 'web:1', serviceName: 'catalog', clusterDomain: 'corp.internal' });

  // THEN
  expect(web.serviceName).toBe('catalog');
  expect(web.dnsNames.shortName).toBe('catalog');
  expect(web.dnsNames.namespacedName).toBe('catalog.backend');
  expect(web.dnsNames.fqdn).toBe('catalog.backend.svc.corp.internal');
  expect(Testing.synth(chart).find((m) => m.kind === 'Service').metadata).toEqual({
    name: 'catalog',
    namespace: 'backend',
    labels: { 'app.kubernetes.io/name': 'catalog', 'app.kubernetes.io/instance': 'catalog', 'app.kubernetes.io/managed-by': 'cdk8s-service-patterns' },
  });
});

test('custom ports, env and probes', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new InternalWebApp(chart, 'Web', {
    image: 'web:1',
    port: 8000,
    containerPort: 3000,
    portName: 'web',
    env: { LOG_LEVEL: 'debug' },
    readiness: kplus.Probe.fromHttpGet('/healthz'),
  });
  const manifests = Testing.synth(chart);

  // THEN
  const container = byKind(manifests, 'Deployment')[0].spec.template.spec.containers[0];
  expect(container.ports).toEqual([{ containerPort: 3000 }]);
  expect(container.env).toEqual([{ name: 'LOG_LEVEL', value: 'debug' }]);
  expect(container.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 3000, scheme: 'HTTP' });
  expect(byKind(manifests, 'Service')[0].spec.ports).toEqual([{ name: 'web', port: 8000, targetPort: 3000 }]);
});

test('every kind of probe is written as cdk8s-plus writes it, on the container port unless given', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new InternalWebApp(chart, 'Web', {
    image: 'web:1',
    containerPort: 3000,
    readiness: kplus.Probe.fromHttpGet('/ready', { port: 3001, failureThreshold: 5 }),
    liveness: kplus.Probe.fromCommand(['cat', '/tmp/healthy'], { periodSeconds: Duration.seconds(20) }),
    startup: kplus.Probe.fromTcpSocket({ initialDelaySeconds: Duration.seconds(5) }),
    additionalContainerPorts: [{ number: 9090, name: 'metrics', protocol: kplus.Protocol.UDP }],
  });
  const manifests = Testing.synth(chart);

  // THEN
  const [deployment] = byKind(manifests, 'Deployment');
  const container = deployment.spec.template.spec.containers[0];
  expect(container.readinessProbe).toEqual({ failureThreshold: 5, httpGet: { path: '/ready', port: 3001, scheme: 'HTTP' } });
  expect(container.livenessProbe).toEqual({ periodSeconds: 20, exec: { command: ['cat', '/tmp/healthy'] } });
  expect(container.startupProbe).toEqual({ initialDelaySeconds: 5, tcpSocket: { port: 3000 } });
  expect(container.ports).toEqual([{ containerPort: 3000 }, { containerPort: 9090, name: 'metrics', protocol: 'UDP' }]);
  expect(deployment.spec.selector.matchLabels).toEqual(app.matchLabels);
  expect(deployment.spec.template.metadata.labels).toEqual(expect.objectContaining(app.matchLabels));
  app.matchLabels.tier = 'changed';
  expect(app.matchLabels).toEqual(deployment.spec.selector.matchLabels);
});

test('additional ports forward to additional container ports, by number or name', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new InternalWebApp(chart, 'Web', {
    image: 'web:1',
    additionalPorts: [
      { name: 'metrics', port: 9090 },
      { name: 'admin', port: 8081, targetPortName: 'admin', protocol: Protocol.TCP },
    ],
    additionalContainerPorts: [{ number: 9090 }, { number: 9000, name: 'admin' }],
  });
  const manifests = Testing.synth(chart);

  // THEN
  expect(byKind(manifests, 'Service')[0].spec.ports).toEqual([
    { name: 'http', port: 80, targetPort: 8080 },
    { name: 'metrics', port: 9090, targetPort: 9090 },
    { name: 'admin', port: 8081, targetPort: 'admin' },
  ]);
  expect(app.toWebBackendConfig()).toEqual({
    serviceName: app.serviceName,
    // by name: an Ingress route survives a change of the port number
    portName: 'http',
    exposedPortNumbers: [80, 9090, 8081],
    exposedPortNames: ['http', 'metrics', 'admin'],
  });
});

test('fails if a Service targetPort is exposed by no container', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new InternalWebApp(chart, 'Web', { image: 'web:1', additionalPorts: [{ name: 'metrics', port: 9090 }] });

  // THEN
  expect(() => Testing.synth(chart)).toThrow(/`additionalPorts\[0\]\.targetPort` must be a port that a container of the Deployment exposes \(8080\), got 9090/);
});

test('a targetPort exposed by a container added later by a JSON patch passes', () => {
  // GIVEN
  const chart = Testing.chart();
  const app = new InternalWebApp(chart, 'Web', { image: 'web:1', additionalPorts: [{ name: 'metrics', port: 9090 }] });

  // WHEN
  app.deployment.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/-', { name: 'exporter', image: 'exporter:1', ports: [{ containerPort: 9090 }] }));

  // THEN
  expect(() => Testing.synth(chart)).not.toThrow();
});

test('fails with every problem of the props at once', () => {
  // GIVEN
  const chart = Testing.chart();
  let error: any;

  // WHEN
  try {
    new InternalWebApp(chart, 'Web', {
      image: '',
      replicas: -1,
      port: 70000,
      containerPort: NaN,
      portName: 'HTTP_PORT',
      serviceName: 'Web_App',
      env: { '1BAD': 'x' },
      additionalPorts: [{ name: 'metrics', port: 0 }],
    });
  } catch (e) {
    error = e;
  }

  // THEN
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.problems.map((p: any) => p.field)).toEqual(expect.arrayContaining([
    'image', 'replicas', 'port', 'containerPort', 'portName', 'serviceName', 'env.1BAD',
    'additionalPorts[0].port',
  ]));
  expect(error.message).toMatch(/`port` must be between 1 and 65535, got 70000/);
  expect(error.message).toMatch(/`serviceName` must be a DNS-1035 label.*did you mean 'web-app'\?/);
});

test('fails if an additional port repeats the main port name or number', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new InternalWebApp(chart, 'Web', { image: 'web:1', additionalPorts: [{ name: 'http', port: 80 }] }))
    .toThrow(/`additionalPorts\[0\]\.name` must differ from `portName` \('http'\)[\s\S]*`additionalPorts\[0\]\.port` must differ from `port` \(80\/TCP\)/);
});

test('fails if the props are hostile (null, strings for numbers)', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new InternalWebApp(chart, 'A', null as any)).toThrow(/`image` must be a container image reference/);
  expect(() => new InternalWebApp(chart, 'B', { image: 'web:1', port: '80' as any, replicas: 'three' as any })).toThrow(ValidationError);
  const problems = problemsOf(() => new InternalWebApp(chart, 'C', { image: 'web:1', port: '80' as any, replicas: 'three' as any }));
  expect(problems.map((p) => p.field)).toEqual(['replicas', 'port']);
  expect(problems.map((p) => `${p.field} ${p.message}`)).toEqual([
    expect.stringMatching(/^replicas must be a whole number of 0 or more$/),
    expect.stringMatching(/^port must be a whole number between 1 and 65535$/),
  ]);
});

test('fails if the image contains white space', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN / THEN
  expect(() => new InternalWebApp(chart, 'Web', { image: 'nginx 1.25' })).toThrow(/`image` must not contain white space, got 'nginx 1\.25'/);
  expect(() => new InternalWebApp(chart, 'Tab', { image: 'nginx:1.25\t' })).toThrow(/`image` must not contain white space/);
});

test('fails if an additional container port repeats a container port', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN / THEN the main container port and a repeated additional one are both caught
  expect(() => new InternalWebApp(chart, 'Main', { image: 'web:1', additionalContainerPorts: [{ number: 8080 }] }))
    .toThrow(/`additionalContainerPorts\[0\]\.number` must not repeat a container port \(8080\/TCP is already exposed\), got 8080/);
  expect(() => new InternalWebApp(chart, 'Extra', { image: 'web:1', additionalContainerPorts: [{ number: 9090, name: 'a' }, { number: 9090, name: 'b' }] }))
    .toThrow(/`additionalContainerPorts\[1\]\.number` must not repeat a container port \(9090\/TCP is already exposed\), got 9090/);
});

test('a container port number may repeat for another protocol', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new InternalWebApp(chart, 'Web', { image: 'web:1', additionalContainerPorts: [{ number: 8080, name: 'quic', protocol: kplus.Protocol.UDP }] });

  // THEN
  expect(() => Testing.synth(chart)).not.toThrow();
});

test('fails if an env value is not a string', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const problems = problemsOf(() => new InternalWebApp(chart, 'Web', { image: 'web:1', env: { LOG_LEVEL: 'info', WORKERS: 4 as any, DEBUG: null as any } }));

  // THEN each non-string value is named by its variable
  expect(problems.map((p) => `${p.field}: ${p.message}, got ${p.value}`)).toEqual([
    expect.stringMatching(/^env\.WORKERS: must be a string, got 4$/),
    expect.stringMatching(/^env\.DEBUG: must be a string, got null$/),
  ]);
});

test('fails if the cluster domain is not a DNS subdomain, naming `clusterDomain` (found by fuzzing)', () => {
  // GIVEN
  const chart = Testing.chart();
  let error: any;

  // WHEN
  try {
    new InternalWebApp(chart, 'Web', { image: 'web:1', clusterDomain: 'Bad_Domain' });
  } catch (e) {
    error = e;
  }

  // THEN the field is the prop's name, not '.clusterDomain'
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.problems.map((p: any) => p.field)).toEqual(['clusterDomain']);
  expect(error.message).toMatch(/`clusterDomain` must be a DNS-1123 subdomain.*got 'Bad_Domain'/);
});

test('fails if two additional container ports have one name (found by fuzzing)', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN a ValidationError naming the second port, not cdk8s-plus' plain Error
  expect(() => new InternalWebApp(chart, 'Web', {
    image: 'web:1',
    additionalContainerPorts: [{ number: 9090, name: 'admin' }, { number: 9100, name: 'admin' }],
  })).toThrow(/`additionalContainerPorts\[1\]\.name` must not repeat the name of another container port, got 'admin'/);
});
