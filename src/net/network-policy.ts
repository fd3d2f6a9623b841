// Internal: the semantics of Kubernetes NetworkPolicies (networking.k8s.io/v1) over a set of
// manifests, as pure functions. Used by the connectivity map and meant for a future checker
// rule set; it imports nothing from src/validation. Not exported by the folder's index, so not
// part of the package's API.
//
// Every rule below cites https://kubernetes.io/docs/concepts/services-networking/network-policies/
// ("the docs") or the API reference of NetworkPolicy
// (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/,
// "the reference").
//
// What a manifest cannot tell, and how it is read here:
// - Pods are pod templates: a template stands for all the pods a workload creates, and those
//   pods carry exactly the template's labels (labels that controllers add, such as
//   `pod-template-hash`, are not known). Traffic between two pods of one template is traffic
//   between different pods: the docs' "a pod cannot block access to itself" is not applied.
// - Pod IPs are not known: an `ipBlock` peer matches only connections given by IP address, never
//   a pod template (the docs: ipBlock is meant for cluster-external IPs, since pod IPs are
//   ephemeral).
// - A namespace that is not among the manifests has only the label Kubernetes always sets,
//   `kubernetes.io/metadata.name: <name>` (the docs, "Targeting a Namespace by its name"); its
//   other labels are unknown and taken to be absent.
// - A named port resolves only against the containers of a destination pod template among the
//   manifests; towards an IP address it matches nothing.
// - Connections from the pod's node, always allowed by the docs, are not modelled.
import * as ipaddr from 'ipaddr.js';

/** The label the control plane sets on every namespace: its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The default protocol of a NetworkPolicyPort and a ContainerPort (the reference: "defaults to TCP"). */
export const DEFAULT_PROTOCOL = 'TCP';

/** A port a container of a pod template declares. */
export interface ContainerPortInfo {
  readonly name?: string;
  readonly containerPort?: number;
  readonly protocol: string;
}

/** A pod template of a workload among the manifests, with what NetworkPolicies look at. */
export interface PodTemplateInfo {
  /** The kind and name of the workload (`Deployment`, `web`); for a bare Pod, `Pod` and its name. */
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** The labels of the template, which its pods carry. */
  readonly labels: Readonly<Record<string, string>>;
  /** The ports the containers (and init containers) declare. */
  readonly ports: readonly ContainerPortInfo[];
  /** The index of the workload among the manifests (-1 when built by hand). */
  readonly manifestIndex: number;
}

/** One requirement of a label selector's `matchExpressions`. */
export interface SelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** A metav1.LabelSelector as read: `valid` false when it cannot select anything (malformed). */
export interface LabelSelectorInfo {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly SelectorRequirement[];
  readonly valid: boolean;
}

/** An ipBlock peer. */
export interface IpBlockInfo {
  readonly cidr: string;
  readonly except: readonly string[];
}

/** One peer of a rule: a `from` entry of an ingress rule or a `to` entry of an egress rule. */
export interface PolicyPeerInfo {
  readonly podSelector?: LabelSelectorInfo;
  readonly namespaceSelector?: LabelSelectorInfo;
  readonly ipBlock?: IpBlockInfo;
}

/** One NetworkPolicyPort. */
export interface PolicyPortInfo {
  readonly protocol: string;
  /** A port number or a named port; undefined: every port of the protocol. */
  readonly port?: number | string;
  readonly endPort?: number;
}

/** One ingress or egress rule. */
export interface PolicyRuleInfo {
  /** The peers (`from` or `to`); empty: every peer. */
  readonly peers: readonly PolicyPeerInfo[];
  /** The ports; empty: every port. */
  readonly ports: readonly PolicyPortInfo[];
}

/** A NetworkPolicy as read. */
export interface PolicyInfo {
  readonly name: string;
  readonly namespace: string;
  readonly manifestIndex: number;
  readonly podSelector: LabelSelectorInfo;
  /** Whether the policy applies to the ingress and to the egress of the pods it selects. */
  readonly ingressType: boolean;
  readonly egressType: boolean;
  readonly ingress: readonly PolicyRuleInfo[];
  readonly egress: readonly PolicyRuleInfo[];
}

/** One end of a connection: a pod template, or an address outside the pods known. */
export type Party = { readonly pod: PodTemplateInfo; readonly ip?: undefined } | { readonly ip: string; readonly pod?: undefined };

/** A connection to decide: from one party to another, on a port (number or container port name) and protocol. */
export interface ConnectionQuery {
  readonly from: Party;
  readonly to: Party;
  readonly port: number | string;
  /** @default 'TCP' */
  readonly protocol?: string;
}

