// Workloads that last: stable names, selectors and labels, and apps with real configuration.
import { JsonPatch, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  DatabaseEngine, ExternalBackend, ExternalDatabase, IngressController, InternalWebApp, PublicWebApp, ValidationError, WebTls,
} from '../../src';
import { problemsOf } from '../_problems';

const RECOMMENDED = (name: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/instance': name,
  'app.kubernetes.io/managed-by': 'cdk8s-service-patterns',
});

function byKind(manifests: any[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

describe('names', () => {
  test('an app named `shop` synthesizes Deployment `shop`, Service `shop`, Ingress `shop` and TLS Secret `shop-tls`', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const app = new PublicWebApp(chart, 'Storefront', { name: 'shop', image: 'registry.example.com/shop:1.4', domainNames: ['shop.example.com'] });
    const manifests = Testing.synth(chart);

    // THEN
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Deployment/shop', 'Service/shop', 'Ingress/shop']);
    expect(byKind(manifests, 'Ingress')[0].spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect([app.appName, app.deploymentName, app.serviceName, app.ingress?.name, app.tlsSecretName]).toEqual(['shop', 'shop', 'shop', 'shop', 'shop-tls']);
  });

  test('`serviceName` names the app when `name` is not given; `name` and `serviceName` together name the Service apart', () => {
    const chart = Testing.chart();
    new InternalWebApp(chart, 'A', { serviceName: 'api', image: 'api:1' });
    new InternalWebApp(chart, 'B', { name: 'orders', serviceName: 'orders-http', image: 'orders:1' });
    expect(Testing.synth(chart).map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Deployment/api', 'Service/api', 'Deployment/orders', 'Service/orders-http',
    ]);
  });

  test('a Traefik redirect Ingress is named `<name>-redirect`', () => {
    const chart = Testing.chart();
    new PublicWebApp(chart, 'Shop', {
      name: 'shop',
      image: 'shop:1',
      domainNames: ['shop.example.com'],
      ingressController: IngressController.traefik({ redirectMiddleware: 'default-redirect@kubernetescrd' }),
    });
    expect(byKind(Testing.synth(chart), 'Ingress').map((m) => m.metadata.name)).toEqual(['shop', 'shop-redirect']);
  });

  test('renaming or moving a named app changes no name, selector or label', () => {
    const build = (wrap: boolean, id: string) => {
      const chart = Testing.chart();
      new PublicWebApp(wrap ? new Construct(chart, 'Parent') : chart, id, { name: 'shop', image: 'shop:1', domainNames: ['shop.example.com'] });
      return Testing.synth(chart);
    };
    expect(build(true, 'Renamed')).toEqual(build(false, 'Shop'));
  });

  test('fails if `name` is not a DNS-1035 label', () => {
    expect(() => new InternalWebApp(Testing.chart(), 'A', { name: 'Shop_1', image: 'a:1' }))
      .toThrow(/`name` must be a DNS-1035 label.*did you mean 'shop-1'\?/);
  });
});

describe('labels and selectors', () => {
  test('every object carries the recommended labels, `partOf` and `labels`; the pods are selected by name and instance', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const app = new PublicWebApp(chart, 'Shop', {
      name: 'shop', partOf: 'webshop', labels: { team: 'checkout' }, image: 'shop:1', domainNames: ['shop.example.com'],
    });
    const manifests = Testing.synth(chart);

    // THEN
    const labels = { ...RECOMMENDED('shop'), 'app.kubernetes.io/part-of': 'webshop', 'team': 'checkout' };
    for (const m of manifests) {
      expect(m.metadata.labels).toEqual(labels);
    }
    const [deployment] = byKind(manifests, 'Deployment');
    const selector = { 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/instance': 'shop' };
    expect(deployment.spec.selector.matchLabels).toEqual(selector);
    expect(deployment.spec.template.metadata.labels).toEqual(labels);
    expect(byKind(manifests, 'Service')[0].spec.selector).toEqual(selector);
    expect(app.matchLabels).toEqual(selector);
  });

  test('`selectorLabels` keeps the selector of a Deployment made by an earlier version (it is immutable)', () => {
    const chart = Testing.chart();
    new InternalWebApp(chart, 'Api', { name: 'api', image: 'api:1', selectorLabels: { 'cdk8s.io/metadata.addr': 'test-Api-Deployment-c8a1b2c3' } });
    const manifests = Testing.synth(chart);
    const [deployment] = byKind(manifests, 'Deployment');
    expect(deployment.spec.selector.matchLabels).toEqual({ 'cdk8s.io/metadata.addr': 'test-Api-Deployment-c8a1b2c3' });
    expect(deployment.spec.template.metadata.labels).toEqual({ ...RECOMMENDED('api'), 'cdk8s.io/metadata.addr': 'test-Api-Deployment-c8a1b2c3' });
    expect(byKind(manifests, 'Service')[0].spec.selector).toEqual({ 'cdk8s.io/metadata.addr': 'test-Api-Deployment-c8a1b2c3' });
  });

  test('fails if `labels` sets a label the app writes, or a label is not valid, or `partOf` is not a label value', () => {
    const problems = problemsOf(() => new InternalWebApp(Testing.chart(), 'A', {
      image: 'a:1',
      partOf: 'web shop',
      labels: { 'app.kubernetes.io/name': 'x', 'bad key!': 'v', 'tier': 'not valid!' },
      selectorLabels: {},
    }));
    expect(problems.map((p) => p.field)).toEqual([
      'partOf', 'labels.app.kubernetes.io/name', 'labels.bad key!', 'labels.tier', 'selectorLabels',
    ]);
    expect(problems[1].message).toBe('must not be set: the construct writes this label');
  });
});

describe('configuration', () => {
  test('credentials from a Secret reach an InternalWebApp in one call', () => {
    // GIVEN
    const chart = Testing.chart();
    const db = new ExternalDatabase(chart, 'Db', { serviceName: 'orders-db', engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.address('10.0.4.17') });
    const app = new InternalWebApp(chart, 'Orders', { name: 'orders', image: 'registry.example.com/orders:1.4' });
    const secret = kplus.Secret.fromSecretName(chart, 'Creds', 'orders-db-credentials');

    // WHEN
    db.bindToContainer(app.container, { credentials: { secret } });

    // THEN
    const [deployment] = byKind(Testing.synth(chart), 'Deployment');
    expect(deployment.spec.template.spec.containers[0].env).toEqual([
      { name: 'DB_HOST', value: 'orders-db.default' },
      { name: 'DB_PORT', value: '5432' },
      { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'username' } } },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
    ]);
  });

  test('variables from a Secret, a ConfigMap and a pod field, whole ConfigMaps, and plain values', () => {
    const chart = Testing.chart();
    const secret = kplus.Secret.fromSecretName(chart, 'S', 'shop-secrets');
    const config = kplus.ConfigMap.fromConfigMapName(chart, 'C', 'shop-config');
    new InternalWebApp(chart, 'Shop', {
      name: 'shop',
      image: 'shop:1',
      env: { LOG_LEVEL: 'info' },
      envVariables: {
        SESSION_KEY: kplus.EnvValue.fromSecretValue({ secret, key: 'session' }),
        CURRENCY: kplus.EnvValue.fromConfigMap(config, 'currency'),
        POD_NAME: kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME),
      },
      envFrom: [kplus.Env.fromConfigMap(config)],
    });
    const [container] = byKind(Testing.synth(chart), 'Deployment')[0].spec.template.spec.containers;
    expect(container.env).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'SESSION_KEY', valueFrom: { secretKeyRef: { name: 'shop-secrets', key: 'session' } } },
      { name: 'CURRENCY', valueFrom: { configMapKeyRef: { name: 'shop-config', key: 'currency' } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ]);
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'shop-config' } }]);
  });

  test('resources, command, args, volumes, the service account and the image pull policy are props', () => {
    // GIVEN
    const chart = Testing.chart();
    const config = kplus.ConfigMap.fromConfigMapName(chart, 'C', 'shop-config');
    const sa = kplus.ServiceAccount.fromServiceAccountName(chart, 'Sa', 'shop');

    // WHEN
    new InternalWebApp(chart, 'Shop', {
      name: 'shop',
      image: 'shop:1',
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
      },
      command: ['/app/server'],
      args: ['--listen=:8080'],
      volumeMounts: [{ path: '/etc/shop', volume: kplus.Volume.fromConfigMap(chart, 'Config', config), readOnly: true }],
      serviceAccount: sa,
      automountServiceAccountToken: true,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    });

    // THEN
    const pod = byKind(Testing.synth(chart), 'Deployment')[0].spec.template.spec;
    const [container] = pod.containers;
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(container.command).toEqual(['/app/server']);
    expect(container.args).toEqual(['--listen=:8080']);
    expect(container.imagePullPolicy).toBe('IfNotPresent');
    expect(container.volumeMounts).toEqual([{ mountPath: '/etc/shop', name: 'configmap-shop-config', readOnly: true }, { mountPath: '/tmp', name: 'tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'configmap-shop-config', configMap: { name: 'shop-config' } }, { name: 'tmp', emptyDir: {} }]);
    expect(pod.serviceAccountName).toBe('shop');
    expect(pod.automountServiceAccountToken).toBe(true);
  });

  test('secure defaults, each with its own opt-out; a writable /tmp only with a read-only root', () => {
    const chart = Testing.chart();
    const secure = new InternalWebApp(chart, 'Secure', { name: 'secure', image: 'nginxinc/nginx-unprivileged:1.25' });
    new InternalWebApp(chart, 'Legacy', {
      name: 'legacy',
      image: 'legacy:1',
      securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false, allowPrivilegeEscalation: true },
    });
    new InternalWebApp(chart, 'NoTmp', { name: 'no-tmp', image: 'static:1', tmpVolume: false });
    const [a, b, c] = byKind(Testing.synth(chart), 'Deployment').map((d) => d.spec.template.spec);
    expect(a.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true });
    expect(a.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(a.containers[0].imagePullPolicy).toBeUndefined();
    expect(b.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: true, readOnlyRootFilesystem: false, runAsNonRoot: false });
    expect(b.volumes).toBeUndefined();
    expect(c.volumes).toBeUndefined();
    expect(secure.container.name).toBe('web');
  });

  test('bad configuration is one ValidationError listing every problem, never a TypeError', () => {
    const problems = problemsOf(() => new InternalWebApp(Testing.chart(), 'A', {
      image: 'a:1',
      env: { A: 'x' },
      envVariables: { 'A': kplus.EnvValue.fromValue('y'), '1B': kplus.EnvValue.fromValue('z'), 'C': 'plain' as any },
      command: 'run' as any,
      securityContext: { user: 0 },
      volumeMounts: [{ path: 'relative', volume: {} as any }],
      serviceAccount: 'shop' as any,
      imagePullPolicy: 'sometimes' as any,
    }));
    expect(problems.map((p) => p.field)).toEqual([
      'envVariables.A', 'envVariables.1B', 'envVariables.C', 'command', 'securityContext.user', 'volumeMounts[0].volume', 'serviceAccount', 'imagePullPolicy',
    ]);
    for (const p of problems) {
      expect(p.message).toMatch(/^[a-z]/);
      expect(p.message).not.toMatch(/\.$/);
    }
  });
});

