import { ApiObject, ApiObjectMetadata, Chart, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ContainerPortInfo, containerPortsOf, createService, describeContainerPorts, findContainerPort, resolveHeadlessPorts, serviceNameErrors, serviceProblems } from './_headless';
import { HeadlessPortOptions } from './headless-port';
import { Problems } from '../core/problems';
import { ValidationProblem } from '../core/validation-error';
import { appLabelsOf, checkPartOf, selectorLabelsOf } from '../net/labels';
import { KubeName } from '../net/names';
import { ResolvedServicePort } from '../net/resolve-ports';
import { ServiceDnsNames } from '../net/service-dns';
import { underSafetyNet } from '../validation/safety-net';

/**
 * Properties of a `HeadlessStatefulService`.
 */
export interface HeadlessStatefulServiceProps {
  /**
   * The containers of the pods of the StatefulSet. Name the container ports the Service maps
   * to (`ports: [{ number: 2380, name: 'peer' }]`), or list `ports`.
   */
  readonly containers: kplus.ContainerProps[];

  /**
   * The ports of the headless Service (and of the client Service), each named and mapped to a
   * container port by number or by name. An empty list makes a headless Service without ports,
   * which only gives the pods their DNS names.
   *
   * @default - one port per container port, with the container port's name and number (every
   * container port must then have a name)
   */
  readonly ports?: HeadlessPortOptions[];

  /**
   * The number of pods, `<statefulSetName>-0` to `<statefulSetName>-<replicas - 1>`.
   *
   * @default 1
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#replicas
   */
  readonly replicas?: number;

  /**
   * The name of the StatefulSet, the stem of its pods' names and host names
   * (`<statefulSetName>-<ordinal>`): a DNS-1123 label of at most 52 characters (the
   * controller labels each pod `controller-revision-hash: <statefulSetName>-<hash>`, a label
   * value of at most 63 characters). The pods are selected by `app.kubernetes.io/name` and
   * `app.kubernetes.io/instance`, both this name, so that renaming or moving the construct
   * changes neither the StatefulSet's selector nor its `serviceName` (both immutable).
   *
   * @default - `serviceName`; without either, a name generated from the construct path (which
   * changes when the construct is renamed or moved)
   */
  readonly statefulSetName?: string;

  /**
   * The name of the headless Service, the StatefulSet's `serviceName`: a DNS-1035 label
   * (lower-case letters, digits and '-', starting with a letter, at most 63 characters).
   *
   * @default - the name of the StatefulSet
   */
  readonly serviceName?: string;

  /**
   * The namespace of the StatefulSet and its Services; part of the per-pod DNS names.
   *
   * @default - the chart's namespace, or 'default' when the chart has none
   */
  readonly namespace?: string;

  /**
   * The cluster's DNS domain (the kubelet's `--cluster-domain`), for the DNS names this
   * construct returns.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;

  /**
   * Whether the headless Service publishes the DNS records of pods that are not ready yet.
   * On by default so that peers find each other while they start (a consensus system needs
   * its peers to become ready at all). Turn it off when a pod should only be reachable once it
   * is ready.
   *
   * @default true
   * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec
   */
  readonly publishNotReadyAddresses?: boolean;

  /**
   * Whether to add a second, load-balanced ClusterIP Service for clients, with the same ports,
   * that selects the same pods but only routes to ready ones.
   *
   * @default - false, unless `clientServiceName` is given
   */
  readonly clientService?: boolean;

  /**
   * The name of the client Service: a DNS-1035 label. Giving it turns `clientService` on.
   *
   * @default - `<serviceName>-client`
   */
  readonly clientServiceName?: string;

  /**
   * Whether pods are started and stopped one after the other or all at once.
   *
   * @default kplus.PodManagementPolicy.ORDERED_READY
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-management-policies
   */
  readonly podManagementPolicy?: kplus.PodManagementPolicy;

  /**
   * Labels and annotations of the pods. The pods also get the labels the StatefulSet and the
   * Services select them by (`app.kubernetes.io/name` and `app.kubernetes.io/instance`, both
   * the StatefulSet's name) and `app.kubernetes.io/managed-by`.
   *
   * @default - only the recommended labels
   */
  readonly podMetadata?: ApiObjectMetadata;

