// Internal: the Deployment and Service of a web app, shared by InternalWebApp and PublicWebApp
// (both compose it; neither extends the other). Not exported by the folder's index, so not part
// of the package's API.
import { ApiObject, Chart, Lazy, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { listProp } from './_rules';
import type { InternalWebAppProps } from './internal-web-app-props';
import type { WebBackendConfig } from './web-backend-config';
import { Problems } from '../core/problems';
import { ValidationProblem } from '../core/validation-error';
import { INSTANCE_LABEL, MANAGED_BY_LABEL, NAME_LABEL, PART_OF_LABEL, appLabelsOf, checkLabels, checkPartOf, selectorLabelsOf } from '../net/labels';
import { KubeName } from '../net/names';
import { PortRules, Protocol } from '../net/port';
import { ResolvedServicePort, resolveServicePorts, servicePortNameErrors, targetPortValue } from '../net/resolve-ports';
import { ServiceDnsNames } from '../net/service-dns';

/** The settings of the Service of a web app that its exposure chooses. */
export interface WebServiceShape {
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly nodePort?: number;
  readonly externalIPs?: string[];
  readonly loadBalancerSourceRanges?: string[];
  readonly externalTrafficPolicy?: string;
  readonly loadBalancerClass?: string;
  readonly annotations?: { [key: string]: any };
}

/** The common props of a web app, validated: what `buildWebWorkload` builds from. */
export interface WebWorkloadPlan {
  /** The app's name when the user named it (`name`, else `serviceName`). */
  readonly name?: string;
  readonly serviceName?: string;
  readonly partOf?: string;
  readonly labels: { [key: string]: string };
  readonly selectorLabels?: { [key: string]: string };
  readonly container: kplus.Container;
  /** Whether the user chose the image pull policy (else Kubernetes' own rule applies). */
  readonly imagePullPolicySet: boolean;
  readonly replicas: number;
  readonly containerPort: number;
  readonly port: number;
  readonly portName: string;
  readonly additionalPorts: ResolvedServicePort[];
  readonly serviceAccountName?: string;
  readonly automountServiceAccountToken: boolean;
  readonly namespace?: string;
  readonly clusterDomain?: string;
}

/** What `buildWebWorkload` wrote. */
export interface WebWorkload {
  readonly name: string;
  readonly named: boolean;
  readonly partOf?: string;
  readonly labels: { [key: string]: string };
  readonly container: kplus.Container;
  readonly deployment: ApiObject;
  readonly service: ApiObject;
  readonly port: number;
  readonly portName: string;
  readonly containerPort: number;
  readonly dnsNames: ServiceDnsNames;
  readonly selector: { [key: string]: string };
  readonly servicePorts: ResolvedServicePort[];
}

/** The name of the app's container. */
export const CONTAINER_NAME = 'web';

/** The labels the construct writes itself: users cannot set them in `labels`. */
const RESERVED_LABELS = [NAME_LABEL, INSTANCE_LABEL, MANAGED_BY_LABEL, PART_OF_LABEL];

const PROBE_FIX = 'use kplus.Probe.fromHttpGet(\'/healthz\'), kplus.Probe.fromTcpSocket() or kplus.Probe.fromCommand([...])';
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE = 'must be an environment variable name: letters, digits, \'_\', \'-\' and \'.\', not starting with a digit';

/**
 * Validates the props every web app has into `problems` (the caller adds its own, then throws).
 *
 * @param scope the app (for its chart's namespace, and as the scope of its /tmp volume)
 */
export function planWebWorkload(scope: Construct, props: InternalWebAppProps, problems: Problems): WebWorkloadPlan {
  const p: InternalWebAppProps = props !== null && typeof props === 'object' ? props : ({} as InternalWebAppProps);
  if (typeof p.image !== 'string' || p.image.trim().length === 0) {
    problems.add('image', p.image, 'must be a container image reference such as \'nginxinc/nginx-unprivileged:1.25\'');
  } else if (/\s/.test(p.image)) {
    problems.add('image', p.image, 'must not contain white space');
  }
  if (p.name !== undefined) {
    problems.addEach('name', p.name, KubeName.dns1035LabelErrors(p.name), 'name the app like a Service: lower-case letters, digits and \'-\', starting with a letter');
  }
  if (p.serviceName !== undefined) {
    problems.addEach('serviceName', p.serviceName, KubeName.dns1035LabelErrors(p.serviceName));
  }
  checkPartOf(problems, p.partOf);
  const labels = checkLabels(problems, 'labels', p.labels, RESERVED_LABELS);
  let selectorLabels: { [key: string]: string } | undefined;
  if (p.selectorLabels !== undefined) {
    selectorLabels = checkLabels(problems, 'selectorLabels', p.selectorLabels, []);
    if (Object.keys(selectorLabels).length === 0 && p.selectorLabels !== null && typeof p.selectorLabels === 'object') {
      problems.add('selectorLabels', p.selectorLabels, 'must not be empty: an empty selector selects every pod of the namespace', 'leave it out to select by the recommended labels');
    }
  }
  const replicas = p.replicas ?? 2;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    problems.add('replicas', replicas, 'must be a whole number of 0 or more');
  }
  const containerPort = p.containerPort ?? 8080;
  const port = p.port ?? 80;
  const portName = p.portName ?? 'http';
  problems.addEach('containerPort', containerPort, PortRules.portNumberErrors(containerPort));
  problems.addEach('port', port, PortRules.portNumberErrors(port));
  // A Service port name (a DNS-1123 label), not a container port name: the container's port
  // has no name.
  problems.addEach('portName', portName, servicePortNameErrors(portName));
  const additional = resolveServicePorts(listProp(problems, 'additionalPorts', p.additionalPorts), problems, 'additionalPorts', (_port, i) => `port-${i + 1}`);
  additional.forEach((a, i) => {
    if (a.name === portName) {
      problems.add(`additionalPorts[${i}].name`, a.name, `must differ from \`portName\` ('${portName}')`, 'give each port its own name');
    }
    if (a.port === port && a.protocol === Protocol.TCP) {
      problems.add(`additionalPorts[${i}].port`, a.port, `must differ from \`port\` (${port}/TCP)`, 'use another port number');
    }
  });
  const containerPorts = new Set<string>([`${containerPort}/TCP`]);
  const containerPortNames = new Set<string>();
  const additionalContainerPorts = listProp(problems, 'additionalContainerPorts', p.additionalContainerPorts);
  let containerPortsValid = true;
  additionalContainerPorts.forEach((c, i) => {
    const numberErrors = PortRules.portNumberErrors(c?.number);
    problems.addEach(`additionalContainerPorts[${i}].number`, c?.number, numberErrors);
    const key = `${c?.number}/${c?.protocol ?? 'TCP'}`;
    if (containerPorts.has(key)) {
      problems.add(`additionalContainerPorts[${i}].number`, c?.number, `must not repeat a container port (${key} is already exposed)`);
    }
    containerPortsValid = containerPortsValid && numberErrors.length === 0 && !containerPorts.has(key);
    containerPorts.add(key);
    if (c?.name !== undefined) {
      // A container port name is an IANA service name (kubernetes pkg/apis/core/validation:
      // ContainerPort.name is an IANA_SVC_NAME, at most 15 characters).
      problems.addEach(`additionalContainerPorts[${i}].name`, c.name, KubeName.ianaSvcNameErrors(c.name));
      // the API server refuses two container ports of one name
      if (containerPortNames.has(c.name)) {
        problems.add(`additionalContainerPorts[${i}].name`, c.name, 'must not repeat the name of another container port', 'give each container port its own name');
        containerPortsValid = false;
      }
      containerPortNames.add(c.name);
    }
  });
  const envVariables = envOf(problems, p);
  const readiness = probeOf(problems, 'readiness', p.readiness, containerPort);
  const liveness = probeOf(problems, 'liveness', p.liveness, containerPort);
  const startup = probeOf(problems, 'startup', p.startup, containerPort);
  for (const key of ['command', 'args'] as const) {
    const list = p[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))) {
      problems.add(key, list, 'must be a list of strings', key === 'command' ? 'e.g. [\'/app/server\', \'--listen=:8080\']' : 'e.g. [\'--verbose\']');
    }
  }
  checkResources(problems, p.resources);
  const securityContext = objectProp(problems, 'securityContext', p.securityContext);
  for (const key of ['ensureNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'privileged'] as const) {
    const v = (securityContext as any)?.[key];
    if (v !== undefined && typeof v !== 'boolean') {
      problems.add(`securityContext.${key}`, v, 'must be true or false');
    }
  }
  for (const key of ['user', 'group'] as const) {
    const v = (securityContext as any)?.[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      problems.add(`securityContext.${key}`, v, 'must be a whole number of 0 or more (a numeric user or group id)');
    }
  }
  if (securityContext?.ensureNonRoot !== false && securityContext?.user === 0) {
    problems.add('securityContext.user', 0, 'must not be 0 (root) while `ensureNonRoot` is on: the kubelet refuses to start the container',
      'run as another user id, or set `ensureNonRoot: false` if the image must run as root');
  }
  if (p.tmpVolume !== undefined && typeof p.tmpVolume !== 'boolean') {
    problems.add('tmpVolume', p.tmpVolume, 'must be true or false');
  }
  const mounts = listProp(problems, 'volumeMounts', p.volumeMounts);
  const volumesByName = new Map<string, kplus.Volume>();
  mounts.forEach((m, i) => {
    if (m === null || typeof m !== 'object' || !(m.volume instanceof kplus.Volume)) {
      problems.add(`volumeMounts[${i}].volume`, (m as any)?.volume, 'must be a cdk8s-plus `Volume`', 'e.g. kplus.Volume.fromConfigMap(this, \'Config\', configMap)');
      return;
    }
    if (typeof m.path !== 'string' || !m.path.startsWith('/')) {
      problems.add(`volumeMounts[${i}].path`, m.path, 'must be an absolute path such as \'/etc/app\'');
    }
    const other = volumesByName.get(m.volume.name);
    if (other !== undefined && other !== m.volume) {
      problems.add(`volumeMounts[${i}].volume`, m.volume.name, 'must not share its name with another volume', 'give each volume its own name');
    }
    volumesByName.set(m.volume.name, m.volume);
  });
  const readOnlyRoot = securityContext?.readOnlyRootFilesystem ?? true;
  const wantsTmp = (p.tmpVolume ?? true) && readOnlyRoot && !mounts.some((m) => m?.path === '/tmp');
  if (wantsTmp && volumesByName.has('tmp')) {
    problems.add('volumeMounts', 'tmp', 'must not name a volume \'tmp\' while `tmpVolume` is on: that is the name of the writable /tmp volume', 'rename the volume, mount it at /tmp yourself, or set `tmpVolume: false`');
  }
  const sa = p.serviceAccount;
  if (sa !== undefined && (sa === null || typeof sa !== 'object' || typeof sa.name !== 'string')) {
    problems.add('serviceAccount', sa, 'must be a cdk8s-plus `IServiceAccount`', 'e.g. kplus.ServiceAccount.fromServiceAccountName(this, \'Sa\', \'shop\')');
  }
  if (p.automountServiceAccountToken !== undefined && typeof p.automountServiceAccountToken !== 'boolean') {
    problems.add('automountServiceAccountToken', p.automountServiceAccountToken, 'must be true or false');
  }
  if (p.imagePullPolicy !== undefined && !Object.values(kplus.ImagePullPolicy).includes(p.imagePullPolicy)) {
    problems.add('imagePullPolicy', p.imagePullPolicy, 'must be \'Always\', \'IfNotPresent\' or \'Never\'');
  }
  let dnsNames: ServiceDnsNames | undefined;
  try {
    dnsNames = ServiceDnsNames.of({ serviceName: 'placeholder', namespace: Chart.of(scope).namespace, clusterDomain: p.clusterDomain });
  } catch (e: any) {
    // each under its own field ('clusterDomain', or 'namespace' of the chart)
    problems.adopt((e.problems ?? []) as ValidationProblem[]);
  }
  let container: kplus.Container | undefined;
  if (problems.empty && containerPortsValid) {
    try {
      container = new kplus.Container({
        name: CONTAINER_NAME,
        image: p.image,
        imagePullPolicy: p.imagePullPolicy,
        portNumber: containerPort,
        ports: additionalContainerPorts,
        command: p.command,
        args: p.args,
        envVariables,
        envFrom: p.envFrom,
        readiness: p.readiness && readiness ? p.readiness : undefined,
        liveness: p.liveness && liveness ? p.liveness : undefined,
        startup: p.startup && startup ? p.startup : undefined,
        resources: p.resources,
        securityContext,
        volumeMounts: mounts,
      });
      if (wantsTmp) {
        container.mount('/tmp', kplus.Volume.fromEmptyDir(scope, 'TmpVolume', 'tmp'));
      }
    } catch (e) {
      problems.add('image', undefined, `must make a container cdk8s-plus accepts: ${String((e as Error)?.message ?? e).toLowerCase()}`);
    }
  }
  return {
    name: p.name ?? p.serviceName,
    serviceName: p.serviceName ?? p.name,
    partOf: p.partOf,
    labels,
    selectorLabels,
    container: container as kplus.Container,
    imagePullPolicySet: p.imagePullPolicy !== undefined,
    replicas,
    containerPort,
    port,
    portName,
    additionalPorts: additional,
    serviceAccountName: sa?.name,
    automountServiceAccountToken: p.automountServiceAccountToken ?? false,
    namespace: dnsNames?.namespace,
    clusterDomain: dnsNames?.clusterDomain,
  };
}

