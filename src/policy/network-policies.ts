import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Edge, EdgeSettings, UserEdge, Workload, collectEdges, notesOf, policySpecOf, workloadsOf } from './_edges';
import { isLibraryConstruct } from './_peer-spec';
import { ControllerNamespace } from './controller-namespace';
import { PolicyPeer } from './policy-peer';
import { Problems } from '../core/problems';
import { ExternalDatabase } from '../external/external-database';
import { ExternalService } from '../external/external-service';
import { Protocol } from '../net/port';
import { underSafetyNet } from '../validation/safety-net';

/** The annotation of a policy that names the construct of the pods it selects, by class and name (`InternalWebApp orders`). */
const CONSTRUCT_ANNOTATION = 'cdk8s-service-patterns/construct';
/** The annotation of a policy that lists the edges it allows: one line each, with the construct that declares it. */
const EDGES_ANNOTATION = 'cdk8s-service-patterns/edges';

/**
 * Props of `NetworkPolicies`.
 */
export interface NetworkPoliciesProps {
  /**
   * The construct whose library workloads get policies (every `InternalWebApp`, `PublicWebApp`
   * and `HeadlessStatefulService` below it when the `NetworkPolicies` is created).
   *
   * @default - the chart of the `NetworkPolicies`
   */
  readonly scope?: IConstruct;

  /**
   * The namespace of the Ingress controller, whose pods reach the apps an Ingress routes to.
   *
   * @default ControllerNamespace.INGRESS_NGINX
   * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name
   */
  readonly ingressControllerNamespace?: ControllerNamespace;

  /**
   * The namespace of the Gateway's data plane, whose pods reach the apps an HTTPRoute or
   * GRPCRoute sends to (for example `ControllerNamespace.ENVOY_GATEWAY`, or, for Istio, the
   * namespace of the Gateway itself).
   *
   * @default - `ingressControllerNamespace`
   */
  readonly gatewayNamespace?: ControllerNamespace;

  /**
   * Whether the policies isolate the pods' egress too: they may then only connect to the
   * declared edges (and the cluster DNS).
   *
   * @default false
   * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic
   */
  readonly egress?: boolean;

  /**
   * Whether pods with isolated egress may query the cluster DNS (port 53, UDP and TCP).
   *
   * @default true
   */
  readonly dns?: boolean;

  /**
   * The namespace of the cluster DNS pods.
   *
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;

  /**
   * The labels of the cluster DNS pods (kube-dns and CoreDNS both carry `k8s-app: kube-dns`).
   *
   * @default { 'k8s-app': 'kube-dns' }
   */
  readonly dnsPodLabels?: { [key: string]: string };

  /**
   * Whether a client of an external backend given by host name (an ExternalName Service) may
   * connect to any address on the backend's port. A NetworkPolicy selects addresses, not DNS
   * names, so egress to a host name cannot be allowed more narrowly; without this, such an
   * edge is an error when egress is isolated.
   *
   * @default false
   */
  readonly externalNameEgress?: boolean;
}

/**
 * Options of `NetworkPolicies.addEdge`.
 */
export interface PolicyEdgeOptions {
  /**
   * The port: for a workload of the library or an external backend, a port of its Service
   * (the policy allows the container or backend port it leads to); for other pods or an IP
   * range, the port they listen on.
   *
   * @default - every port of the destination's Services (every port for other pods and ranges)
   */
  readonly port?: number;

  /**
   * The protocol.
   *
   * @default - the protocol of the Service port (TCP for other pods and ranges)
   */
  readonly protocol?: Protocol;

  /**
   * Why the edge exists, for the notes of the policies.
   *
   * @default 'declared with addEdge'
   */
  readonly reason?: string;
}

/**
 * An edge a policy allows: who may connect to whom, on which port, and why.
 */
export interface PolicyEdge {
  /** The source: a workload's name, pods, a namespace selector or an IP range. */
  readonly from: string;

  /** The destination. */
  readonly to: string;

  /**
   * The port number (on the destination pod, or the address).
   *
   * @default - see `portName`, else every port
   */
  readonly port?: number;

