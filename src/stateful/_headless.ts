// Internal helpers shared by HeadlessService and HeadlessStatefulService: port resolution
// against the pod's container ports, the kplus Service they emit, and the checks of the
// emitted objects that run at synth.
import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HeadlessPortOptions } from './headless-port';
import { Problems, renderValue } from '../core/problems';
import { ValidationProblem } from '../core/validation-error';
import { KubeName } from '../net/names';
import { Protocol } from '../net/port';
import { ResolvedServicePort, resolveServicePorts } from '../net/resolve-ports';
import { ServicePortOptions } from '../net/service-port';

/** A port exposed by a container of a pod. */
export interface ContainerPortInfo {
  readonly container: string;
  readonly number: number;
  readonly name?: string;
  readonly protocol: string;
}

/** The ports the containers of a pod expose. */
export function containerPortsOf(containers: readonly kplus.Container[]): ContainerPortInfo[] {
  const found: ContainerPortInfo[] = [];
  containers.forEach((c, i) => {
    for (const p of c.ports) {
      found.push({
        container: c.name ?? `containers[${i}]`,
        number: p.number,
        name: p.name,
        protocol: p.protocol ?? 'TCP',
      });
    }
  });
  return found;
}

/**
 * The container port a Service port maps to, or undefined when no container exposes it. A
 * port is found by number or by name, and the protocol must match too (as kube-proxy and the
 * EndpointSlice controller match it).
 */
export function findContainerPort(
  target: number | string,
  protocol: string,
  containerPorts: readonly ContainerPortInfo[],
): ContainerPortInfo | undefined {
  return containerPorts.find((c) => c.protocol === protocol && (typeof target === 'number' ? c.number === target : c.name === target));
}

/** The container ports, as text for an error message. */
export function describeContainerPorts(containerPorts: readonly ContainerPortInfo[]): string {
  if (containerPorts.length === 0) {
    return 'no container exposes any port';
  }
  return 'exposed: ' + containerPorts.map((c) => `${c.name ? `'${c.name}' ` : ''}${c.number}/${c.protocol}`).join(', ');
}

/**
 * Validates the ports of a headless Service into `problems` (under `ports`). When `ports` is
 * undefined, every container port becomes a Service port of the same name and number; a
 * container port without a name is then a problem, since every port of a headless Service is
 * named. Whether the target ports exist is checked at synth (`serviceProblems`), when the pod's
 * containers are final.
 */
export function resolveHeadlessPorts(
  ports: readonly HeadlessPortOptions[] | undefined,
  containerPorts: readonly ContainerPortInfo[],
  problems: Problems,
): ResolvedServicePort[] {
  let options: ServicePortOptions[];
  if (ports === undefined || ports === null) {
    if (containerPorts.length === 0) {
      problems.add('ports', undefined, 'must be given when no container exposes a port', 'list `ports`, add `ports` to a container, or pass `ports: []` for a Service that only gives the pods DNS names');
      return [];
    }
    options = [];
    for (const c of containerPorts) {
      if (!c.name) {
        problems.add('ports', undefined,
          `must be given when a container port has no name: container '${c.container}' exposes ${c.number}/${c.protocol} without a name, and every port of a headless Service is named`,
          `name the container port (\`ports: [{ number: ${c.number}, name: 'peer' }]\`) or list \`ports\``);
        continue;
      }
      // A container port name is an IANA service name, so it is a valid Service port name too.
      options.push({ name: c.name, port: c.number, targetPortName: c.name, protocol: c.protocol as Protocol });
    }
  } else if (!Array.isArray(ports)) {
    problems.add('ports', ports, 'must be a list of ports', 'pass `ports: [{ name: \'peer\', port: 2380 }]`');
    return [];
  } else if (ports.length === 0) {
    // Asked for on purpose: a headless Service without ports, for DNS only.
    return [];
  } else {
    options = [...ports];
    options.forEach((p, i) => {
      if (p !== null && typeof p === 'object' && (p.name === undefined || p.name === null)) {
        problems.add(`ports[${i}].name`, undefined,
          'must be set: every port of a headless Service is named (peers, EndpointSlices and SRV records refer to it by name)',
          'add a `name` such as \'peer\' or \'client\'');
      }
    });
  }
  return resolveServicePorts(options, problems, 'ports', (_p, i) => `unnamed-port-${i}`);
}