/** The environment of the container: `env` (plain values) and `envVariables`, without a name twice. */
function envOf(problems: Problems, p: InternalWebAppProps): { [name: string]: kplus.EnvValue } {
  const out: { [name: string]: kplus.EnvValue } = {};
  const env = objectProp(problems, 'env', p.env) ?? {};
  for (const [name, value] of Object.entries(env)) {
    if (!ENV_NAME.test(name)) {
      problems.add(`env.${name}`, name, ENV_NAME_MESSAGE);
    }
    if (typeof value !== 'string') {
      problems.add(`env.${name}`, value, 'must be a string', 'for a value from a Secret or ConfigMap use `envVariables` with kplus.EnvValue.fromSecretValue(...)');
    } else {
      out[name] = kplus.EnvValue.fromValue(value);
    }
  }
  const variables = objectProp(problems, 'envVariables', p.envVariables) ?? {};
  for (const [name, value] of Object.entries(variables)) {
    if (!ENV_NAME.test(name)) {
      problems.add(`envVariables.${name}`, name, ENV_NAME_MESSAGE);
    }
    if (!(value instanceof kplus.EnvValue)) {
      problems.add(`envVariables.${name}`, value, 'must be a cdk8s-plus `EnvValue`', 'e.g. kplus.EnvValue.fromSecretValue({ secret, key: \'password\' }) or kplus.EnvValue.fromValue(\'text\')');
    }
    if (name in out) {
      problems.add(`envVariables.${name}`, name, 'must not repeat a variable of `env`', 'set each variable once');
    }
    out[name] = value;
  }
  if (p.envFrom !== undefined && (!Array.isArray(p.envFrom) || p.envFrom.some((s) => !(s instanceof kplus.EnvFrom)))) {
    problems.add('envFrom', p.envFrom, 'must be a list of cdk8s-plus `EnvFrom`', 'e.g. [kplus.Env.fromConfigMap(configMap)]');
  }
  return out;
}

