import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { HeadlessStatefulService, HeadlessStatefulServiceProps, Protocol } from '../../src';
import { problemsOf } from '../_problems';
import { netProblemsOf } from '../_synth-problems';

const ETCD_CONTAINER: kplus.ContainerProps = {
  name: 'etcd',
  image: 'registry.k8s.io/etcd:3.5.9-0',
  ports: [
    { number: 2379, name: 'client' },
    { number: 2380, name: 'peer' },
  ],
};

function etcd(chart: Chart, props: Partial<HeadlessStatefulServiceProps> = {}): HeadlessStatefulService {
  return new HeadlessStatefulService(chart, 'Etcd', {
    statefulSetName: 'etcd',
    replicas: 3,
    containers: [ETCD_CONTAINER],
    ports: [
      { name: 'client', port: 2379, targetPortName: 'client' },
      { name: 'peer', port: 2380, targetPortName: 'peer' },
    ],
    ...props,
  });
}

function kinds(manifests: any[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

describe('defaults', () => {
  test('a StatefulSet of one pod and its headless Service, ports from the container ports', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new HeadlessStatefulService(chart, 'Db', { containers: [ETCD_CONTAINER] });

    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('one replica, publishNotReadyAddresses on, no client Service, generated names that leave room for the ordinal', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = new HeadlessStatefulService(chart, 'Db', { containers: [ETCD_CONTAINER] });
    const manifests = Testing.synth(chart);

    // THEN
    expect(db.replicas).toBe(1);
    expect(db.clientService).toBeUndefined();
    expect(kinds(manifests, 'Service')).toHaveLength(1);
    expect(kinds(manifests, 'Service')[0].spec.publishNotReadyAddresses).toBe(true);
    expect(kinds(manifests, 'StatefulSet')[0].spec.replicas).toBe(1);
    expect(db.statefulSetName.length).toBeLessThanOrEqual(52);
    expect(db.serviceName).toBe(db.statefulSetName);
    expect(db.ports).toEqual([
      { name: 'client', port: 2379, targetPortName: 'client', protocol: Protocol.TCP, appProtocol: undefined },
      { name: 'peer', port: 2380, targetPortName: 'peer', protocol: Protocol.TCP, appProtocol: undefined },
    ]);
  });
});

test('a generated StatefulSet name is cut to leave room for the ordinal and the revision hash', () => {
  // GIVEN
  const chart = new Chart(Testing.app(), 'a-chart-with-a-rather-long-name-for-a-kubernetes-object-name');

  // WHEN
  const db = new HeadlessStatefulService(chart, 'ReplicatedDatabase', { containers: [ETCD_CONTAINER], replicas: 12 });

  // THEN
  expect(db.statefulSetName.length).toBe(52);
  expect(db.podHostname(11)).toBe(`${db.statefulSetName}-11`);
  expect(kinds(Testing.synth(chart), 'StatefulSet')[0].metadata.name).toBe(db.statefulSetName);
});

describe('wiring', () => {
  test('the StatefulSet\'s serviceName is the headless Service, and no second Service is created', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    etcd(chart);
    const manifests = Testing.synth(chart);

    // THEN
    const services = kinds(manifests, 'Service');
    const [set] = kinds(manifests, 'StatefulSet');
    expect(services).toHaveLength(1);
    expect(set.spec.serviceName).toBe(services[0].metadata.name);
    expect(set.spec.serviceName).toBe('etcd');
    expect(services[0].spec.clusterIP).toBe('None');
    expect(services[0].spec.type).toBe('ClusterIP');
  });

  test('the Service selector equals the StatefulSet selector and is a subset of the pod template labels', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    etcd(chart, { podMetadata: { labels: { app: 'etcd' } } });
    const manifests = Testing.synth(chart);

    // THEN
    const [service] = kinds(manifests, 'Service');
    const [set] = kinds(manifests, 'StatefulSet');
    expect(service.spec.selector).toEqual(set.spec.selector.matchLabels);
    // the recommended labels, from the StatefulSet's name: never a hash of the construct path
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'etcd' });
    expect(set.spec.template.metadata.labels).toEqual({
      ...service.spec.selector,
      'app.kubernetes.io/managed-by': 'cdk8s-service-patterns',
      // cdk8s-plus's own pod label, kept stable: the StatefulSet's name
      'cdk8s.io/metadata.addr': 'etcd',
      'app': 'etcd',
    });
  });

  test('every port is named and maps to a container port by name or by number, with its appProtocol', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new HeadlessStatefulService(chart, 'Web', {
      statefulSetName: 'web',
      containers: [{ image: 'web:1', ports: [{ number: 8080, name: 'http' }, { number: 9090 }, { number: 5353, name: 'dns', protocol: kplus.Protocol.UDP }] }],
      ports: [
        { name: 'http', port: 80, targetPortName: 'http', appProtocol: 'http' },
        { name: 'metrics', port: 9090 },
        { name: 'dns', port: 53, targetPort: 5353, protocol: Protocol.UDP },
      ],
    });

    // THEN
    const [service] = kinds(Testing.synth(chart), 'Service');
    expect(service.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
      { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' },
      { name: 'dns', port: 53, targetPort: 5353, protocol: 'UDP' },
    ]);
  });

  test('publishNotReadyAddresses can be turned off', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    etcd(chart, { publishNotReadyAddresses: false });

    // THEN
    expect(kinds(Testing.synth(chart), 'Service')[0].spec.publishNotReadyAddresses).toBe(false);
  });

  test('a client Service load-balances to ready pods of the same StatefulSet', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = etcd(chart, { clientService: true });
    const manifests = Testing.synth(chart);

    // THEN
    const services = kinds(manifests, 'Service');
    const client = services.find((s) => s.metadata.name === 'etcd-client');
    expect(services).toHaveLength(2);
    expect(client.spec.clusterIP).toBeUndefined();
    expect(client.spec.type).toBe('ClusterIP');
    expect(client.spec.publishNotReadyAddresses).toBeUndefined();
    expect(client.spec.selector).toEqual(kinds(manifests, 'StatefulSet')[0].spec.selector.matchLabels);
    expect(client.spec.ports.map((p: any) => p.name)).toEqual(['client', 'peer']);
    expect(db.clientDnsNames?.fqdn).toBe('etcd-client.default.svc.cluster.local');
  });

  test('a client Service name turns the client Service on', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = etcd(chart, { clientServiceName: 'etcd-lb' });

    // THEN
    expect(db.clientService).toBeDefined();
    expect(kinds(Testing.synth(chart), 'Service').map((s) => s.metadata.name)).toEqual(['etcd', 'etcd-lb']);
  });

  test('the namespace goes on every object and the pod management policy on the StatefulSet', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    etcd(chart, { namespace: 'data', clientService: true, podManagementPolicy: kplus.PodManagementPolicy.PARALLEL });
    const manifests = Testing.synth(chart);

    // THEN
    expect(manifests.map((m) => m.metadata.namespace)).toEqual(['data', 'data', 'data']);
    expect(kinds(manifests, 'StatefulSet')[0].spec.podManagementPolicy).toBe('Parallel');
  });

  test('the objects stay reachable for escape hatches', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart);

    // WHEN
    db.statefulSet.addVolume(kplus.Volume.fromEmptyDir(chart, 'Scratch', 'scratch'));

    // THEN
    const [set] = kinds(Testing.synth(chart), 'StatefulSet');
    expect(set.spec.template.spec.volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
    expect(db.statefulSet.service).toBe(db.service);
  });
});

