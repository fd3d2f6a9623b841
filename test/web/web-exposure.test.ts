import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { synthKind } from './_helpers';
import { ExternalTrafficPolicy, IngressController, PublicWebApp, WebExposure, WebTls } from '../../src';

function serviceOf(props: any): any {
  const chart = Testing.chart();
  new PublicWebApp(chart, 'Hello', { image: 'hello:1', serviceName: 'hello', ...props });
  expect(synthKind(chart, 'Ingress')).toEqual([]);
  return synthKind(chart, 'Service')[0];
}

test('a NodePort with a fixed node port', () => {
  // WHEN
  const service = serviceOf({ exposure: WebExposure.nodePort({ nodePort: 31682 }) });

  // THEN
  expect(service.spec.type).toBe('NodePort');
  expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080, nodePort: 31682 }]);
});

test('a NodePort with an allocated node port, and urls for a fixed one', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const allocated = new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.nodePort(), domainNames: ['a.example.com'] });
  const fixed = new PublicWebApp(chart, 'B', { image: 'b:1', exposure: WebExposure.nodePort({ nodePort: 30080 }), domainNames: ['b.example.com'] });

  // THEN
  expect(synthKind(chart, 'Service')[0].spec.ports[0].nodePort).toBeUndefined();
  expect(allocated.urls).toEqual([]);
  expect(fixed.urls).toEqual(['http://b.example.com:30080']);
  expect(allocated.ingress).toBeUndefined();
  expect(() => allocated.addPath('/x')).toThrow(/`exposure` must be an Ingress or a Gateway to route paths, got 'NodePort'/);
});

test('a node port is checked against a custom range', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.nodePort({ nodePort: 30500, nodePortRange: '30000-30999' }) });

  // THEN
  expect(synthKind(chart, 'Service')[0].spec.ports[0].nodePort).toBe(30500);
  expect(() => WebExposure.nodePort({ nodePort: 31682, nodePortRange: '30000-30999' }))
    .toThrow(/\[WebExposure.nodePort\] `nodePort` must be a whole number in the node port range 30000-30999, got 31682/);
});

test('a LoadBalancer with source ranges, external traffic policy, class and external-dns', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Hello', {
    image: 'hello:1',
    exposure: WebExposure.loadBalancer({
      sourceRanges: ['203.0.113.0/24', '2001:db8::/32'],
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
      loadBalancerClass: 'service.k8s.aws/nlb',
    }),
    domainNames: ['hello.example.com'],
    externalDns: true,
    annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' },
  });
  const service = synthKind(chart, 'Service')[0];

  // THEN
  expect(service.metadata.annotations).toEqual({
    'external-dns.alpha.kubernetes.io/hostname': 'hello.example.com',
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
  });
  expect(service.spec).toMatchObject({
    type: 'LoadBalancer',
    loadBalancerSourceRanges: ['203.0.113.0/24', '2001:db8::/32'],
    externalTrafficPolicy: 'Local',
    loadBalancerClass: 'service.k8s.aws/nlb',
  });
  expect(app.urls).toEqual(['http://hello.example.com']);
});

test('externalIPs on explicit opt-in', () => {
  // WHEN
  const service = serviceOf({
    exposure: WebExposure.nodePort(),
    externalIps: { addresses: ['203.0.113.10', '2001:db8::10'], acceptCve20208554Risk: true },
  });

  // THEN
  expect(service.spec.externalIPs).toEqual(['203.0.113.10', '2001:db8::10']);
});

test('externalIPs with an Ingress go on the ClusterIP Service', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new PublicWebApp(chart, 'Hello', { image: 'hello:1', externalIps: { addresses: ['203.0.113.10'], acceptCve20208554Risk: true } });

  // THEN
  expect(synthKind(chart, 'Service')[0].spec).toMatchObject({ externalIPs: ['203.0.113.10'] });
});

test('fails if externalIPs are not acknowledged or not usable addresses', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', externalIps: { addresses: ['203.0.113.10'], acceptCve20208554Risk: false } }))
    .toThrow(/`externalIps.acceptCve20208554Risk` must be true to use `externalIPs`.*\(CVE-2020-8554\), got false/);
  expect(() => new PublicWebApp(chart, 'B', { image: 'a:1', externalIps: { addresses: ['127.0.0.1', 'not-an-ip'], acceptCve20208554Risk: true } }))
    .toThrow(/`externalIps.addresses\[0\]`[\s\S]*`externalIps.addresses\[1\]`/);
  expect(() => new PublicWebApp(chart, 'C', { image: 'a:1', externalIps: { addresses: [], acceptCve20208554Risk: true } }))
    .toThrow(/`externalIps.addresses` must list at least one IP address/);
});