/**
 * Checks `resources` into `problems`: CPU amounts are `kplus.Cpu`s, memory and ephemeral storage
 * `Size`s (cdk8s-plus renders them by calling their methods, so anything else would be a
 * TypeError at synth).
 */
function checkResources(problems: Problems, resources: kplus.ContainerResources | undefined): void {
  const r = objectProp(problems, 'resources', resources);
  if (r === undefined) {
    return;
  }
  const kinds: [keyof kplus.ContainerResources, (x: unknown) => boolean, string][] = [
    ['cpu', (x) => x instanceof kplus.Cpu, 'a `kplus.Cpu` such as kplus.Cpu.millis(250)'],
    ['memory', (x) => x instanceof Size, 'a `Size` such as Size.mebibytes(512)'],
    ['ephemeralStorage', (x) => x instanceof Size, 'a `Size` such as Size.gibibytes(1)'],
  ];
  for (const [key, ok, what] of kinds) {
    const limits = objectProp(problems, `resources.${key}`, (r as any)[key]);
    for (const bound of ['request', 'limit']) {
      const value = (limits as any)?.[bound];
      if (value !== undefined && !ok(value)) {
        problems.add(`resources.${key}.${bound}`, value, `must be ${what}`);
      }
    }
  }
}

/** A prop that must be a plain object (a map or a struct), or undefined after a problem. */
function objectProp<T>(problems: Problems, field: string, value: T | undefined): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.add(field, value, 'must be an object');
    return undefined;
  }
  return value;
}

