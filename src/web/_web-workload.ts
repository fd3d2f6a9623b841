// Internal: the Deployment and Service of a web app, shared by InternalWebApp and PublicWebApp
// (both compose it; neither extends the other). Not exported by the folder's index, so not part
// of the package's API.
import { Chart, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { listProp } from './_rules';
import type { InternalWebAppProps } from './internal-web-app';
import type { WebBackendConfig } from './web-backend';
import { ResolvedServicePort, resolveServicePorts, servicePortNameErrors, targetPortValue } from '../net/_service-port';
import { KubeName } from '../net/names';
import { PortRules, Protocol } from '../net/port';
import { ServiceDnsNames } from '../net/service-dns';
import { Problems } from '../validation/_problems';
import { ValidationProblem } from '../validation/validation-error';

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
  readonly image: string;
  readonly serviceName?: string;
  readonly replicas: number;
  readonly containerPort: number;
  readonly port: number;
  readonly portName: string;
  readonly additionalPorts: ResolvedServicePort[];
  readonly additionalContainerPorts: kplus.ContainerPort[];
  readonly env: { [name: string]: string };
  readonly readiness?: kplus.k8s.Probe;
  readonly liveness?: kplus.k8s.Probe;
  readonly startup: kplus.k8s.Probe;
  readonly namespace?: string;
  readonly clusterDomain?: string;
}

/** What `buildWebWorkload` wrote. */
export interface WebWorkload {
  readonly deployment: kplus.k8s.KubeDeployment;
  readonly service: kplus.k8s.KubeService;
  readonly port: number;
  readonly portName: string;
  readonly containerPort: number;
  readonly dnsNames: ServiceDnsNames;
  readonly podLabels: { [key: string]: string };
  readonly servicePorts: ResolvedServicePort[];
}

const PROBE_FIX = 'use kplus.Probe.fromHttpGet(\'/healthz\'), kplus.Probe.fromTcpSocket() or kplus.Probe.fromCommand([...])';

/**
 * Validates the props every web app has into `problems` (the caller adds its own, then throws).
 *
 * @param scope the app (for its chart's namespace)
 */
export function planWebWorkload(scope: Construct, props: InternalWebAppProps, problems: Problems): WebWorkloadPlan {
  const p: InternalWebAppProps = props !== null && typeof props === 'object' ? props : ({} as InternalWebAppProps);
  if (typeof p.image !== 'string' || p.image.trim().length === 0) {
    problems.add('image', p.image, 'must be a container image reference such as \'nginxdemos/hello:0.4\'');
  } else if (/\s/.test(p.image)) {
    problems.add('image', p.image, 'must not contain white space');
  }
  if (p.serviceName !== undefined) {
    problems.addEach('serviceName', p.serviceName, KubeName.dns1035LabelErrors(p.serviceName));
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
  additionalContainerPorts.forEach((c, i) => {
    problems.addEach(`additionalContainerPorts[${i}].number`, c?.number, PortRules.portNumberErrors(c?.number));
    const key = `${c?.number}/${c?.protocol ?? 'TCP'}`;
    if (containerPorts.has(key)) {
      problems.add(`additionalContainerPorts[${i}].number`, c?.number, `must not repeat a container port (${key} is already exposed)`);
    }
    containerPorts.add(key);
    if (c?.name !== undefined) {
      // A container port name is an IANA service name (kubernetes pkg/apis/core/validation:
      // ContainerPort.name is an IANA_SVC_NAME, at most 15 characters).
      problems.addEach(`additionalContainerPorts[${i}].name`, c.name, KubeName.ianaSvcNameErrors(c.name));
      // the API server refuses two container ports of one name
      if (containerPortNames.has(c.name)) {
        problems.add(`additionalContainerPorts[${i}].name`, c.name, 'must not repeat the name of another container port', 'give each container port its own name');
      }
      containerPortNames.add(c.name);
    }
  });
  const env = p.env !== null && typeof p.env === 'object' ? p.env : {};
  if (p.env !== undefined && env !== p.env) {
    problems.add('env', p.env, 'must be a map of names to values');
  }
  for (const [name, value] of Object.entries(env)) {
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
      problems.add(`env.${name}`, name, 'must be an environment variable name: letters, digits, \'_\', \'-\' and \'.\', not starting with a digit');
    }
    if (typeof value !== 'string') {
      problems.add(`env.${name}`, value, 'must be a string');
    }
  }
  const readiness = probeOf(problems, 'readiness', p.readiness, containerPort);
  const liveness = probeOf(problems, 'liveness', p.liveness, containerPort);
  const startup = probeOf(problems, 'startup', p.startup ?? kplus.Probe.fromTcpSocket({ port: containerPort }), containerPort);
  let dnsNames: ServiceDnsNames | undefined;
  try {
    dnsNames = ServiceDnsNames.of({ serviceName: 'placeholder', namespace: Chart.of(scope).namespace, clusterDomain: p.clusterDomain });
  } catch (e: any) {
    // each under its own field ('clusterDomain', or 'namespace' of the chart)
    problems.adopt((e.problems ?? []) as ValidationProblem[]);
  }
  return {
    image: p.image,
    serviceName: p.serviceName,
    replicas,
    containerPort,
    port,
    portName,
    additionalPorts: additional,
    additionalContainerPorts,
    env,
    readiness,
    liveness,
    startup: startup as kplus.k8s.Probe,
    namespace: dnsNames?.namespace,
    clusterDomain: dnsNames?.clusterDomain,
  };
}