describe('DNS names', () => {
  test('per-pod names with a custom namespace and cluster domain', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = etcd(chart, { namespace: 'data', clusterDomain: 'corp.internal' });

    // THEN
    expect(db.dnsNames.fqdn).toBe('etcd.data.svc.corp.internal');
    expect(db.podHostname(2)).toBe('etcd-2');
    expect(db.podDnsName(1)).toBe('etcd-1.etcd.data.svc.corp.internal');
    expect(db.podDnsNames()).toEqual([
      'etcd-0.etcd.data.svc.corp.internal',
      'etcd-1.etcd.data.svc.corp.internal',
      'etcd-2.etcd.data.svc.corp.internal',
    ]);
  });

  test('the namespace defaults to the chart\'s, then to \'default\'', () => {
    // GIVEN
    const app = Testing.app();

    // WHEN
    const inChart = etcd(new Chart(app, 'with-ns', { namespace: 'kv' }));
    const plain = etcd(new Chart(app, 'without-ns'));

    // THEN
    expect(inChart.podDnsName(0)).toBe('etcd-0.etcd.kv.svc.cluster.local');
    expect(plain.podDnsName(0)).toBe('etcd-0.etcd.default.svc.cluster.local');
  });

  test('the Service name may differ from the StatefulSet name', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = etcd(chart, { serviceName: 'etcd-peers' });

    // THEN
    expect(db.podDnsName(0)).toBe('etcd-0.etcd-peers.default.svc.cluster.local');
    expect(kinds(Testing.synth(chart), 'StatefulSet')[0].spec.serviceName).toBe('etcd-peers');
  });

  test('peers on a named port use the container port', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const web = new HeadlessStatefulService(chart, 'Web', {
      statefulSetName: 'web',
      replicas: 2,
      containers: [{ image: 'web:1', ports: [{ number: 8080, name: 'http' }, { number: 7946 }] }],
      ports: [
        { name: 'http', port: 80, targetPortName: 'http' },
        { name: 'gossip', port: 7000, targetPort: 7946 },
      ],
    });

    // THEN
    expect(web.peers('http')).toEqual(['web-0.web.default.svc.cluster.local:8080', 'web-1.web.default.svc.cluster.local:8080']);
    expect(web.peers('gossip')).toEqual(['web-0.web.default.svc.cluster.local:7946', 'web-1.web.default.svc.cluster.local:7946']);
  });

  test('a peer list for etcd\'s initial cluster, and with the default template', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = etcd(chart, { namespace: 'data' });

    // THEN
    expect(db.peerList('peer', { template: '{hostname}=http://{host}:{port}' })).toBe(
      'etcd-0=http://etcd-0.etcd.data.svc.cluster.local:2380,' +
      'etcd-1=http://etcd-1.etcd.data.svc.cluster.local:2380,' +
      'etcd-2=http://etcd-2.etcd.data.svc.cluster.local:2380');
    expect(db.peerList('client', { separator: ' ' })).toBe(
      'etcd-0.etcd.data.svc.cluster.local:2379 etcd-1.etcd.data.svc.cluster.local:2379 etcd-2.etcd.data.svc.cluster.local:2379');
    expect(db.peerList('peer', { template: 'server.{ordinal}={hostname}:{port}', separator: ';' })).toBe(
      'server.0=etcd-0:2380;server.1=etcd-1:2380;server.2=etcd-2:2380');
  });

  test('zero replicas have no pod names', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const db = etcd(chart, { replicas: 0 });

    // THEN
    expect(db.podDnsNames()).toEqual([]);
    expect(db.peerList('peer')).toBe('');
    expect(kinds(Testing.synth(chart), 'StatefulSet')[0].spec.replicas).toBe(0);
  });

  test('fails if an ordinal is not one of a pod', () => {
    const db = etcd(Testing.chart());
    expect(() => db.podDnsName(3)).toThrow(/`ordinal` must be a whole number from 0 to 2 \(the StatefulSet has 3 replicas\), got 3/);
    expect(() => db.podDnsName(-1)).toThrow(/`ordinal` must be a whole number from 0 to 2/);
    expect(() => db.podHostname(0.5)).toThrow(/`ordinal` must be a whole number from 0 to 2/);
  });

  test('fails if a peer port is not a port of the Service', () => {
    const db = etcd(Testing.chart());
    expect(() => db.peers('raft')).toThrow(/`portName` must be the name of a port of the Service: 'client', 'peer', got 'raft'/);
  });

  test('fails if a peer list template has an unknown placeholder', () => {
    const db = etcd(Testing.chart());
    expect(() => db.peerList('peer', { template: '{name}={url}' })).toThrow(
      /`template` must use only the placeholders '\{host\}', '\{hostname\}', '\{ordinal\}', '\{port\}', but has '\{name\}'/);
  });
});