/**
 * Writes the Deployment (scope `Deployment`, object `Resource`) and the Service (`Service`) of
 * a web app under `scope`, from a plan without problems.
 *
 * Both are plain `ApiObject`s whose JSON is plain values, so that a JSON patch such as
 * `JsonPatch.replace('/spec/ports/0/targetPort', 9000)` lands as written (an L1 object such as
 * `KubeService` maps its JSON after the patches and drops plain values of IntOrString and
 * Quantity fields).
 */
export function buildWebWorkload(scope: Construct, plan: WebWorkloadPlan, shape: WebServiceShape): WebWorkload {
  // The scope construct keeps the object's path, and so its generated name, what it always was.
  const workload = new Construct(scope, 'Deployment');
  const container = plan.container;
  // Set below, once the generated name of an unnamed app is known; read at synth.
  let selector: { [key: string]: string } = {};
  let podLabels: { [key: string]: string } = {};
  const deployment = new ApiObject(workload, 'Resource', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: plan.name !== undefined ? { name: plan.name } : {},
    spec: Lazy.any({
      produce: () => ({
        replicas: plan.replicas,
        selector: { matchLabels: { ...selector } },
        template: {
          metadata: { labels: { ...podLabels } },
          spec: podSpec(plan, container),
        },
      }),
    }),
  });
  // A named app takes every name from its name; an unnamed one keeps the generated names, and
  // its labels the generated name of its Deployment.
  const name = plan.name ?? deployment.name;
  const labels = { ...plan.labels, ...appLabelsOf(name, plan.partOf) };
  selector = plan.selectorLabels ?? selectorLabelsOf(name);
  podLabels = { ...plan.labels, ...selector, ...appLabelsOf(name, plan.partOf) };
  for (const [k, v] of Object.entries(labels)) {
    deployment.metadata.addLabel(k, v);
  }
  const servicePorts: ResolvedServicePort[] = [
    { name: plan.portName, port: plan.port, targetPort: plan.containerPort, protocol: Protocol.TCP },
    ...plan.additionalPorts,
  ];
  const service = new ApiObject(scope, 'Service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      ...(plan.serviceName !== undefined ? { name: plan.serviceName } : {}),
      labels,
      ...(shape.annotations !== undefined ? { annotations: shape.annotations } : {}),
    },
    spec: {
      // ClusterIP is the server's default type: written only when it is another
      type: shape.type === 'ClusterIP' ? undefined : shape.type,
      selector,
      ports: servicePorts.map((p, i) => ({
        name: p.name,
        port: p.port,
        targetPort: targetPortValue(p),
        // TCP is the server's default protocol
        protocol: p.protocol === Protocol.TCP ? undefined : p.protocol,
        appProtocol: p.appProtocol,
        nodePort: i === 0 ? shape.nodePort : undefined,
      })),
      externalIPs: shape.externalIPs,
      loadBalancerSourceRanges: shape.loadBalancerSourceRanges,
      externalTrafficPolicy: shape.externalTrafficPolicy,
      loadBalancerClass: shape.loadBalancerClass,
    },
  });
  const dnsNames = ServiceDnsNames.of({ serviceName: service.name, namespace: plan.namespace, clusterDomain: plan.clusterDomain });
  return {
    name,
    named: plan.name !== undefined,
    partOf: plan.partOf,
    labels,
    container,
    deployment,
    service,
    port: plan.port,
    portName: plan.portName,
    containerPort: plan.containerPort,
    dnsNames,
    selector,
    servicePorts,
  };
}