/** The decision for one direction (ingress of the destination, or egress of the source). */
export interface DirectionVerdict {
  /** Whether the pod is isolated in this direction (false for an address: no policy applies). */
  readonly isolated: boolean;
  /** Whether this direction lets the connection through. */
  readonly allowed: boolean;
  /** The names of the policies whose rules allow it (empty when not isolated). */
  readonly allowedBy: readonly string[];
}

/** The decision on a connection: both the egress of the source and the ingress of the destination must allow it. */
export interface ConnectionVerdict {
  readonly allowed: boolean;
  readonly ingress: DirectionVerdict;
  readonly egress: DirectionVerdict;
}

function isMap(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function list(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

function nonEmptyString(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/** The namespace of an object, or `defaultNamespace` (as `kubectl apply` places it). */
export function namespaceOfObject(obj: unknown, defaultNamespace: string): string {
  return (isMap(obj) && isMap(obj.metadata) ? nonEmptyString(obj.metadata.namespace) : undefined) ?? defaultNamespace;
}

function nameOfObject(obj: unknown): string {
  return (isMap(obj) && isMap(obj.metadata) ? nonEmptyString(obj.metadata.name) : undefined) ?? '';
}

/** String-valued entries of a map (labels), in key order. */
export function stringMap(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(x)) {
    for (const k of Object.keys(x).sort()) {
      if (typeof x[k] === 'string') {
        out[k] = x[k];
      }
    }
  }
  return out;
}

/** The pod template (`metadata` and `spec`) of a workload object, or undefined for any other kind. */
export function podTemplateSource(obj: unknown): { readonly metadata?: unknown; readonly spec?: unknown } | undefined {
  if (!isMap(obj)) {
    return undefined;
  }
  const spec = isMap(obj.spec) ? obj.spec : {};
  switch (obj.kind) {
    case 'Pod':
      return obj;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return isMap(spec.template) ? spec.template : undefined;
    case 'CronJob': {
      const job = isMap(spec.jobTemplate) && isMap(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
      return isMap(job.template) ? job.template : undefined;
    }
    default:
      return undefined;
  }
}

/** The pod template of a workload manifest, or undefined when the object is not a workload. */
export function podTemplateOf(obj: unknown, manifestIndex: number, defaultNamespace: string): PodTemplateInfo | undefined {
  const t = podTemplateSource(obj);
  if (!t) {
    return undefined;
  }
  const spec = isMap(t.spec) ? t.spec : {};
  const ports: ContainerPortInfo[] = [];
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    for (const p of list(isMap(c) ? c.ports : undefined)) {
      if (isMap(p)) {
        ports.push({
          name: nonEmptyString(p.name),
          containerPort: typeof p.containerPort === 'number' ? p.containerPort : undefined,
          protocol: nonEmptyString(p.protocol) ?? DEFAULT_PROTOCOL,
        });
      }
    }
  }
  return {
    kind: String((obj as any).kind),
    name: nameOfObject(obj),
    namespace: namespaceOfObject(obj, defaultNamespace),
    labels: stringMap(isMap(t.metadata) ? t.metadata.labels : undefined),
    ports,
    manifestIndex,
  };
}

/** The selector that selects everything: `{}`. */
export const SELECT_ALL: LabelSelectorInfo = { matchLabels: {}, matchExpressions: [], valid: true };

/**
 * Reads a metav1.LabelSelector. "An empty label selector matches all objects", and a selector
 * the API server would reject (a label value that is not a string, an unknown operator, `In`
 * without values) is read as one that selects nothing.
 */
export function parseSelector(x: unknown): LabelSelectorInfo {
  if (x === undefined || x === null) {
    return SELECT_ALL;
  }
  if (!isMap(x)) {
    return { ...SELECT_ALL, valid: false };
  }
  let valid = true;
  const matchLabels: Record<string, string> = {};
  if (x.matchLabels !== undefined && x.matchLabels !== null) {
    if (!isMap(x.matchLabels)) {
      valid = false;
    } else {
      for (const k of Object.keys(x.matchLabels)) {
        const v = x.matchLabels[k];
        if (typeof v === 'string') {
          matchLabels[k] = v;
        } else {
          valid = false;
        }
      }
    }
  }
  const matchExpressions: SelectorRequirement[] = [];
  for (const e of list(x.matchExpressions)) {
    const key = isMap(e) ? nonEmptyString(e.key) : undefined;
    const operator = isMap(e) ? e.operator : undefined;
    const values = isMap(e) ? list(e.values) : [];
    if (key === undefined || !values.every((v) => typeof v === 'string')) {
      valid = false;
      continue;
    }
    switch (operator) {
      case 'In':
      case 'NotIn':
        valid = valid && values.length > 0;
        break;
      case 'Exists':
      case 'DoesNotExist':
        valid = valid && values.length === 0;
        break;
      default:
        valid = false;
    }
    matchExpressions.push({ key, operator, values });
  }
  return { matchLabels, matchExpressions, valid };
}

/**
 * Whether a selector matches a set of labels: every `matchLabels` pair, and every requirement
 * ("ANDed"): `In` the label is one of the values, `NotIn` it is absent or none of them,
 * `Exists` / `DoesNotExist` the key is present / absent.
 */
export function selectorMatches(selector: LabelSelectorInfo, labels: Readonly<Record<string, string>>): boolean {
  if (!selector.valid) {
    return false;
  }
  for (const k of Object.keys(selector.matchLabels)) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== selector.matchLabels[k]) {
      return false;
    }
  }
  for (const r of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In':
        if (!has || !r.values.includes(labels[r.key])) return false;
        break;
      case 'NotIn':
        if (has && r.values.includes(labels[r.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function parsePort(x: unknown): PolicyPortInfo {
  const p = isMap(x) ? x : {};
  const protocol = nonEmptyString(p.protocol) ?? DEFAULT_PROTOCOL;
  const port = typeof p.port === 'number' || (typeof p.port === 'string' && p.port !== '') ? p.port : undefined;
  const endPort = typeof p.endPort === 'number' && typeof port === 'number' ? p.endPort : undefined;
  return { protocol, port, endPort };
}

function parsePeer(x: unknown): PolicyPeerInfo {
  const p = isMap(x) ? x : {};
  const ipBlock = isMap(p.ipBlock)
    ? { cidr: typeof p.ipBlock.cidr === 'string' ? p.ipBlock.cidr : '', except: list(p.ipBlock.except).filter((e): e is string => typeof e === 'string') }
    : undefined;
  return {
    podSelector: p.podSelector === undefined || p.podSelector === null ? undefined : parseSelector(p.podSelector),
    namespaceSelector: p.namespaceSelector === undefined || p.namespaceSelector === null ? undefined : parseSelector(p.namespaceSelector),
    ipBlock,
  };
}

function parseRules(rules: unknown, peersField: 'from' | 'to'): PolicyRuleInfo[] {
  return list(rules).map((r) => ({
    peers: list(isMap(r) ? r[peersField] : undefined).map(parsePeer),
    ports: list(isMap(r) ? r.ports : undefined).map(parsePort),
  }));
}

/**
 * The policy types of a NetworkPolicy spec. The reference: "If this field is not specified, it
 * will default based on the existence of ingress or egress rules; policies that contain an egress
 * section are assumed to affect egress, and all policies (whether or not they contain an ingress
 * section) are assumed to affect ingress." The API server defaults on a non-empty `egress` list.
 */
export function policyTypesOf(spec: unknown): { readonly ingress: boolean; readonly egress: boolean } {
  const s = isMap(spec) ? spec : {};
  const types = list(s.policyTypes);
  if (types.length > 0) {
    return { ingress: types.includes('Ingress'), egress: types.includes('Egress') };
  }
  return { ingress: true, egress: list(s.egress).length > 0 };
}

/** Reads a NetworkPolicy manifest, or undefined when the object is not one. */
export function parsePolicy(obj: unknown, manifestIndex: number, defaultNamespace: string): PolicyInfo | undefined {
  if (!isMap(obj) || obj.kind !== 'NetworkPolicy' || obj.apiVersion !== 'networking.k8s.io/v1') {
    return undefined;
  }
  const spec = isMap(obj.spec) ? obj.spec : {};
  const types = policyTypesOf(spec);
  return {
    name: nameOfObject(obj),
    namespace: namespaceOfObject(obj, defaultNamespace),
    manifestIndex,
    // `spec.podSelector` is not a pointer: missing is the empty selector, every pod of the namespace.
    podSelector: parseSelector(spec.podSelector),
    ingressType: types.ingress,
    egressType: types.egress,
    ingress: parseRules(spec.ingress, 'from'),
    egress: parseRules(spec.egress, 'to'),
  };
}

/** Whether an address is in a CIDR of the same family (false for anything unparsable). */
export function cidrContains(cidr: string, ip: string): boolean {
  let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    range = ipaddr.parseCIDR(cidr);
    address = ipaddr.parse(ip);
  } catch {
    return false;
  }
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && range[0].kind() === 'ipv4') {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return address.kind() === range[0].kind() && address.match(range);
}

/**
 * Whether an ipBlock contains an address: in `cidr` and in none of the `except` ranges (the
 * reference: "except is a list of CIDRs that should not be included within an IPBlock").
 */
export function ipBlockContains(block: IpBlockInfo, ip: string): boolean {
  return cidrContains(block.cidr, ip) && !block.except.some((e) => cidrContains(e, ip));
}

/** The ports a named port resolves to on a pod template: the container ports with that name and protocol. */
export function resolveNamedPort(pod: PodTemplateInfo, name: string, protocol: string): number[] {
  return pod.ports.filter((p) => p.name === name && p.protocol === protocol && p.containerPort !== undefined).map((p) => p.containerPort as number);
}

/** The facts the policies are read against: pod templates, namespace labels, policies. */
export class NetworkPolicyModel {
  /**
   * Reads pod templates, Namespaces and NetworkPolicies from manifests; everything else is
   * ignored. Objects without a namespace are in `defaultNamespace`.
   */
  public static fromManifests(manifests: readonly unknown[], defaultNamespace = 'default'): NetworkPolicyModel {
    const pods: PodTemplateInfo[] = [];
    const namespaces: Record<string, Record<string, string>> = {};
    const policies: PolicyInfo[] = [];
    manifests.forEach((obj, i) => {
      if (!isMap(obj)) {
        return;
      }
      if (obj.kind === 'Namespace' && obj.apiVersion === 'v1' && nameOfObject(obj) !== '') {
        namespaces[nameOfObject(obj)] = stringMap(isMap(obj.metadata) ? obj.metadata.labels : undefined);
        return;
      }
      const policy = parsePolicy(obj, i, defaultNamespace);
      if (policy) {
        policies.push(policy);
        return;
      }
      const pod = podTemplateOf(obj, i, defaultNamespace);
      if (pod) {
        pods.push(pod);
      }
    });
    return new NetworkPolicyModel(pods, namespaces, policies);
  }

  public constructor(
    public readonly pods: readonly PodTemplateInfo[],
    /** The labels of the Namespaces among the manifests, by name. */
    private readonly namespaces: Readonly<Record<string, Readonly<Record<string, string>>>>,
    public readonly policies: readonly PolicyInfo[],
  ) {}

  /**
   * The labels of a namespace: those of its manifest, or none when it is not among them; and
   * always `kubernetes.io/metadata.name`, which the control plane sets to the name (the docs,
   * "Targeting a Namespace by its name").
   */
  public namespaceLabels(ns: string): Record<string, string> {
    const known = Object.prototype.hasOwnProperty.call(this.namespaces, ns) ? this.namespaces[ns] : {};
    return { ...known, [NAMESPACE_NAME_LABEL]: ns };
  }

  /**
   * Whether a policy selects a pod: "podSelector selects the grouping of pods to which the
   * policy applies", in the policy's own namespace (NetworkPolicy is namespaced).
   */
  public selects(policy: PolicyInfo, pod: PodTemplateInfo): boolean {
    return policy.namespace === pod.namespace && selectorMatches(policy.podSelector, pod.labels);
  }

  /** The pod templates a policy selects. */
  public selectedPods(policy: PolicyInfo): PodTemplateInfo[] {
    return this.pods.filter((p) => this.selects(policy, p));
  }

  /** The policies that select a pod and apply to its ingress (or egress). */
  public policiesFor(pod: PodTemplateInfo, direction: 'ingress' | 'egress'): PolicyInfo[] {
    return this.policies.filter((p) => this.selects(p, pod) && (direction === 'ingress' ? p.ingressType : p.egressType));
  }

  /**
   * Whether a pod is isolated in a direction. The docs: "a pod is isolated for ingress if there
   * is any NetworkPolicy that both selects the pod and has "Ingress" in its policyTypes" (egress
   * likewise); by default pods are non-isolated.
   */
  public isIsolated(pod: PodTemplateInfo, direction: 'ingress' | 'egress'): boolean {
    return this.policiesFor(pod, direction).length > 0;
  }

  /**
   * Whether a peer of a rule of `policy` matches the other end of a connection. The docs:
   * podSelector alone "selects particular Pods in the same namespace as the NetworkPolicy";
   * namespaceSelector alone "selects particular namespaces for which all Pods should be
   * allowed"; both in one entry select "particular Pods within particular namespaces"; ipBlock
   * "selects particular IP CIDR ranges", minus `except`.
   */
  public peerMatches(policy: PolicyInfo, peer: PolicyPeerInfo, other: Party): boolean {
    if (peer.ipBlock !== undefined) {
      return other.ip !== undefined && ipBlockContains(peer.ipBlock, other.ip);
    }
    const pod = other.pod;
    if (pod === undefined) {
      return false; // selectors select pods, and an address is no pod known
    }
    if (peer.podSelector === undefined && peer.namespaceSelector === undefined) {
      return false; // an empty peer is rejected by the API server
    }
    const inNamespace = peer.namespaceSelector === undefined
      ? pod.namespace === policy.namespace
      : selectorMatches(peer.namespaceSelector, this.namespaceLabels(pod.namespace));
    return inNamespace && (peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels));
  }

  /**
   * Whether a NetworkPolicyPort matches the connection's port and protocol. The reference:
   * protocol defaults to TCP; no `port` matches every port; `port` is "a numerical or named port
   * on a pod", and `endPort` makes the numerical port a range `port`..`endPort`. Named ports
   * are resolved on the destination pod (its containers' port names with the same protocol).
   */
  public portMatches(policyPort: PolicyPortInfo, to: Party, port: number | string, protocol: string): boolean {
    if (policyPort.protocol !== protocol) {
      return false;
    }
    if (policyPort.port === undefined) {
      return true;
    }
    const numbers = typeof port === 'number' ? [port] : to.pod ? resolveNamedPort(to.pod, port, protocol) : [];
    if (typeof policyPort.port === 'number') {
      const first = policyPort.port;
      const last = policyPort.endPort ?? first;
      return numbers.some((n) => n >= first && n <= last);
    }
    if (port === policyPort.port) {
      return true; // the same container port name
    }
    const named = to.pod ? resolveNamedPort(to.pod, policyPort.port, protocol) : [];
    return numbers.some((n) => named.includes(n));
  }

  /**
   * Whether a rule allows a connection: "each rule allows traffic which matches both the from
   * and ports sections"; an empty (or missing) `from`/`to` matches all peers, and empty (or
   * missing) `ports` all ports.
   */
  public ruleAllows(policy: PolicyInfo, rule: PolicyRuleInfo, other: Party, to: Party, port: number | string, protocol: string): boolean {
    const peerOk = rule.peers.length === 0 || rule.peers.some((peer) => this.peerMatches(policy, peer, other));
    return peerOk && (rule.ports.length === 0 || rule.ports.some((p) => this.portMatches(p, to, port, protocol)));
  }

  /**
   * The decision on a connection. The docs: "For a connection from a source pod to a
   * destination pod to be allowed, both the egress policy on the source pod and the ingress
   * policy on the destination pod need to allow the connection"; a direction that is not
   * isolated allows everything; when isolated, only what some applying policy's rules allow
   * (their union: "policies are additive"). A policy without rules for its type allows nothing.
   */
  public allows(query: ConnectionQuery): ConnectionVerdict {
    const protocol = query.protocol ?? DEFAULT_PROTOCOL;
    const decide = (self: Party, other: Party, direction: 'ingress' | 'egress'): DirectionVerdict => {
      if (self.pod === undefined) {
        return { isolated: false, allowed: true, allowedBy: [] };
      }
      const applying = this.policiesFor(self.pod, direction);
      if (applying.length === 0) {
        return { isolated: false, allowed: true, allowedBy: [] };
      }
      const allowedBy = applying
        .filter((p) => (direction === 'ingress' ? p.ingress : p.egress).some((r) => this.ruleAllows(p, r, other, query.to, query.port, protocol)))
        .map((p) => p.name);
      return { isolated: true, allowed: allowedBy.length > 0, allowedBy };
    };
    const ingress = decide(query.to, query.from, 'ingress');
    const egress = decide(query.from, query.to, 'egress');
    return { allowed: ingress.allowed && egress.allowed, ingress, egress };
  }

  /**
   * Which policies admit some ingress to a pod on a port, whatever the source: the decision for
   * an edge whose source is not known (a Service's clients, an ingress controller). Isolated
   * with no policy listed: no source at all may connect on that port.
   */
  public ingressOnPort(pod: PodTemplateInfo, port: number | string, protocol: string = DEFAULT_PROTOCOL): DirectionVerdict {
    const applying = this.policiesFor(pod, 'ingress');
    if (applying.length === 0) {
      return { isolated: false, allowed: true, allowedBy: [] };
    }
    const to: Party = { pod };
    const allowedBy = applying
      .filter((p) => p.ingress.some((r) => r.ports.length === 0 || r.ports.some((pp) => this.portMatches(pp, to, port, protocol))))
      .map((p) => p.name);
    return { isolated: true, allowed: allowedBy.length > 0, allowedBy };
  }
}