/**
 * Writes the Deployment (scope `Deployment`, object `Resource`) and the Service (`Service`) of
 * a web app under `scope`, from a plan without problems.
 */
export function buildWebWorkload(scope: Construct, plan: WebWorkloadPlan, shape: WebServiceShape): WebWorkload {
  // The Deployment is written as an L1 object with the defaults a cdk8s-plus Deployment would
  // write (same YAML, same names and labels): it costs a fraction of a cdk8s-plus Deployment
  // to build and to render, which matters in apps with thousands of web apps. The scope
  // construct keeps the object's path, and so its generated name, what it always was.
  const workload = new Construct(scope, 'Deployment');
  const podLabels = { 'cdk8s.io/metadata.addr': Names.toLabelValue(workload) };
  const env = Object.entries(plan.env);
  const deployment = new kplus.k8s.KubeDeployment(workload, 'Resource', {
    spec: deploymentSpec({
      replicas: plan.replicas,
      matchLabels: podLabels,
      container: {
        name: 'web',
        image: plan.image,
        imagePullPolicy: 'Always',
        ports: [{ containerPort: plan.containerPort }, ...plan.additionalContainerPorts.map(containerPortOf)],
        env: env.length > 0 ? env.map(([name, value]) => ({ name, value })) : undefined,
        readinessProbe: plan.readiness,
        livenessProbe: plan.liveness,
        startupProbe: plan.startup,
        resources: DEFAULT_RESOURCES,
        securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
      },
    }),
  });
  const servicePorts: ResolvedServicePort[] = [
    { name: plan.portName, port: plan.port, targetPort: plan.containerPort, protocol: Protocol.TCP },
    ...plan.additionalPorts,
  ];
  const service = new kplus.k8s.KubeService(scope, 'Service', {
    metadata: {
      ...(plan.serviceName !== undefined ? { name: plan.serviceName } : {}),
      ...(shape.annotations !== undefined ? { annotations: shape.annotations } : {}),
    },
    spec: {
      type: shape.type,
      selector: podLabels,
      ports: servicePorts.map((p, i) => ({
        name: p.name,
        port: p.port,
        targetPort: p.targetPortName !== undefined
          ? kplus.k8s.IntOrString.fromString(p.targetPortName)
          : kplus.k8s.IntOrString.fromNumber(p.targetPort as number),
        protocol: p.protocol,
        appProtocol: p.appProtocol,
        nodePort: i === 0 ? shape.nodePort : undefined,
      })),
      externalIPs: shape.externalIPs,
      loadBalancerSourceRanges: shape.loadBalancerSourceRanges,
      externalTrafficPolicy: shape.externalTrafficPolicy,
      loadBalancerClass: shape.loadBalancerClass,
    } as any,
  });
  const dnsNames = ServiceDnsNames.of({ serviceName: service.name, namespace: plan.namespace, clusterDomain: plan.clusterDomain });
  return { deployment, service, port: plan.port, portName: plan.portName, containerPort: plan.containerPort, dnsNames, podLabels, servicePorts };
}