describe('errors', () => {
  test('fails if replicas is below zero or not a whole number', () => {
    expect(() => etcd(Testing.chart(), { replicas: -1 })).toThrow(/`replicas` must be a whole number of 0 or more, got -1/);
    expect(() => etcd(Testing.chart(), { replicas: 1.5 })).toThrow(/`replicas` must be a whole number of 0 or more, got 1.5/);
    expect(() => etcd(Testing.chart(), { replicas: NaN })).toThrow(/`replicas` must be a whole number of 0 or more, got NaN/);
  });

  test('fails if a port has no name', () => {
    expect(() => etcd(Testing.chart(), { ports: [{ port: 2380 } as any] })).toThrow(
      /`ports\[0\].name` must be set: every port of a headless Service is named/);
  });

  test('fails if ports come from a container port without a name', () => {
    expect(() => new HeadlessStatefulService(Testing.chart(), 'Db', {
      containers: [{ name: 'db', image: 'db:1', portNumber: 5432 }],
    })).toThrow(/`ports` must be given when a container port has no name: container 'db' exposes 5432\/TCP without a name/);
  });

  test('fails if no container exposes a port and no ports are listed', () => {
    expect(() => new HeadlessStatefulService(Testing.chart(), 'Db', { containers: [{ image: 'db:1' }] })).toThrow(
      /`ports` must be given when no container exposes a port/);
  });

  test('fails if two ports have the same name', () => {
    expect(() => etcd(Testing.chart(), {
      ports: [{ name: 'peer', port: 2379 }, { name: 'peer', port: 2380 }],
    })).toThrow(/`ports\[1\].name` must be unique, but ports\[0\] has the same name, got 'peer'/);
  });

  test('fails if a port name is not a DNS-1123 label', () => {
    expect(() => etcd(Testing.chart(), { ports: [{ name: 'peer_port', port: 2380 }] })).toThrow(
      /`ports\[0\].name` must be a DNS-1123 label: lower-case letters, digits and '-'.*did you mean 'peer-port'\?/);
  });

  test('a Service port name may have up to 63 characters: only container port names are IANA service names of 15', () => {
    // GIVEN a Service port name of 21 characters, mapped to a container port name of 4
    const chart = Testing.chart();
    const set = etcd(chart, { ports: [{ name: 'peer-replication-port', port: 2380, targetPortName: 'peer' }] });
    // THEN it synthesizes (ServicePort.name is a DNS-1123 label for the API server)
    const service = Testing.synth(chart).find((m) => m.kind === 'Service');
    expect(service.spec.ports).toEqual([expect.objectContaining({ name: 'peer-replication-port', port: 2380, targetPort: 'peer' })]);
    expect(set.ports[0]).toEqual({ name: 'peer-replication-port', port: 2380, targetPortName: 'peer', protocol: 'TCP' });
  });

  test('fails if both targetPort and targetPortName are set', () => {
    expect(() => etcd(Testing.chart(), { ports: [{ name: 'peer', port: 2380, targetPort: 2380, targetPortName: 'peer' }] })).toThrow(
      /`ports\[0\].targetPort` must not be set together with `targetPortName` \('peer'\)/);
  });

  test('fails if no container exposes a target port', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    etcd(chart, {
      ports: [
        { name: 'client', port: 2379, targetPortName: 'clients' },
        { name: 'peer', port: 2381 },
        { name: 'raft', port: 2380, protocol: Protocol.UDP },
      ],
    });

    // THEN
    const problems = netProblemsOf(chart, () => Testing.synth(chart));
    expect(problems.map((p) => p.field)).toEqual([
      'service.spec.ports[0].targetPort',
      'service.spec.ports[1].targetPort',
      'service.spec.ports[2].targetPort',
    ]);
    expect(() => Testing.synth(chart)).toThrow(
      /`service.spec.ports\[0\].targetPort` must be a port that a container of the pod exposes \(as TCP\), but none does \(exposed: 'client' 2379\/TCP, 'peer' 2380\/TCP\), got 'clients'/);
    expect(problems[2].message).toMatch(/as UDP/);
  });

  test('a container added later can expose the target port', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart, { ports: [{ name: 'metrics', port: 9100 }] });

    // WHEN
    db.statefulSet.addContainer({ name: 'exporter', image: 'exporter:1', ports: [{ number: 9100, name: 'metrics' }] });

    // THEN
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('fails if the StatefulSet name leaves no room for the ordinal in a pod host name', () => {
    const name = 'a'.repeat(62);
    expect(() => etcd(Testing.chart(), { statefulSetName: name })).toThrow(
      new RegExp(`\`statefulSetName\` must leave room for '-<ordinal>' in 63 characters: the host name of pod 2 would be '${name}-2' \\(64 characters\\)`));
  });

  test('fails if the StatefulSet name is longer than 52 characters', () => {
    expect(() => etcd(Testing.chart(), { statefulSetName: 'a'.repeat(53), serviceName: 'etcd' })).toThrow(
      /`statefulSetName` must be no more than 52 characters \(it has 53\): the StatefulSet controller labels each pod 'controller-revision-hash: <name>-<10-character hash>'/);
    expect(() => etcd(Testing.chart(), { statefulSetName: 'a'.repeat(52), serviceName: 'etcd' })).not.toThrow();
  });

  test('fails if the StatefulSet name is not a DNS-1123 label', () => {
    expect(() => etcd(Testing.chart(), { statefulSetName: 'Etcd.Main', serviceName: 'etcd' })).toThrow(
      /`statefulSetName` must be a DNS-1123 label.*, got 'Etcd.Main'/);
  });

  test('fails if a Service name is not a DNS-1035 label', () => {
    expect(() => etcd(Testing.chart(), { serviceName: 'etcd_peers' })).toThrow(/`serviceName` must be a DNS-1035 label.*, got 'etcd_peers'/);
    expect(() => etcd(Testing.chart(), { statefulSetName: '1etcd' })).toThrow(
      /`serviceName` must be a DNS-1035 label.*, got '1etcd': set `serviceName` \(it defaults to the StatefulSet name/);
    expect(() => etcd(Testing.chart(), { clientServiceName: 'Etcd-Client' })).toThrow(/`clientServiceName` must be a DNS-1035 label/);
    expect(() => etcd(Testing.chart(), { serviceName: 'e'.repeat(60), clientService: true })).toThrow(
      /`clientServiceName` must be no more than 63 characters \(it has 67\).*set `clientServiceName`/);
  });

  test('fails if the client Service options contradict each other', () => {
    expect(() => etcd(Testing.chart(), { clientService: false, clientServiceName: 'etcd-lb' })).toThrow(
      /`clientServiceName` must not be set when `clientService` is false/);
    expect(() => etcd(Testing.chart(), { clientServiceName: 'etcd' })).toThrow(/`clientServiceName` must differ from `serviceName`/);
  });

  test('fails if the namespace, cluster domain or pod management policy is not valid', () => {
    const problems = problemsOf(() => etcd(Testing.chart(), {
      namespace: 'Data',
      clusterDomain: 'corp_internal',
      podManagementPolicy: 'Sometimes' as any,
    }));
    expect(problems.map((p) => p.field)).toEqual(['podManagementPolicy', 'namespace', 'clusterDomain']);
  });

  test('fails if the containers are missing, and reports every problem at once', () => {
    // GIVEN
    const props: any = { containers: [], replicas: -2, statefulSetName: 'db', ports: [{ name: 'db', port: 70000 }] };

    // WHEN
    const problems = problemsOf(() => new HeadlessStatefulService(Testing.chart(), 'Db', props));

    // THEN
    expect(problems.map((p) => p.field)).toEqual(['replicas', 'containers', 'ports[0].port']);
    expect(problems[1].message).toBe('must list at least one container');
  });

  test('fails with a ValidationError, never a TypeError, on hostile input', () => {
    expect(() => new HeadlessStatefulService(Testing.chart(), 'A', null as any)).toThrow(/`containers` must list at least one container/);
    expect(() => new HeadlessStatefulService(Testing.chart(), 'B', { containers: 'etcd' as any })).toThrow(/`containers` must list at least one container/);
    expect(() => new HeadlessStatefulService(Testing.chart(), 'C', { containers: [null as any] })).toThrow(/`containers\[0\]` must be a container/);
    expect(() => etcd(Testing.chart(), { ports: 'peer' as any })).toThrow(/`ports` must be a list of ports/);
    expect(() => etcd(Testing.chart(), { ports: [null as any] })).toThrow(/`ports\[0\]` must be a port object/);
    expect(() => etcd(Testing.chart(), { replicas: '3' as any })).toThrow(/`replicas` must be a whole number of 0 or more, got '3'/);
    expect(() => etcd(Testing.chart(), { publishNotReadyAddresses: 'yes' as any, clientService: 1 as any })).toThrow(
      /`publishNotReadyAddresses` must be true or false/);
    expect(() => new HeadlessStatefulService(Testing.chart(), 'D', { containers: [{ image: 'x', port: 1, portNumber: 1 }] })).toThrow(
      /`containers\[0\]` must be a container cdk8s-plus accepts: either 'port' or 'portnumber' is allowed/);
  });
});