/** How to build one Service of a workload. */
export interface ServiceSpec {
  readonly name: string;
  readonly namespace?: string;
  readonly ports: readonly ResolvedServicePort[];
  readonly headless: boolean;
  readonly publishNotReadyAddresses?: boolean;
  /** The labels of the Service object (not its selector). */
  readonly labels?: { [key: string]: string };
}

/**
 * A kplus Service that also emits named target ports and appProtocols, which the kplus
 * Service cannot express (its target ports are numbers). An escape-hatch JSON patch cannot
 * add them either: the L1 object maps its fields after patching and drops a plain string
 * `targetPort`. Ports bound later with `bind` are emitted as kplus emits them.
 */
class NamedPortService extends kplus.Service {
  private readonly extras: readonly ResolvedServicePort[];
  private readonly workloads: kplus.Workload[] = [];

  public constructor(scope: Construct, id: string, props: kplus.ServiceProps, extras: readonly ResolvedServicePort[]) {
    super(scope, id, props);
    this.extras = extras;
  }

  /**
   * Selects a workload by the labels it selects its pods by (its `matchLabels`, read at synth),
   * where a cdk8s-plus Service selects it by its `cdk8s.io/metadata.addr` pod label, a hash of
   * the construct path that changes when the construct moves. Other selectors as cdk8s-plus
   * selects them.
   */
  public select(selector: kplus.IPodSelector): void {
    if (selector instanceof kplus.Workload) {
      this.workloads.push(selector);
      return;
    }
    super.select(selector);
  }

  /** The selector: the labels selected, then each workload's `matchLabels`. */
  private selectorOf(spec: k8s.ServiceSpec): { [key: string]: string } | undefined {
    const selector: { [key: string]: string } = { ...(spec.selector ?? {}) };
    for (const w of this.workloads) {
      Object.assign(selector, w.matchLabels);
    }
    return Object.keys(selector).length > 0 ? selector : undefined;
  }

  /**
   * @internal
   */
  public _toKube(): k8s.ServiceSpec {
    if (this.ports.length === 0 && this.clusterIP === 'None') {
      // A headless Service without ports is valid (DNS only: the name resolves to the pods),
      // but the kplus Service refuses to render one.
      return {
        clusterIp: 'None',
        type: this.type,
        selector: this.selectorOf({ selector: { ...(this as any)._selector } }),
        publishNotReadyAddresses: (this as any)._publishNotReadyAddresses,
      };
    }
    const spec = super._toKube();
    return {
      ...spec,
      selector: this.selectorOf(spec),
      externalIPs: spec.externalIPs?.length ? spec.externalIPs : undefined,
      ports: spec.ports?.map((port, i) => {
        const extra = this.extras[i];
        if (!extra) {
          return port;
        }
        return {
          ...port,
          targetPort: extra.targetPortName !== undefined ? k8s.IntOrString.fromString(extra.targetPortName) : port.targetPort,
          appProtocol: extra.appProtocol ?? port.appProtocol,
        };
      }),
    };
  }
}

/**
 * A kplus Service of a workload's pods: `clusterIP: None` when headless, each port named,
 * with its target port (a number or a container port name) and appProtocol.
 */
