import { Chart, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IWebBackend, WebBackendConfig } from './web-backend';
import { KubeName } from '../net/names';
import { PortRules, Protocol, TargetPort } from '../net/port';
import { ServiceDnsNames } from '../net/service-dns';
import { ResolvedServicePort, ServicePortOptions, resolveServicePorts } from '../net/service-port';
import { Problems } from '../validation/_problems';
import { underSafetyNet } from '../validation/_safety-net';
import { ValidationProblem } from '../validation/validation-error';

/**
 * Properties of an `InternalWebApp`.
 */
export interface InternalWebAppProps {
  /**
   * The container image, such as 'nginxdemos/hello:0.4' or 'registry.example.com/shop:1.4'.
   */
  readonly image: string;

  /**
   * The number of pods.
   *
   * @default 2
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
   */
  readonly replicas?: number;

  /**
   * The port the container listens on.
   *
   * @default 8080
   */
  readonly containerPort?: number;

  /**
   * The port the Service listens on: clients connect to `<service>:<port>`.
   *
   * @default 80
   */
  readonly port?: number;

  /**
   * The name of the Service port and of the container port (an IANA service name). Ingress
   * backends and EndpointSlices refer to the port by this name.
   *
   * @default 'http'
   */
  readonly portName?: string;

  /**
   * More Service ports, for example a metrics port. Each must have a name, and its
   * `targetPort` must be a port that a container of the Deployment exposes
   * (see `additionalContainerPorts`).
   *
   * @default - none
   */
  readonly additionalPorts?: ServicePortOptions[];

  /**
   * More ports the container exposes, for the `additionalPorts` to forward to.
   *
   * @default - none
   */
  readonly additionalContainerPorts?: kplus.ContainerPort[];

  /**
   * Environment variables of the container.
   *
   * @default - none
   */
  readonly env?: { [name: string]: string };

  /**
   * When the container is ready to receive traffic.
   *
   * @default - no readiness probe
   * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes
   */
  readonly readiness?: kplus.Probe;

  /**
   * When the container must be restarted.
   *
   * @default - no liveness probe
   */
  readonly liveness?: kplus.Probe;

  /**
   * When the container has started.
   *
   * @default - no startup probe
   */
  readonly startup?: kplus.Probe;

  /**
   * The cluster's DNS domain, for `dnsNames`.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/**
 * The extra settings of the Service of a web app, chosen by its exposure.
 * @internal
 */
export interface WebServiceShape {
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly nodePort?: number;
  readonly externalIPs?: string[];
  readonly loadBalancerSourceRanges?: string[];
  readonly externalTrafficPolicy?: string;
  readonly loadBalancerClass?: string;
  readonly annotations?: { [key: string]: any };
}

/**
 * A web workload that only other pods reach: a Deployment and a ClusterIP Service with a
 * named port (by default `http`, port 80 to container port 8080), found by its DNS names
 * from any namespace.
 *
 * It is an Ingress backend (`IWebBackend`) for `PublicWebApp` routes.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export class InternalWebApp extends Construct implements IWebBackend {
  /**
   * The Deployment (cdk8s-plus).
   */
  public readonly deployment: kplus.Deployment;

  /**
   * The Service (L1 object).
   */
  public readonly service: kplus.k8s.KubeService;

  /**
   * The container that runs the image.
   */
  public readonly container: kplus.Container;

  /**
   * The Service port clients connect to.
   */
  public readonly port: number;

  /**
   * The name of the Service port and container port.
   */
  public readonly portName: string;

  /**
   * The port the container listens on.
   */
  public readonly containerPort: number;

  /**
   * The DNS names of the Service: `shortName` from the same namespace, `namespacedName` from
   * any namespace, `fqdn` fully qualified.
   */
  public readonly dnsNames: ServiceDnsNames;

  private readonly servicePorts: ResolvedServicePort[];