  /**
   * The name of a container port of the destination pods.
   *
   * @default - see `port`
   */
  readonly portName?: string;

  /** The protocol. */
  readonly protocol: string;

  /** Why the edge exists. */
  readonly reason: string;

  /** The path of the construct that declares it. */
  readonly constructPath: string;
}

/**
 * NetworkPolicies (`networking.k8s.io/v1`) for the workloads of this library in a chart: one
 * per `InternalWebApp`, `PublicWebApp` and `HeadlessStatefulService`, named after it, that
 * isolates its pods for ingress (and egress with `egress: true`) and allows exactly the edges
 * the constructs declare:
 *
 * - the Ingress controller's namespace to the apps an Ingress routes to (`addPath` included),
 *   and the Gateway's namespace to the apps an HTTPRoute or GRPCRoute sends to;
 * - any address to an app exposed as a NodePort or LoadBalancer Service;
 * - the pods of a StatefulSet to each other (its peers);
 * - the apps bound to an `ExternalDatabase` (`bindToContainer`) to its addresses, on its port;
 * - the cluster DNS, from every pod, when egress is isolated;
 * - and the edges given with `addEdge`, in both directions.
 *
 * Create it after the workloads: it takes those that exist then (a workload created later is
 * reported when the app is synthesized). Routes, bindings and edges added later count: the
 * specs are rendered at synth. Each policy names its construct and lists its edges, each with
 * the construct that declares it, in the annotations `cdk8s-service-patterns/construct` and
 * `cdk8s-service-patterns/edges`.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class NetworkPolicies extends Construct {
  /** The ApiObject of each policy, by the path of the workload's construct. */
  private readonly byWorkload = new Map<string, ApiObject>();
  private readonly workloads: Workload[];
  private readonly userEdges: UserEdge[] = [];
  private readonly settings: EdgeSettings;
  private readonly egress: boolean;
  private readonly scopeConstruct: IConstruct;

  public constructor(scope: Construct, id: string, props: NetworkPoliciesProps = {}) {
    super(scope, id);
    const p: NetworkPoliciesProps = props !== null && typeof props === 'object' ? props : {};
    const problems = new Problems(this);
    for (const key of ['egress', 'dns', 'externalNameEgress'] as const) {
      if (p[key] !== undefined && typeof p[key] !== 'boolean') {
        problems.add(key, p[key], 'must be true or false');
      }
    }
    for (const key of ['ingressControllerNamespace', 'gatewayNamespace'] as const) {
      if (p[key] !== undefined && !(p[key] instanceof ControllerNamespace)) {
        problems.add(key, p[key], 'must be a `ControllerNamespace`', 'use e.g. ControllerNamespace.INGRESS_NGINX or ControllerNamespace.named(\'ingress\')');
      }
    }
    const dnsLabels = p.dnsPodLabels ?? { 'k8s-app': 'kube-dns' };
    if (dnsLabels === null || typeof dnsLabels !== 'object' || Object.keys(dnsLabels).length === 0) {
      problems.add('dnsPodLabels', dnsLabels, 'must name at least one label', 'leave it out for { \'k8s-app\': \'kube-dns\' }');
    }
    const dnsNamespace = p.dnsNamespace ?? 'kube-system';
    if (p.dnsNamespace !== undefined) {
      // (the checks of a namespace name, by the factory that makes a namespace selector)
      try {
        ControllerNamespace.named(p.dnsNamespace);
      } catch {
        problems.add('dnsNamespace', p.dnsNamespace, 'must be a namespace name (a DNS-1123 label)', 'leave it out for \'kube-system\'');
      }
    }
    problems.throwIfAny();

    this.egress = p.egress ?? false;
    const controller = p.ingressControllerNamespace ?? ControllerNamespace.INGRESS_NGINX;
    const gateway = p.gatewayNamespace ?? controller;
    this.settings = {
      controllerNamespace: { labels: controller._matchLabels(), text: controller._describe() },
      gatewayNamespace: { labels: gateway._matchLabels(), text: gateway._describe() },
      dns: this.egress && (p.dns ?? true) ? { namespace: dnsNamespace, labels: { ...dnsLabels } } : undefined,
      externalNameEgress: p.externalNameEgress ?? false,
    };
    this.scopeConstruct = p.scope ?? Chart.of(this);
    this.workloads = workloadsOf(this.scopeConstruct);

    // One policy per workload: the workloads are known now, their edges only at synth.
    const seen = new Set<string>();
    for (const w of this.workloads) {
      const key = `${w.namespace ?? ''}/${w.name}`;
      if (seen.has(key)) {
        continue; // (two workloads of one name in one namespace: the net reports their objects)
      }
      seen.add(key);
      // (the construct id: the name, and the namespace for a second workload of that name)
      const policyId = [...seen].some((k) => k !== key && k.endsWith(`/${w.name}`)) ? `${w.name}-${w.namespace ?? 'default'}` : w.name;
      const policy = new ApiObject(this, policyId, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: w.name, ...(w.namespace !== undefined ? { namespace: w.namespace } : {}) },
        spec: Lazy.any({ produce: () => policySpecOf(w, this.currentEdges().edges, this.egress) }),
      });
      policy.metadata.addAnnotation(CONSTRUCT_ANNOTATION, w.label);
      policy.metadata.addAnnotation(EDGES_ANNOTATION, Lazy.any({ produce: () => notesOf(w, this.currentEdges().edges, this.egress) }) as any);
      this.byWorkload.set(w.path, policy);
    }

    this.node.addValidation({ validate: () => this.problems() });
    // the policies it emits are checked with the rest of the app (NP001-NP007 among the rules)
    underSafetyNet(this);
  }

  /**
   * Declares an edge: `from` may connect to `to`. One end must be a workload of the library
   * (the policy of which allows it); the other may be anything a `PolicyPeer` names: a workload
   * of your own reaching a library app (`PolicyPeer.pods`), or a library app reaching a Service
   * outside the app (its pods, `PolicyPeer.pods` with a namespace, or its addresses,
   * `PolicyPeer.ipBlock`), or an `ExternalService`. Throws a `ValidationError` if neither end
   * is a workload of the library that this `NetworkPolicies` covers, or the edge was declared
   * already.
   *
   * @returns the edge, as declared
   */
  public addEdge(from: PolicyPeer, to: PolicyPeer, options: PolicyEdgeOptions = {}): PolicyEdge {
    const problems = new Problems(this);
    const o: PolicyEdgeOptions = options !== null && typeof options === 'object' ? options : {};
    for (const [field, peer] of [['from', from], ['to', to]] as const) {
      if (!(peer instanceof PolicyPeer)) {
        problems.add(field, peer, 'must be a `PolicyPeer`', 'use PolicyPeer.workload(app), PolicyPeer.pods({ labels }) or PolicyPeer.ipBlock(cidr)');
      }
    }
    if (o.port !== undefined && (typeof o.port !== 'number' || !Number.isInteger(o.port) || o.port < 1 || o.port > 65535)) {
      problems.add('port', o.port, 'must be a port number from 1 to 65535');
    }
    if (o.protocol !== undefined && !Object.values(Protocol).includes(o.protocol)) {
      problems.add('protocol', o.protocol, 'must be \'TCP\', \'UDP\' or \'SCTP\'');
    }
    problems.throwIfAny();
    const f = from._spec();
    const t = to._spec();
    const covered = (s: ReturnType<PolicyPeer['_spec']>) => s.kind === 'construct' && this.workloads.some((w) => w.construct === s.construct);
    if (f.kind === 'construct' && (f.construct instanceof ExternalService || f.construct instanceof ExternalDatabase)) {
      problems.add('from', f.construct.node.path, 'must not be an external backend: it opens no connections', 'make it the destination `to`');
    } else if (!covered(f) && !covered(t)) {
      problems.add('from', describePeer(f), `or \`to\` (${describePeer(t)}) must be a workload of the library below ${this.scopeConstruct.node.path || 'the app'}, created before this NetworkPolicies`,
        'use PolicyPeer.workload(app) for one end');
    }
    if (o.port !== undefined && t.kind === 'construct' && isLibraryConstruct(t.construct)) {
      const ports = this.portsOf(t.construct);
      if (!ports.includes(o.port)) {
        problems.add('port', o.port, `must be a port of the Services of ${t.construct.node.path}: one of ${ports.join(', ') || 'none'}`);
      }
    }
    const declared: UserEdge = {
      from: f,
      to: t,
      port: o.port,
      protocol: o.protocol,
      reason: o.reason ?? 'declared with addEdge',
      source: this.node.path,
      origin: 'NetworkPolicies.addEdge',
    };
    if (this.userEdges.some((u) => u.from === f && u.to === t && u.port === o.port && u.protocol === o.protocol)
      || this.userEdges.some((u) => JSON.stringify(keyOf(u)) === JSON.stringify(keyOf(declared)))) {
      problems.add('to', describePeer(t), `must not be declared twice from ${describePeer(f)}${o.port !== undefined ? ` on port ${o.port}` : ''}`);
    }
    problems.throwIfAny();
    this.userEdges.push(declared);
    return {
      from: describePeer(f),
      to: describePeer(t),
      port: o.port,
      protocol: o.protocol ?? 'TCP',
      reason: declared.reason,
      constructPath: declared.source,
    };
  }

  /**
   * Every edge the policies allow, as they stand now (the constructs' edges and those of
   * `addEdge`), in a stable order.
   */
  public get edges(): PolicyEdge[] {
    return this.currentEdges().edges.map((e) => ({
      from: e.from.text,
      to: e.to.text,
      port: typeof e.port === 'number' ? e.port : undefined,
      portName: typeof e.port === 'string' ? e.port : undefined,
      protocol: e.protocol,
      reason: e.reason,
      constructPath: e.source,
    }));
  }

  /**
   * The NetworkPolicies, one per workload, in the order of the workloads (a copy of the list).
   */
  public get policies(): ApiObject[] {
    return [...this.byWorkload.values()];
  }

  /** @internal the edges, as the internal model (for the tests of the semantics) */
  public _edges(): Edge[] {
    return this.currentEdges().edges;
  }

  private currentEdges() {
    return collectEdges(this.scopeConstruct, this.workloads, this.userEdges, this.settings);
  }

  /** The Service ports of a library construct. */
  private portsOf(c: IConstruct): number[] {
    if (c instanceof ExternalService || c instanceof ExternalDatabase) {
      return c.ports.map((p) => p.port);
    }
    const w = this.workloads.find((x) => x.construct === c);
    return w ? w.servicePorts().map((p) => p.port) : [];
  }

  /** The problems found at synth: workloads created too late, edges no policy can express. */
  private problems(): string[] {
    const out: string[] = [];
    const known = new Set(this.workloads.map((w) => w.construct));
    for (const w of workloadsOf(this.scopeConstruct)) {
      if (!known.has(w.construct)) {
        out.push(`${w.path} was created after ${this.node.path}, which has no NetworkPolicy for it: create the NetworkPolicies after every workload`);
      }
    }
    if (this.egress) {
      for (const u of this.currentEdges().unexpressed) {
        out.push(`${u.message} [${u.source}]: set \`externalNameEgress: true\` to allow the port to any address, or give the backend as IP addresses`);
      }
    }
    return out;
  }
}

function describePeer(s: ReturnType<PolicyPeer['_spec']>): string {
  switch (s.kind) {
    case 'construct': return s.construct.node.path;
    case 'pods': return `pods ${s.namespace ? `${s.namespace}/` : ''}${Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(',')}`;
    case 'namespace': return s.text;
    case 'ipBlock': return s.cidr;
  }
}

function keyOf(u: UserEdge): unknown {
  const end = (s: ReturnType<PolicyPeer['_spec']>) => (s.kind === 'construct' ? s.construct.node.path : s);
  return [end(u.from), end(u.to), u.port ?? null, u.protocol ?? null];
}