/** The backend config of a web app: its Service, on its main port. */
export function webBackendConfigOf(w: WebWorkload): WebBackendConfig {
  return {
    serviceName: w.service.name,
    portNumber: w.port,
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

/** The resource requests and limits cdk8s-plus gives a container by default. */
const DEFAULT_RESOURCES: kplus.k8s.ResourceRequirements = {
  limits: { cpu: kplus.k8s.Quantity.fromString('1500m'), memory: kplus.k8s.Quantity.fromString('2048Mi') },
  requests: { cpu: kplus.k8s.Quantity.fromString('1000m'), memory: kplus.k8s.Quantity.fromString('512Mi') },
};

/** The 25% surge and unavailability of a rolling update, the cdk8s-plus default. */
const QUARTER = kplus.k8s.IntOrString.fromString('25%');

/**
 * The spec of a Deployment of one container with the defaults of a cdk8s-plus Deployment:
 * rolling updates, a non-root pod without a service account token, cluster DNS.
 */
function deploymentSpec(options: {
  replicas: number;
  matchLabels: { [key: string]: string };
  container: kplus.k8s.Container;
}): kplus.k8s.DeploymentSpec {
  return {
    minReadySeconds: 0,
    progressDeadlineSeconds: 600,
    replicas: options.replicas,
    selector: { matchLabels: options.matchLabels },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: QUARTER, maxUnavailable: QUARTER } },
    template: {
      metadata: { labels: options.matchLabels },
      spec: {
        automountServiceAccountToken: false,
        containers: [options.container],
        dnsPolicy: 'ClusterFirst',
        hostNetwork: false,
        restartPolicy: 'Always',
        securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
        setHostnameAsFqdn: false,
        terminationGracePeriodSeconds: 30,
      },
    },
  };
}

/** A container port as the Deployment writes it. */
function containerPortOf(port: kplus.ContainerPort): kplus.k8s.ContainerPort {
  return {
    containerPort: port.number,
    protocol: port.protocol,
    name: port.name,
    hostPort: port.hostPort,
    hostIp: port.hostIp,
  };
}

/**
 * A cdk8s-plus probe as the Deployment writes it, or undefined after recording in `problems`
 * why it is not a probe. A probe without a port knocks on the container port, as in a
 * cdk8s-plus container. JavaScript callers can pass anything (`{ port: 80 }`): that is a problem
 * of the field, never a TypeError.
 */
function probeOf(problems: Problems, field: string, probe: kplus.Probe | undefined, containerPort: number): kplus.k8s.Probe | undefined {
  if (probe === undefined) {
    return undefined;
  }
  // cdk8s-plus keeps a probe's settings private and renders it for a container: the only thing
  // it reads of the container is its port.
  const render = (probe as any)?._toKube;
  if (!(probe instanceof kplus.Probe) || typeof render !== 'function') {
    problems.add(field, probe, 'must be a cdk8s-plus `Probe`', PROBE_FIX);
    return undefined;
  }
  try {
    return render.call(probe, { portNumber: containerPort });
  } catch (e) {
    problems.add(field, undefined, `must be a probe cdk8s-plus can render: ${String((e as Error)?.message ?? e).toLowerCase()}`, PROBE_FIX);
    return undefined;
  }
}