/**
 * The pod spec: the container as cdk8s-plus renders it, as plain JSON, without the fields that
 * only restate what the API server sets anyway, and the volumes its mounts use. Rendered at
 * synth, so that what is added to `container` later (a variable, a mount, a port) counts.
 */
function podSpec(plan: WebWorkloadPlan, container: kplus.Container): any {
  const rendered: any = kplus.k8s.toJson_Container(container._toKube());
  if (!plan.imagePullPolicySet) {
    // Kubernetes' own rule applies: Always for ':latest' or no tag, IfNotPresent otherwise.
    delete rendered.imagePullPolicy;
  }
  if (rendered.securityContext?.privileged === false) {
    delete rendered.securityContext.privileged;
  }
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    dropProbeDefaults(rendered[probe]);
  }
  const volumes = new Map<string, any>();
  for (const mount of container.mounts) {
    if (!volumes.has(mount.volume.name)) {
      volumes.set(mount.volume.name, kplus.k8s.toJson_Volume(mount.volume._toKube()));
    }
  }
  return {
    serviceAccountName: plan.serviceAccountName,
    automountServiceAccountToken: plan.automountServiceAccountToken,
    containers: [rendered],
    volumes: volumes.size > 0 ? [...volumes.values()] : undefined,
  };
}

/** The values the API server gives a probe's timing fields when they are left out. */
const PROBE_DEFAULTS: { [field: string]: number } = {
  initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
};