  /**
   * The larger application the StatefulSet is part of: the label `app.kubernetes.io/part-of`
   * on the StatefulSet, its pods and its Services.
   *
   * @default - no `app.kubernetes.io/part-of` label
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
   */
  readonly partOf?: string;
}

/**
 * Options for `HeadlessStatefulService.peerList`.
 */
export interface PeerListOptions {
  /**
   * The text for one pod. Placeholders: `{host}` (the pod's fully qualified DNS name),
   * `{hostname}` (`<statefulSetName>-<ordinal>`), `{ordinal}` and `{port}` (the container port
   * number of the named port). For etcd's `--initial-cluster`:
   * `'{hostname}=http://{host}:{port}'`.
   *
   * @default '{host}:{port}'
   */
  readonly template?: string;

  /**
   * The text between two pods.
   *
   * @default ','
   */
  readonly separator?: string;
}

const PLACEHOLDERS = ['host', 'hostname', 'ordinal', 'port'];

/** The pod host name is a DNS-1123 label. */
const MAX_HOSTNAME_LENGTH = 63;

/**
 * The longest StatefulSet name whose pods can be created: the controller labels each pod with
 * `controller-revision-hash: <name>-<hash>`, and the hash has up to 10 characters.
 */
const MAX_STATEFUL_SET_NAME_LENGTH = 52;

/**
 * A StatefulSet and its headless Service, wired together: the StatefulSet's `serviceName` is
 * the Service, the Service selects exactly the StatefulSet's pods, every port is named and maps
 * to a container port, and the Service publishes not-ready pods for peer discovery (by
 * default). Each pod gets a stable DNS name,
 * `<statefulSetName>-<ordinal>.<serviceName>.<namespace>.svc.<clusterDomain>`, which
 * `podDnsName`, `podDnsNames`, `peers` and `peerList` return, ready for a program's flags.
 *
 * Optionally adds a load-balanced ClusterIP Service for clients, which routes to ready pods
 * only.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
 */
export class HeadlessStatefulService extends Construct {
  /**
   * The StatefulSet (a cdk8s-plus StatefulSet), for escape hatches: volumes, more containers,
   * update strategy.
   */
  public readonly statefulSet: kplus.StatefulSet;

  /**
   * The headless Service (a cdk8s-plus Service), for escape hatches.
   */
  public readonly service: kplus.Service;

  /**
   * The load-balanced client Service.
   *
   * @default - none, unless `clientService` is on
   */
  public readonly clientService?: kplus.Service;

  /**
   * The name of the StatefulSet.
   */
  public readonly statefulSetName: string;

  /**
   * The name of the headless Service.
   */
  public readonly serviceName: string;

  /**
   * The namespace of the StatefulSet and its Services.
   */
  public readonly namespace: string;

  /**
   * The number of pods.
   */
  public readonly replicas: number;

  /**
   * The DNS names of the headless Service; each resolves to the IPs of every pod.
   */
  public readonly dnsNames: ServiceDnsNames;

  /**
   * The DNS names of the client Service.
   *
   * @default - none, unless `clientService` is on
   */
  public readonly clientDnsNames?: ServiceDnsNames;

  private readonly resolvedPorts: ResolvedServicePort[];