describe('checks of the emitted objects at synth', () => {
  test('fails if an escape hatch makes the headless Service a NodePort or LoadBalancer Service', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart);

    // WHEN
    ApiObject.of(db.service).addJsonPatch(JsonPatch.replace('/spec/type', 'NodePort'));
    ApiObject.of(db.service).addJsonPatch(JsonPatch.add('/spec/ports/1/nodePort', 30380));

    // THEN
    const problems = netProblemsOf(chart, () => Testing.synth(chart));
    expect(problems.map((p) => p.field)).toEqual(['service.spec.type', 'service.spec.ports[1].nodePort']);
    expect(() => Testing.synth(chart)).toThrow(/`service.spec.type` must be 'ClusterIP' for a headless Service: NodePort and LoadBalancer Services need a cluster IP, got 'NodePort'/);
    expect(() => Testing.synth(chart)).toThrow(/`service.spec.ports\[1\].nodePort` must not be set on a headless Service/);
  });

  test('fails if an escape hatch gives the headless Service a cluster IP', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart, { clientService: true });

    // WHEN
    ApiObject.of(db.service).addJsonPatch(JsonPatch.replace('/spec/clusterIp', '10.96.0.20'));
    ApiObject.of(db.clientService!).addJsonPatch(JsonPatch.add('/spec/clusterIp', 'None'));

    // THEN
    const problems = netProblemsOf(chart, () => Testing.synth(chart));
    expect(problems.map((p) => `${p.field} ${p.value}`)).toEqual([
      'service.spec.clusterIP \'10.96.0.20\'',
      'clientService.spec.clusterIP \'None\'',
    ]);
  });

  test('fails if the Service selects other labels than the StatefulSet', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart);

    // WHEN
    db.service.selectLabel('tier', 'db');

    // THEN
    const problems = netProblemsOf(chart, () => Testing.synth(chart));
    expect(problems.map((p) => p.field)).toEqual(['service.spec.selector', 'service.spec.selector']);
    expect(problems[0].message).toMatch(/^must equal the selector of the workload's pods/);
    expect(problems[1].message).toBe('must be a subset of the pod template labels, but \'tier=db\' is not among them: the Service selects no pod');
  });

  test('a label the StatefulSet selects by later is selected by its Services too', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart, { podMetadata: { labels: { app: 'etcd' } }, clientService: true });

    // WHEN
    db.statefulSet.select(kplus.LabelSelector.of({ labels: { app: 'etcd' } }));

    // THEN: the Services select the StatefulSet's matchLabels as they are at synth
    const manifests = Testing.synth(chart);
    const [set] = kinds(manifests, 'StatefulSet');
    for (const service of kinds(manifests, 'Service')) {
      expect(service.spec.selector).toEqual(set.spec.selector.matchLabels);
    }
    expect(set.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'etcd', 'app.kubernetes.io/instance': 'etcd', 'app': 'etcd' });
  });

  test('fails if an escape hatch points the StatefulSet at another Service', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = etcd(chart);

    // WHEN
    ApiObject.of(db.statefulSet).addJsonPatch(JsonPatch.replace('/spec/serviceName', 'other'));

    // THEN
    expect(() => Testing.synth(chart)).toThrow(
      /`statefulSet.spec.serviceName` must be the headless Service 'etcd', or the pods get no per-pod DNS names, got 'other'/);
  });
});