describe('escape hatches take plain values', () => {
  test('a JSON patch of a targetPort and of a memory limit with plain values lands as written', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1', tls: WebTls.none() });

    // WHEN
    app.service.addJsonPatch(JsonPatch.replace('/spec/ports/0/targetPort', 9000));
    app.deployment.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/ports/0/containerPort', 9000));
    app.deployment.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/resources/limits/memory', '512Mi'));
    app.ingress!.addJsonPatch(JsonPatch.add('/spec/rules/0/http/paths/0/backend/service/port', { number: 80 }));
    const manifests = Testing.synth(chart);

    // THEN
    expect(byKind(manifests, 'Service')[0].spec.ports[0].targetPort).toBe(9000);
    expect(byKind(manifests, 'Deployment')[0].spec.template.spec.containers[0].resources.limits).toEqual({ cpu: '1500m', memory: '512Mi' });
    expect(byKind(manifests, 'Ingress')[0].spec.rules[0].http.paths[0].backend.service.port).toEqual({ number: 80 });
  });

  test('the Ingress refers to the Service port by name: a new port number keeps the route', () => {
    const chart = Testing.chart();
    new PublicWebApp(chart, 'Shop', { name: 'shop', image: 'shop:1', port: 8000, tls: WebTls.none() });
    const manifests = Testing.synth(chart);
    expect(byKind(manifests, 'Ingress')[0].spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'shop', port: { name: 'http' } });
    expect(byKind(manifests, 'Service')[0].spec.ports).toEqual([{ name: 'http', port: 8000, targetPort: 8080 }]);
  });
});

test('problems are ValidationErrors', () => {
  expect(() => new InternalWebApp(Testing.chart(), 'A', { image: 'a:1', labels: 'x' as any })).toThrow(ValidationError);
});

test('resources of the wrong type are problems of the prop, not a TypeError at synth', () => {
  const problems = problemsOf(() => new InternalWebApp(Testing.chart(), 'A', {
    image: 'a:1',
    resources: { cpu: { limit: '500m' as any }, memory: { limit: 512 as any } },
  }));
  expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
    'resources.cpu.limit: must be a `kplus.Cpu` such as kplus.Cpu.millis(250)',
    'resources.memory.limit: must be a `Size` such as Size.mebibytes(512)',
  ]);
});