  public constructor(scope: Construct, id: string, props: HeadlessStatefulServiceProps) {
    super(scope, id);
    const p: Partial<HeadlessStatefulServiceProps> = props ?? {};
    const problems = new Problems(this);

    const replicas = p.replicas ?? 1;
    const replicasValid = typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0;
    if (!replicasValid) {
      problems.add('replicas', replicas, 'must be a whole number of 0 or more', 'use the number of pods, such as 3');
    }

    const containerPorts = checkContainers(p.containers, problems);
    // Without readable containers, ports derived from them would only repeat that problem.
    const ports = containerPorts === undefined && p.ports === undefined
      ? []
      : resolveHeadlessPorts(p.ports, containerPorts ?? [], problems);

    const maxOrdinal = replicasValid ? Math.max(replicas - 1, 0) : 0;
    const maxNameLength = Math.min(MAX_STATEFUL_SET_NAME_LENGTH, MAX_HOSTNAME_LENGTH - 1 - String(maxOrdinal).length);
    // A name the user gave is used: the StatefulSet is named after the Service unless named itself.
    const statefulSetName = p.statefulSetName ?? p.serviceName ?? Names.toDnsLabel(this, { maxLen: maxNameLength });
    checkStatefulSetName(statefulSetName, maxOrdinal, problems);

    const serviceName = p.serviceName ?? statefulSetName;
    serviceNameErrors(problems, 'serviceName', serviceName,
      p.serviceName === undefined ? 'set `serviceName` (it defaults to the StatefulSet name, which must then start with a letter)' : 'use a name such as \'etcd\' or \'kafka-headless\'');

    if (p.clientService !== undefined && typeof p.clientService !== 'boolean') {
      problems.add('clientService', p.clientService, 'must be true or false');
    }
    const wantsClient = p.clientService ?? (p.clientServiceName !== undefined);
    if (p.clientService === false && p.clientServiceName !== undefined) {
      problems.add('clientServiceName', p.clientServiceName, 'must not be set when `clientService` is false', 'remove `clientServiceName`, or turn `clientService` on');
    }
    const clientServiceName = p.clientServiceName ?? `${serviceName}-client`;
    if (wantsClient) {
      serviceNameErrors(problems, 'clientServiceName', clientServiceName,
        p.clientServiceName === undefined ? 'set `clientServiceName` (it defaults to `<serviceName>-client`)' : 'use a name such as \'etcd-client\'');
      if (clientServiceName === serviceName) {
        problems.add('clientServiceName', clientServiceName, 'must differ from `serviceName`', 'give the client Service its own name');
      }
      if (Array.isArray(p.ports) && p.ports.length === 0) {
        problems.add('clientService', true, 'needs ports: a Service with a cluster IP must have at least one, and `ports` is empty',
          'list `ports`, or turn `clientService` off');
      }
    }

    if (p.publishNotReadyAddresses !== undefined && typeof p.publishNotReadyAddresses !== 'boolean') {
      problems.add('publishNotReadyAddresses', p.publishNotReadyAddresses, 'must be true or false');
    }
    if (p.podManagementPolicy !== undefined && !Object.values(kplus.PodManagementPolicy).includes(p.podManagementPolicy)) {
      problems.add('podManagementPolicy', p.podManagementPolicy, 'must be \'OrderedReady\' or \'Parallel\'', 'use `PodManagementPolicy.ORDERED_READY` or `PodManagementPolicy.PARALLEL`');
    }
    checkPartOf(problems, p.partOf);
    if (p.namespace !== undefined) {
      problems.addEach('namespace', p.namespace, KubeName.dns1123LabelErrors(p.namespace), 'use a namespace name such as \'data\'');
    }
    if (p.clusterDomain !== undefined) {
      problems.addEach('clusterDomain', p.clusterDomain, KubeName.dns1123SubdomainErrors(String(p.clusterDomain).replace(/\.$/, '')),
        'use the cluster\'s DNS domain, such as \'cluster.local\'');
    }
    problems.throwIfAny();

    this.replicas = replicas;
    this.statefulSetName = statefulSetName;
    this.serviceName = serviceName;
    this.namespace = p.namespace ?? Chart.of(this).namespace ?? ServiceDnsNames.DEFAULT_NAMESPACE;
    this.dnsNames = ServiceDnsNames.of({ serviceName, namespace: this.namespace, clusterDomain: p.clusterDomain });
    this.resolvedPorts = ports;

    const labels = appLabelsOf(statefulSetName, p.partOf);
    this.service = createService(this, 'Service', {
      name: serviceName,
      namespace: p.namespace,
      ports,
      headless: true,
      publishNotReadyAddresses: p.publishNotReadyAddresses ?? true,
      labels,
    });

    // Passing the Service keeps cdk8s-plus from creating a second headless Service of its own;
    // the StatefulSet points its `serviceName` at it and makes it select the pods.
    // The pods are selected by the recommended labels, not by cdk8s-plus's hash of the construct
    // path: a StatefulSet's selector is immutable.
    this.statefulSet = new LeanStatefulSet(this, 'StatefulSet', {
      metadata: { name: statefulSetName, namespace: p.namespace, labels },
      containers: p.containers,
      replicas,
      service: this.service,
      podManagementPolicy: p.podManagementPolicy,
      podMetadata: p.podMetadata,
      select: false,
    });
    for (const [key, value] of Object.entries(labels)) {
      this.statefulSet.podMetadata.addLabel(key, value);
    }
    // cdk8s-plus also labels the pods `cdk8s.io/metadata.addr: <hash of the construct path>`,
    // and selects them by it wherever the StatefulSet is used as a pod selector (a cdk8s-plus
    // Service, a NetworkPolicy peer): the StatefulSet's name keeps that label, and them, stable.
    this.statefulSet.podMetadata.addLabel(kplus.Pod.ADDRESS_LABEL, statefulSetName);
    this.statefulSet.select(kplus.LabelSelector.of({ labels: selectorLabelsOf(statefulSetName) }));

    if (wantsClient) {
      this.clientService = createService(this, 'ClientService', {
        name: clientServiceName,
        namespace: p.namespace,
        ports,
        headless: false,
        labels,
      });
      this.clientService.select(this.statefulSet);
      this.clientDnsNames = ServiceDnsNames.of({ serviceName: clientServiceName, namespace: this.namespace, clusterDomain: p.clusterDomain });
    }

    underSafetyNet(this, () => this.emittedProblems());
  }