export function createService(scope: Construct, id: string, spec: ServiceSpec): kplus.Service {
  return new NamedPortService(scope, id, {
    metadata: { name: spec.name, namespace: spec.namespace, labels: spec.labels },
    type: kplus.ServiceType.CLUSTER_IP,
    clusterIP: spec.headless ? 'None' : undefined,
    publishNotReadyAddresses: spec.publishNotReadyAddresses,
    ports: spec.ports.map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol as string as kplus.Protocol,
      targetPort: p.targetPort,
    })),
  }, spec.ports);
}

/**
 * The problems of a Service of `workload` as it will be emitted, found at synth: escape hatches
 * and later `select`, `bind` or `addContainer` calls may have changed it since construction.
 *
 * @param field the prop the Service is exposed as ('service', 'clientService')
 */
export function serviceProblems(
  owner: Construct,
  field: string,
  service: kplus.Service,
  workload: kplus.Workload,
  headless: boolean,
): ValidationProblem[] {
  const problems = new Problems(owner);
  const spec = ApiObject.of(service).toJson().spec ?? {};
  const at = `${field}.spec`;

  if (headless) {
    if (spec.type !== undefined && spec.type !== 'ClusterIP') {
      problems.add(`${at}.type`, spec.type,
        'must be \'ClusterIP\' for a headless Service: NodePort and LoadBalancer Services need a cluster IP',
        'remove the override of `spec.type`, and expose the pods outside the cluster with a separate Service');
    }
    if (spec.clusterIP !== 'None') {
      problems.add(`${at}.clusterIP`, spec.clusterIP, 'must be \'None\' for a headless Service', 'remove the override of `spec.clusterIP`');
    }
  } else if (spec.clusterIP === 'None') {
    problems.add(`${at}.clusterIP`, spec.clusterIP, 'must not be \'None\': the client Service load-balances through a cluster IP', 'remove the override of `spec.clusterIP`');
  }

  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const containerPorts = containerPortsOf(workload.containers);
  ports.forEach((p, i) => {
    if (headless && p?.nodePort !== undefined) {
      problems.add(`${at}.ports[${i}].nodePort`, p.nodePort, 'must not be set on a headless Service: a node port needs a cluster IP',
        'remove the `nodePort`, and expose the pods outside the cluster with a separate NodePort Service');
    }
    if (!p?.name) {
      problems.add(`${at}.ports[${i}].name`, undefined, 'must be set: every port of this Service is named', 'give the port a name');
    }
    const target = p?.targetPort ?? p?.port;
    const protocol = p?.protocol ?? 'TCP';
    if (!findContainerPort(target, protocol, containerPorts)) {
      problems.add(`${at}.ports[${i}].targetPort`, target,
        `must be a port that a container of the pod exposes (as ${protocol}), but none does (${describeContainerPorts(containerPorts)})`,
        'add the port to a container, or map the Service port to an exposed one with `targetPort`');
    }
  });

  const selector: Record<string, string> = spec.selector ?? {};
  const matchLabels = workload.matchLabels;
  if (!sameLabels(selector, matchLabels)) {
    problems.add(`${at}.selector`, selector,
      `must equal the selector of the workload's pods (\`spec.selector.matchLabels\`: ${renderValue(matchLabels)})`,
      'select the pods with the labels the workload selects them by, and nothing else');
  }
  const templateLabels: Record<string, string> = workload.podMetadata.toJson().labels ?? {};
  const missing = Object.entries(selector).filter(([k, v]) => templateLabels[k] !== v);
  if (missing.length > 0) {
    problems.add(`${at}.selector`, selector,
      `must be a subset of the pod template labels, but ${missing.map(([k, v]) => `'${k}=${v}'`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among them: the Service selects no pod`,
      'add the labels to the pod template (`podMetadata`) or remove them from the selector');
  }
  return problems.items;
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => b[k] === a[k]);
}

/** The problems of a Service name (a DNS-1035 label), with a fix. */
export function serviceNameErrors(problems: Problems, field: string, name: unknown, fix: string): void {
  problems.addEach(field, name, KubeName.dns1035LabelErrors(name as string), fix);
}