  public constructor(scope: Construct, id: string, props: InternalWebAppProps) {
    super(scope, id);
    const problems = new Problems(this.node.path);
    const p: InternalWebAppProps = props ?? ({} as InternalWebAppProps);
    if (typeof p.image !== 'string' || p.image.trim().length === 0) {
      problems.add('image', p.image, 'must be a container image reference such as \'nginxdemos/hello:0.4\'');
    } else if (/\s/.test(p.image)) {
      problems.add('image', p.image, 'must not contain white space');
    }
    const replicas = p.replicas ?? 2;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      problems.add('replicas', replicas, 'must be a whole number of 0 or more');
    }
    this.containerPort = p.containerPort ?? 8080;
    this.port = p.port ?? 80;
    this.portName = p.portName ?? 'http';
    problems.addEach('containerPort', this.containerPort, PortRules.portNumberErrors(this.containerPort));
    problems.addEach('port', this.port, PortRules.portNumberErrors(this.port));
    problems.addEach('portName', this.portName, KubeName.ianaSvcNameErrors(this.portName));
    const additional = resolveServicePorts(p.additionalPorts ?? [], problems, 'additionalPorts', (_port, i) => `port-${i + 1}`);
    additional.forEach((a, i) => {
      if (a.name === this.portName) {
        problems.add(`additionalPorts[${i}].name`, a.name, `must differ from \`portName\` ('${this.portName}')`, 'give each port its own name');
      }
      if (a.port === this.port && a.protocol === Protocol.TCP) {
        problems.add(`additionalPorts[${i}].port`, a.port, `must differ from \`port\` (${this.port}/TCP)`, 'use another port number');
      }
    });
    const containerPorts = new Set<string>([`${this.containerPort}/TCP`]);
    (p.additionalContainerPorts ?? []).forEach((c, i) => {
      problems.addEach(`additionalContainerPorts[${i}].number`, c?.number, PortRules.portNumberErrors(c?.number));
      const key = `${c?.number}/${c?.protocol ?? 'TCP'}`;
      if (containerPorts.has(key)) {
        problems.add(`additionalContainerPorts[${i}].number`, c?.number, `must not repeat a container port (${key} is already exposed)`);
      }
      containerPorts.add(key);
      if (c?.name !== undefined) {
        problems.addEach(`additionalContainerPorts[${i}].name`, c.name, KubeName.ianaSvcNameErrors(c.name));
      }
    });
    for (const [name, value] of Object.entries(p.env ?? {})) {
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) {
        problems.add(`env.${name}`, name, 'must be an environment variable name: letters, digits, \'_\', \'-\' and \'.\', not starting with a digit');
      }
      if (typeof value !== 'string') {
        problems.add(`env.${name}`, value, 'must be a string');
      }
    }
    let dnsNames: ServiceDnsNames | undefined;
    try {
      dnsNames = ServiceDnsNames.of({ serviceName: 'placeholder', namespace: Chart.of(this).namespace, clusterDomain: p.clusterDomain });
    } catch (e: any) {
      problems.addNested('', (e.problems ?? []) as ValidationProblem[]);
    }
    this._validateMore(props, problems);
    problems.throwIfAny();

    this.deployment = new kplus.Deployment(this, 'Deployment', { replicas });
    this.container = this.deployment.addContainer({
      name: 'web',
      image: p.image,
      ports: [{ number: this.containerPort, name: this.portName }, ...(p.additionalContainerPorts ?? [])],
      envVariables: Object.fromEntries(Object.entries(p.env ?? {}).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)])),
      readiness: p.readiness,
      liveness: p.liveness,
      startup: p.startup,
    });
    this.servicePorts = [
      { name: this.portName, port: this.port, targetPort: TargetPort.number(this.containerPort), protocol: Protocol.TCP },
      ...additional,
    ];
    const shape = this._serviceShape(props);
    this.service = new kplus.k8s.KubeService(this, 'Service', {
      metadata: shape.annotations ? { annotations: shape.annotations } : undefined,
      spec: Lazy.any({ produce: () => this.serviceSpec(shape) }),
    });
    this.dnsNames = ServiceDnsNames.of({
      serviceName: this.service.name,
      namespace: dnsNames?.namespace,
      clusterDomain: dnsNames?.clusterDomain,
    });
    underSafetyNet(this, () => this.targetPortProblems());
  }

  /**
   * The Service name.
   */
  public get serviceName(): string {
    return this.service.name;
  }

  /**
   * Routes to this app's Service, on its main port.
   */
  public toWebBackendConfig(): WebBackendConfig {
    return {
      serviceName: this.service.name,
      portNumber: this.port,
      exposedPortNumbers: this.servicePorts.map((p) => p.port),
      exposedPortNames: this.servicePorts.map((p) => p.name),
    };
  }

  /**
   * Validates the props of a subclass into `problems`, before anything is built.
   * @internal
   */
  protected _validateMore(props: InternalWebAppProps, problems: Problems): void {
    void props;
    void problems;
  }

  /**
   * The Service settings chosen by a subclass.
   * @internal
   */
  protected _serviceShape(props: InternalWebAppProps): WebServiceShape {
    void props;
    return { type: 'ClusterIP' };
  }

  private serviceSpec(shape: WebServiceShape): any {
    return {
      type: shape.type,
      selector: this.deployment.matchLabels,
      ports: this.servicePorts.map((p, i) => ({
        name: p.name,
        port: p.port,
        targetPort: toIntOrString(p.targetPort),
        protocol: p.protocol,
        appProtocol: p.appProtocol,
        nodePort: i === 0 ? shape.nodePort : undefined,
      })),
      externalIPs: shape.externalIPs,
      loadBalancerSourceRanges: shape.loadBalancerSourceRanges,
      externalTrafficPolicy: shape.externalTrafficPolicy,
      loadBalancerClass: shape.loadBalancerClass,
    };
  }

  /** Every Service targetPort must be a port (by number or name) of a container of the Deployment. */
  private targetPortProblems(): ValidationProblem[] {
    const problems = new Problems(this.node.path);
    const numbers = new Set<number>();
    const names = new Set<string>();
    for (const c of this.deployment.containers) {
      for (const port of c.ports) {
        numbers.add(port.number);
        if (port.name) {
          names.add(port.name);
        }
      }
    }
    this.servicePorts.slice(1).forEach((p, i) => {
      const t = p.targetPort;
      const found = t.portName !== undefined ? names.has(t.portName) : numbers.has(t.portNumber as number);
      if (!found) {
        const exposed = [...numbers].map(String).concat([...names].map((n) => `'${n}'`)).join(', ');
        problems.add(`additionalPorts[${i}].targetPort`, t.value,
          `must be a port that a container of the Deployment exposes (${exposed || 'none'})`,
          'add it to `additionalContainerPorts` or point the Service port at an exposed one');
      }
    });
    return problems.items;
  }
}

function toIntOrString(t: TargetPort): kplus.k8s.IntOrString {
  return t.portName !== undefined
    ? kplus.k8s.IntOrString.fromString(t.portName)
    : kplus.k8s.IntOrString.fromNumber(t.portNumber as number);
}