  /**
   * The ports of the Services, with their names, target ports and protocols resolved.
   */
  public get ports(): HeadlessPortOptions[] {
    return this.resolvedPorts.map((port) => ({ ...port }));
  }

  /**
   * The host name of one pod, `<statefulSetName>-<ordinal>`.
   *
   * @param ordinal the pod's ordinal, from 0 to `replicas - 1`
   */
  public podHostname(ordinal: number): string {
    const problems = new Problems(this);
    if (typeof ordinal !== 'number' || !Number.isInteger(ordinal) || ordinal < 0 || ordinal >= this.replicas) {
      problems.add('ordinal', ordinal,
        this.replicas === 0 ? 'must not be asked for: the StatefulSet has 0 replicas' : `must be a whole number from 0 to ${this.replicas - 1} (the StatefulSet has ${this.replicas} replicas)`,
        'use the ordinal of an existing pod');
    }
    problems.throwIfAny();
    return `${this.statefulSetName}-${ordinal}`;
  }

  /**
   * The fully qualified DNS name of one pod:
   * `<statefulSetName>-<ordinal>.<serviceName>.<namespace>.svc.<clusterDomain>`.
   *
   * @param ordinal the pod's ordinal, from 0 to `replicas - 1`
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
   */
  public podDnsName(ordinal: number): string {
    return this.dnsNames.podFqdn(this.podHostname(ordinal));
  }

  /**
   * The fully qualified DNS names of all pods, by ordinal.
   */
  public podDnsNames(): string[] {
    return range(this.replicas).map((i) => this.podDnsName(i));
  }

  /**
   * The address of every pod on one named port, `<pod DNS name>:<port>`, by ordinal.
   *
   * The port is the container port the Service port maps to: a headless Service has no proxy,
   * so peers connect to the pods' own ports.
   *
   * @param portName the name of a port of the Service
   */
  public peers(portName: string): string[] {
    const port = this.containerPortNumber(portName);
    return range(this.replicas).map((i) => `${this.podDnsName(i)}:${port}`);
  }

