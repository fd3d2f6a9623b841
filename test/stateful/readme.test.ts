// The short example of docs/stateful.md, compiled and checked here.
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { HeadlessService, HeadlessStatefulService } from '../../src';

test('the short example of the docs', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN (the snippet, as in the docs)
  const etcd = new HeadlessStatefulService(chart, 'Etcd', {
    statefulSetName: 'etcd',
    namespace: 'data',
    replicas: 3,
    clientService: true,
    containers: [{
      image: 'registry.k8s.io/etcd:3.5.9-0',
      ports: [{ number: 2379, name: 'client' }, { number: 2380, name: 'peer' }],
    }],
  });

  // 'etcd-0.etcd.data.svc.cluster.local'
  const first = etcd.podDnsName(0);
  // 'etcd-0=http://etcd-0.etcd.data.svc.cluster.local:2380,etcd-1=...,etcd-2=...'
  const initialCluster = etcd.peerList('peer', { template: '{hostname}=http://{host}:{port}' });

  const web = new kplus.Deployment(chart, 'Web', {
    replicas: 3,
    containers: [{ image: 'web:1.0', ports: [{ number: 8080, name: 'http' }] }],
  });
  // 'web-headless' resolves to the IPs of the Deployment's pods
  new HeadlessService(chart, 'WebHeadless', { workload: web, serviceName: 'web-headless' });

  // THEN
  expect(first).toBe('etcd-0.etcd.data.svc.cluster.local');
  expect(initialCluster).toBe([0, 1, 2].map((i) => `etcd-${i}=http://etcd-${i}.etcd.data.svc.cluster.local:2380`).join(','));
  const manifests = Testing.synth(chart);
  expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
    'Service/etcd', 'StatefulSet/etcd', 'Service/etcd-client',
    expect.stringMatching(/^Deployment\//), 'Service/web-headless',
  ]);
});