test('fails if the node port is out of range', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  void chart;
  expect(() => WebExposure.nodePort({ nodePort: 8080 }))
    .toThrow(/`nodePort` must be a whole number in the node port range 30000-32767, got 8080: choose a port from 30000 to 32767/);
  expect(() => WebExposure.nodePort({ nodePort: 31000, nodePortRange: '32000-31000' }))
    .toThrow(/`nodePortRange` must be '<low>-<high>'/);
  expect(() => WebExposure.nodePort({ nodePort: 'x' as any }))
    .toThrow(/`nodePort` must be a whole number/);
});

test('fails if source ranges are not CIDRs, or the class or policy is invalid', () => {
  // GIVEN
  const chart = Testing.chart();
  let error: any;

  // WHEN
  void chart;
  try {
    WebExposure.loadBalancer({
      sourceRanges: ['203.0.113.0', '10.0.0.0/33'],
      externalTrafficPolicy: 'local' as any,
      loadBalancerClass: 'bad class',
    });
  } catch (e) {
    error = e;
  }

  // THEN: one ValidationError of the factory, listing every problem
  expect(error.problems.map((p: any) => p.field)).toEqual([
    'sourceRanges[0]', 'sourceRanges[1]', 'externalTrafficPolicy', 'loadBalancerClass',
  ]);
});

test('fails if Ingress-only props are given without an Ingress', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new PublicWebApp(chart, 'A', {
    image: 'a:1',
    exposure: WebExposure.loadBalancer(),
    tls: WebTls.none(),
    paths: ['/'],
    ingressController: IngressController.nginx(),
  })).toThrow(/`paths` applies only to an Ingress, but `exposure` is 'LoadBalancer'[\s\S]*`tls` applies only[\s\S]*`ingressController` applies only/);
  expect(() => new PublicWebApp(chart, 'B', { image: 'a:1', exposure: WebExposure.nodePort({ nodePort: 30001 }), externalDns: true }))
    .toThrow(/`externalDns` needs host names: set `domainNames`/);
});

test('a node port in a custom range passes the safety net at synth', () => {
  // GIVEN
  const chart = Testing.chart();
  // WHEN
  new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.nodePort({ nodePort: 20080, nodePortRange: '20000-20999' }) });
  // THEN
  const service = Testing.synth(chart).find((m) => m.kind === 'Service');
  expect(service.spec.ports[0].nodePort).toBe(20080);
});

test('the app context can set the cluster node port range for the safety net', () => {
  // GIVEN: a Service whose node port is forced by an escape hatch, outside the context's range
  const app = Testing.app();
  app.node.setContext('cdk8s-service-patterns:nodePortRange', '30000-30100');
  const chart = new Chart(app, 'test');
  const web = new PublicWebApp(chart, 'A', { image: 'a:1', exposure: WebExposure.nodePort() });
  ApiObject.of(web.service).addJsonPatch(JsonPatch.add('/spec/ports/0/nodePort', 30500));
  // THEN
  expect(() => Testing.synth(chart)).toThrow(/`spec.ports\[0\].nodePort`.*30000-30100/);
});

test('the external-dns annotation of a LoadBalancer leaves wildcard hosts out, as on an Ingress', () => {
  const service = serviceOf({ exposure: WebExposure.loadBalancer(), domainNames: ['*.example.com', 'x.example.com'], externalDns: true });
  expect(service.metadata.annotations).toEqual({ 'external-dns.alpha.kubernetes.io/hostname': 'x.example.com' });
});

test('the source ranges given are copied: changing the list later changes nothing', () => {
  const ranges = ['10.0.0.0/8'];
  const lb = WebExposure.loadBalancer({ sourceRanges: ranges });
  ranges.push('0.0.0.0/0');
  expect(serviceOf({ exposure: lb }).spec.loadBalancerSourceRanges).toEqual(['10.0.0.0/8']);
});