test('ports: [] gives a StatefulSet a headless Service without ports (DNS names only)', () => {
  const chart = Testing.chart();
  const set = new HeadlessStatefulService(chart, 'Workers', { statefulSetName: 'workers', containers: [{ image: 'worker:1' }], ports: [] });
  const service = Testing.synth(chart).find((m) => m.kind === 'Service');
  expect(service.spec.ports).toBeUndefined();
  expect(service.spec.clusterIP).toBe('None');
  expect(set.podDnsName(0)).toBe('workers-0.workers.default.svc.cluster.local');
});

test('fails if a client Service is asked for with no ports', () => {
  expect(() => new HeadlessStatefulService(Testing.chart(), 'Workers', { containers: [{ image: 'worker:1' }], ports: [], clientService: true }))
    .toThrow(/`clientService` needs ports: a Service with a cluster IP must have at least one, and `ports` is empty, got true: list `ports`, or turn `clientService` off/);
});

test('JSON patches of the cdk8s-plus objects: IntOrString and Quantity fields take k8s.IntOrString and k8s.Quantity values (docs/stateful.md)', () => {
  // GIVEN: the StatefulSet and Services are cdk8s-plus objects, whose L1 objects map their JSON
  // after the patches are applied
  const chart = Testing.chart();
  const db = etcd(chart);

  // WHEN
  ApiObject.of(db.service).addJsonPatch(JsonPatch.replace('/spec/ports/0/targetPort', k8s.IntOrString.fromNumber(2379)));
  ApiObject.of(db.statefulSet).addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/resources/limits/memory', k8s.Quantity.fromString('1Gi')));
  const plain = Testing.chart();
  const other = etcd(plain);
  ApiObject.of(other.statefulSet).addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/resources/limits/memory', '1Gi'));

  // THEN
  const manifests = Testing.synth(chart);
  expect(kinds(manifests, 'Service')[0].spec.ports[0].targetPort).toBe(2379);
  expect(kinds(manifests, 'StatefulSet')[0].spec.template.spec.containers[0].resources.limits.memory).toBe('1Gi');
  // a plain value in a Quantity field is dropped by the L1 mapping: what the docs warn about
  expect(kinds(Testing.synth(plain), 'StatefulSet')[0].spec.template.spec.containers[0].resources.limits.memory).toBeUndefined();
});
