// An app's Deployment is written from a cdk8s-plus Container (the container's JSON is what
// cdk8s-plus renders), but the Deployment around it is the library's own. This test builds a
// real cdk8s-plus Deployment of the same container and checks that the two differ exactly by the
// differences listed here, on purpose, so that a change of cdk8s-plus's defaults (resources, the
// security context, probes) shows up here instead of drifting silently.
import { Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InternalWebApp, InternalWebAppProps } from '../../src';

const ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/**
 * What a cdk8s-plus Deployment writes, changed by this library's intended differences, each
 * listed once.
 */
function withIntendedDifferences(kplusDeployment: any, app: InternalWebApp, imagePullPolicySet: boolean): any {
  const d = JSON.parse(JSON.stringify(kplusDeployment));
  const recommended = {
    'app.kubernetes.io/name': app.appName,
    'app.kubernetes.io/instance': app.appName,
    'app.kubernetes.io/managed-by': 'cdk8s-service-patterns',
  };
  // 1. names: the app's (a generated name is that of the app's own Deployment construct)
  d.metadata.name = app.deploymentName;
  // 2. labels: the recommended labels on the object and the pods; the pods are selected by
  //    app.kubernetes.io/name and instance, not by cdk8s-plus's hash of the construct path
  d.metadata.labels = recommended;
  d.spec.selector.matchLabels = { 'app.kubernetes.io/name': app.appName, 'app.kubernetes.io/instance': app.appName };
  delete d.spec.template.metadata.labels[ADDRESS_LABEL];
  Object.assign(d.spec.template.metadata.labels, recommended);
  // 3. fields that only restate what the API server sets anyway are left out
  for (const field of ['minReadySeconds', 'progressDeadlineSeconds', 'strategy']) {
    delete d.spec[field]; // 0, 600, RollingUpdate with 25% surge and unavailability
  }
  const pod = d.spec.template.spec;
  for (const field of ['dnsPolicy', 'hostNetwork', 'restartPolicy', 'setHostnameAsFQDN', 'terminationGracePeriodSeconds']) {
    delete pod[field]; // ClusterFirst, false, Always, false, 30
  }
  // the pod-level security context restates the container's runAsNonRoot and the default
  // fsGroupChangePolicy 'Always'
  expect(pod.securityContext).toEqual({ fsGroupChangePolicy: 'Always', runAsNonRoot: true });
  delete pod.securityContext;
  const container = pod.containers[0];
  if (container.securityContext?.privileged === false) {
    delete container.securityContext.privileged;
  }
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    if (container[probe]?.failureThreshold === 3) {
      delete container[probe].failureThreshold;
    }
  }
  // 4. imagePullPolicy follows Kubernetes' own rule unless it is set
  if (!imagePullPolicySet) {
    expect(container.imagePullPolicy).toBe('Always');
    delete container.imagePullPolicy;
  }
  // 5. a writable /tmp on a read-only root filesystem
  if (container.securityContext?.readOnlyRootFilesystem !== false) {
    container.volumeMounts = [...(container.volumeMounts ?? []), { mountPath: '/tmp', name: 'tmp' }];
    pod.volumes = [...(pod.volumes ?? []), { emptyDir: {}, name: 'tmp' }];
  }
  return d;
}

function compare(props: Omit<InternalWebAppProps, 'image'>, containerProps: Omit<kplus.ContainerProps, 'image'>): void {
  // GIVEN the same container in a cdk8s-plus Deployment and in an app
  const image = 'registry.example.com/shop:1.4';
  const chart = Testing.chart();
  const app = new InternalWebApp(chart, 'App', { image, ...props });
  const reference = new Chart(Testing.app(), 'test');
  new kplus.Deployment(reference, 'App', {
    replicas: props.replicas ?? 2,
    containers: [{ name: 'web', image, portNumber: props.containerPort ?? 8080, ...containerProps }],
  });

  // WHEN
  const ours = Testing.synth(chart).find((m) => m.kind === 'Deployment');
  const theirs = Testing.synth(reference).find((m) => m.kind === 'Deployment');

  // THEN
  expect(ours).toEqual(withIntendedDifferences(theirs, app, props.imagePullPolicy !== undefined));
}

test('the default Deployment is cdk8s-plus\'s, but for the intended differences', () => {
  compare({}, {});
});

test('with resources, a command, variables, probes and security settings it is still cdk8s-plus\'s', () => {
  const secret = kplus.Secret.fromSecretName(Testing.chart(), 'Creds', 'shop-creds');
  const settings = {
    resources: { cpu: { request: kplus.Cpu.millis(250) }, memory: { limit: Size.mebibytes(512) } },
    command: ['/app/server'],
    args: ['--port=8080'],
    readiness: kplus.Probe.fromHttpGet('/ready'),
    securityContext: { user: 1000, group: 1000, readOnlyRootFilesystem: false },
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
  };
  compare(
    { ...settings, envVariables: { PASSWORD: kplus.EnvValue.fromSecretValue({ secret, key: 'password' }) } },
    { ...settings, envVariables: { PASSWORD: kplus.EnvValue.fromSecretValue({ secret, key: 'password' }) } },
  );
});