  /**
   * The pods on one named port as one string, for a program's flags (for example etcd's
   * `--initial-cluster` with the template `'{hostname}=http://{host}:{port}'`).
   *
   * @param portName the name of a port of the Service
   * @param options the text per pod and between pods
   */
  public peerList(portName: string, options: PeerListOptions = {}): string {
    const template = options.template ?? '{host}:{port}';
    const separator = options.separator ?? ',';
    const problems = new Problems(this);
    if (typeof template !== 'string') {
      problems.add('template', template, 'must be a string such as \'{host}:{port}\'');
    } else {
      for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
        if (!PLACEHOLDERS.includes(m[1])) {
          problems.add('template', template, `must use only the placeholders ${PLACEHOLDERS.map((x) => `'{${x}}'`).join(', ')}, but has '{${m[1]}}'`);
        }
      }
    }
    if (typeof separator !== 'string') {
      problems.add('separator', separator, 'must be a string such as \',\'');
    }
    problems.throwIfAny();
    const port = this.containerPortNumber(portName);
    return range(this.replicas).map((i) => template.replace(/\{(host|hostname|ordinal|port)\}/g, (_m, key: string) => {
      switch (key) {
        case 'host': return this.podDnsName(i);
        case 'hostname': return this.podHostname(i);
        case 'ordinal': return String(i);
        default: return String(port);
      }
    })).join(separator);
  }

  /** The container port number that the Service port `portName` maps to. */
  private containerPortNumber(portName: string): number {
    const problems = new Problems(this);
    const port = this.resolvedPorts.find((x) => x.name === portName);
    if (!port) {
      problems.add('portName', portName, `must be the name of a port of the Service: ${this.resolvedPorts.map((x) => `'${x.name}'`).join(', ')}`);
      problems.throwIfAny();
    }
    const found = port!.targetPort !== undefined
      ? { number: port!.targetPort }
      : findContainerPort(port!.targetPortName as string, port!.protocol, containerPortsOf(this.statefulSet.containers));
    if (!found) {
      problems.add('portName', portName,
        `must map to a container port, but no container exposes '${port!.targetPortName}' (${describeContainerPorts(containerPortsOf(this.statefulSet.containers))})`,
        'name a container port so, or map the Service port to a number');
      problems.throwIfAny();
    }
    return found!.number;
  }

  /** The problems of the objects as they will be emitted (escape hatches may have changed them). */
  private emittedProblems(): ValidationProblem[] {
    const found = serviceProblems(this, 'service', this.service, this.statefulSet, true);
    if (this.clientService) {
      found.push(...serviceProblems(this, 'clientService', this.clientService, this.statefulSet, false));
    }
    const problems = new Problems(this);
    const spec = ApiObject.of(this.statefulSet).toJson().spec ?? {};
    if (spec.serviceName !== this.serviceName) {
      problems.add('statefulSet.spec.serviceName', spec.serviceName,
        `must be the headless Service '${this.serviceName}', or the pods get no per-pod DNS names`,
        'remove the override of `spec.serviceName`');
    }
    return [...found, ...problems.items];
  }
}

/**
 * A cdk8s-plus StatefulSet that leaves out the fields that only restate what the API server
 * sets anyway (`minReadySeconds: 0`, `podManagementPolicy: OrderedReady`, a RollingUpdate
 * strategy with `partition: 0`, `dnsPolicy: ClusterFirst`, `hostNetwork: false`,
 * `restartPolicy: Always`, `setHostnameAsFQDN: false`, `terminationGracePeriodSeconds: 30`,
 * `fsGroupChangePolicy: Always`, `privileged: false`, probe `failureThreshold: 3`) and the
 * `imagePullPolicy: Always` cdk8s-plus writes when none was given (Kubernetes' own rule then
 * applies). What differs from those defaults is written as cdk8s-plus writes it.
 */
class LeanStatefulSet extends kplus.StatefulSet {
  private readonly pullPolicyGiven: boolean[];

  public constructor(scope: Construct, id: string, props: kplus.StatefulSetProps) {
    super(scope, id, props);
    this.pullPolicyGiven = (props.containers ?? []).map((c) => c?.imagePullPolicy !== undefined);
  }