/** Drops the timing fields of a rendered probe that restate the API server's defaults. */
function dropProbeDefaults(probe: any): void {
  if (probe === undefined || probe === null) {
    return;
  }
  for (const [field, value] of Object.entries(PROBE_DEFAULTS)) {
    if (probe[field] === value) {
      delete probe[field];
    }
  }
}

/** The backend config of a web app: its Service, on its main port, by name. */
export function webBackendConfigOf(w: WebWorkload): WebBackendConfig {
  return {
    serviceName: w.service.name,
    portName: w.portName,
    exposedPortNumbers: w.servicePorts.map((p) => p.port),
    exposedPortNames: w.servicePorts.map((p) => p.name),
  };
}

/**
 * The check of the additional ports at synth: each Service targetPort must be a port (by number
 * or name) of a container of the Deployment. Undefined when there is none to check.
 */
export function targetPortCheck(owner: Construct, w: WebWorkload): (() => ValidationProblem[]) | undefined {
  if (w.servicePorts.length < 2) {
    return undefined;
  }
  return () => {
    const problems = new Problems(owner);
    const numbers = new Set<number>();
    const names = new Set<string>();
    // The rendered Deployment, so that containers added by JSON patches count too.
    const rendered = w.deployment.toJson();
    for (const c of rendered?.spec?.template?.spec?.containers ?? []) {
      for (const port of c?.ports ?? []) {
        numbers.add(port?.containerPort);
        if (port?.name) {
          names.add(port.name);
        }
      }
    }
    w.servicePorts.slice(1).forEach((p, i) => {
      const found = p.targetPortName !== undefined ? names.has(p.targetPortName) : numbers.has(p.targetPort as number);
      if (!found) {
        const exposed = [...numbers].map(String).concat([...names].map((n) => `'${n}'`)).join(', ');
        problems.add(`additionalPorts[${i}].${p.targetPortName !== undefined ? 'targetPortName' : 'targetPort'}`, targetPortValue(p),
          `must be a port that a container of the Deployment exposes (${exposed || 'none'})`,
          'add it to `additionalContainerPorts` or point the Service port at an exposed one');
      }
    });
    return problems.items;
  };
}

/**
 * Checks a probe into `problems`: true when it is a cdk8s-plus probe that renders. JavaScript
 * callers can pass anything (`{ port: 80 }`): that is a problem of the field, never a TypeError.
 */
function probeOf(problems: Problems, field: string, probe: kplus.Probe | undefined, containerPort: number): boolean {
  if (probe === undefined) {
    return true;
  }
  // cdk8s-plus keeps a probe's settings private and renders it for a container: the only thing
  // it reads of the container is its port.
  const render = (probe as any)?._toKube;
  if (!(probe instanceof kplus.Probe) || typeof render !== 'function') {
    problems.add(field, probe, 'must be a cdk8s-plus `Probe`', PROBE_FIX);
    return false;
  }
  try {
    render.call(probe, { portNumber: containerPort });
    return true;
  } catch (e) {
    problems.add(field, undefined, `must be a probe cdk8s-plus can render: ${String((e as Error)?.message ?? e).toLowerCase()}`, PROBE_FIX);
    return false;
  }
}
