// Scenario 5: a Deployment's pods behind a headless Service, and a StatefulSet (a three-member
// etcd cluster) whose pods reach each other by their per-pod DNS names.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HeadlessService, HeadlessStatefulService } from '../../src';

/**
 * Adds the charts of the stateful scenarios to `app`. `place` gives the scope of each chart's
 * constructs (the chart itself by default; a test wraps them in another parent construct).
 */
export function addScenarios(app: App, place: (chart: Chart) => Construct = (chart) => chart): void {
  headlessDeployment(place(new Chart(app, 'scenario-5-headless-deployment', { namespace: 'shop' })));
  etcdCluster(place(new Chart(app, 'scenario-5-etcd-statefulset')));
}

/**
 * A cdk8s-plus Deployment with a name and a selector of its own (`app.kubernetes.io/name`):
 * by default cdk8s-plus selects pods by a hash of the construct path, which changes when the
 * construct moves, and a Deployment's selector cannot change. A HeadlessService selects what
 * the workload selects, so it follows.
 */
function namedDeployment(scope: Construct, id: string, name: string, props: kplus.DeploymentProps = {}): kplus.Deployment {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
  const deployment = new kplus.Deployment(scope, id, {
    ...props,
    metadata: { ...props.metadata, name },
    podMetadata: { labels },
    select: false,
  });
  deployment.select(kplus.LabelSelector.of({ labels }));
  // cdk8s-plus also labels the pods `cdk8s.io/metadata.addr: <hash of the construct path>` and
  // selects them by it where the Deployment is a pod selector (a cdk8s-plus Service, a
  // NetworkPolicy peer): the name keeps that label, and them, stable too.
  deployment.podMetadata.addLabel(kplus.Pod.ADDRESS_LABEL, name);
  return deployment;
}

/** The web Deployment of scenario 4, behind a headless Service: `web-headless` resolves to its pods. */
function headlessDeployment(chart: Construct): void {
  const web = namedDeployment(chart, 'Web', 'web', {
    replicas: 3,
    containers: [{
      image: 'nginxinc/nginx-unprivileged:1.25',
      ports: [{ number: 8080, name: 'http' }],
      // nginx writes its pid and cache files under /tmp; the root file system is read-only.
      volumeMounts: [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(chart, 'Tmp', 'tmp') }],
    }],
  });

  const headless = new HeadlessService(chart, 'WebHeadless', {
    workload: web,
    serviceName: 'web-headless',
    ports: [{ name: 'http', port: 80, targetPortName: 'http' }],
  });

  // Clients that balance on their own look the pods up by the Service's DNS name.
  namedDeployment(chart, 'Client', 'web-client', {
    containers: [{
      image: 'curlimages/curl:8.4.0',
      command: ['sh', '-c', 'while true; do nslookup "$WEB_HOST"; sleep 30; done'],
      envVariables: { WEB_HOST: kplus.EnvValue.fromValue(headless.dnsNames.fqdn) },
    }],
  });
}

/** etcd: three members that find each other by name, and a client Service for ready members. */
function etcdCluster(chart: Construct): void {
  const data = kplus.Volume.fromEmptyDir(chart, 'Data', 'data');
  const etcd = new HeadlessStatefulService(chart, 'Etcd', {
    statefulSetName: 'etcd',
    namespace: 'data',
    replicas: 3,
    podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
    clientService: true,
    containers: [{
      name: 'etcd',
      image: 'registry.k8s.io/etcd:3.5.9-0',
      ports: [
        { number: 2379, name: 'client' },
        { number: 2380, name: 'peer' },
      ],
      volumeMounts: [{ path: '/var/lib/etcd', volume: data }],
      securityContext: { user: 1000, group: 1000 },
    }],
    ports: [
      { name: 'client', port: 2379, targetPortName: 'client' },
      { name: 'peer', port: 2380, targetPortName: 'peer' },
    ],
  });

  // Each member announces its own per-pod name; all of them are listed as the initial cluster.
  const member = etcd.statefulSet.containers[0];
  member.env.addVariable('ETCD_NAME', kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME));
  member.env.addVariable('ETCD_DATA_DIR', kplus.EnvValue.fromValue('/var/lib/etcd'));
  member.env.addVariable('ETCD_LISTEN_PEER_URLS', kplus.EnvValue.fromValue('http://0.0.0.0:2380'));
  member.env.addVariable('ETCD_LISTEN_CLIENT_URLS', kplus.EnvValue.fromValue('http://0.0.0.0:2379'));
  member.env.addVariable('ETCD_INITIAL_ADVERTISE_PEER_URLS',
    kplus.EnvValue.fromValue(`http://$(ETCD_NAME).${etcd.dnsNames.fqdn}:2380`));
  member.env.addVariable('ETCD_ADVERTISE_CLIENT_URLS',
    kplus.EnvValue.fromValue(`http://$(ETCD_NAME).${etcd.dnsNames.fqdn}:2379`));
  member.env.addVariable('ETCD_INITIAL_CLUSTER',
    kplus.EnvValue.fromValue(etcd.peerList('peer', { template: '{hostname}=http://{host}:{port}' })));
  member.env.addVariable('ETCD_INITIAL_CLUSTER_STATE', kplus.EnvValue.fromValue('new'));

  // An application in another namespace reaches the ready members through the client Service.
  namedDeployment(chart, 'App', 'etcd-health', {
    metadata: { namespace: 'apps' },
    containers: [{
      image: 'registry.k8s.io/etcd:3.5.9-0',
      command: ['sh', '-c', 'while true; do etcdctl endpoint health; sleep 30; done'],
      securityContext: { user: 1000, group: 1000 },
      envVariables: {
        ETCDCTL_ENDPOINTS: kplus.EnvValue.fromValue(`http://${etcd.clientDnsNames!.fqdn}:2379`),
      },
    }],
  });
}