  /**
   * @internal
   */
  public _toKube(): k8s.StatefulSetSpec {
    const spec: any = super._toKube();
    dropIf(spec, 'minReadySeconds', 0);
    dropIf(spec, 'podManagementPolicy', 'OrderedReady');
    const strategy = spec.updateStrategy;
    if (strategy?.type === 'RollingUpdate' && (strategy.rollingUpdate === undefined
      || (Object.keys(strategy.rollingUpdate).length === 1 && strategy.rollingUpdate.partition === 0))) {
      delete spec.updateStrategy;
    }
    const pod = spec.template?.spec;
    if (pod) {
      dropIf(pod, 'dnsPolicy', 'ClusterFirst');
      dropIf(pod, 'hostNetwork', false);
      dropIf(pod, 'restartPolicy', 'Always');
      dropIf(pod, 'setHostnameAsFqdn', false);
      dropIf(pod, 'terminationGracePeriodSeconds', 30);
      if (pod.securityContext) {
        dropIf(pod.securityContext, 'fsGroupChangePolicy', 'Always');
      }
      (pod.containers ?? []).forEach((c: any, i: number) => {
        if (!this.pullPolicyGiven[i]) {
          dropIf(c, 'imagePullPolicy', 'Always');
        }
        if (c.securityContext) {
          dropIf(c.securityContext, 'privileged', false);
        }
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
          if (probe) {
            dropIf(probe, 'failureThreshold', 3);
          }
        }
      });
    }
    return spec;
  }
}

/** Deletes `obj[key]` when it is `value`. */
function dropIf(obj: any, key: string, value: unknown): void {
  if (obj[key] === value) {
    delete obj[key];
  }
}

/**
 * Checks the containers (a non-empty list that cdk8s-plus accepts) and returns their ports,
 * or undefined when they cannot be read.
 */
function checkContainers(containers: unknown, problems: Problems): ContainerPortInfo[] | undefined {
  if (!Array.isArray(containers) || containers.length === 0) {
    problems.add('containers', containers, 'must list at least one container', 'pass `containers: [{ image: \'...\', ports: [{ number: 2380, name: \'peer\' }] }]`');
    return undefined;
  }
  const built: kplus.Container[] = [];
  containers.forEach((c, i) => {
    if (c === null || typeof c !== 'object') {
      problems.add(`containers[${i}]`, c, 'must be a container such as { image: \'etcd:3.5\' }');
      return;
    }
    try {
      built.push(new kplus.Container(c));
    } catch (e) {
      problems.add(`containers[${i}]`, undefined, `must be a container cdk8s-plus accepts: ${String((e as Error)?.message ?? e).toLowerCase()}`);
    }
  });
  return containerPortsOf(built);
}

function checkStatefulSetName(name: unknown, maxOrdinal: number, problems: Problems): void {
  const field = 'statefulSetName';
  if (typeof name !== 'string' || name.length === 0) {
    problems.addEach(field, name, KubeName.dns1123LabelErrors(name as string));
    return;
  }
  // The length rules below say more than the generic one, so only the format errors are kept.
  const formatErrors = KubeName.dns1123LabelErrors(name).filter((e) => !e.startsWith('must be no more than'));
  problems.addEach(field, name, formatErrors, 'use a name such as \'etcd\' or \'kafka\'');
  const lastHostname = `${name}-${maxOrdinal}`;
  if (lastHostname.length > MAX_HOSTNAME_LENGTH) {
    problems.add(field, name,
      `must leave room for '-<ordinal>' in 63 characters: the host name of pod ${maxOrdinal} would be '${lastHostname}' (${lastHostname.length} characters), not a valid pod host name`,
      `use a name of at most ${MAX_STATEFUL_SET_NAME_LENGTH} characters`);
  } else if (name.length > MAX_STATEFUL_SET_NAME_LENGTH) {
    problems.add(field, name,
      `must be no more than ${MAX_STATEFUL_SET_NAME_LENGTH} characters (it has ${name.length}): the StatefulSet controller labels each pod 'controller-revision-hash: <name>-<10-character hash>', and a label value may not exceed 63 characters, so no pod could be created`,
      'use a shorter name');
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_x, i) => i);
}
