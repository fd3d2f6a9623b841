// Internal: builds the connectivity map (nodes and edges) from manifests. Not exported by the
// folder's index.
import { MapEdgeStatus, MapNodeKind } from './map-types';
import {
  LabelSelectorInfo, NAMESPACE_NAME_LABEL, NetworkPolicyModel, PodTemplateInfo, PolicyInfo, PolicyPeerInfo, PolicyPortInfo, PolicyRuleInfo,
  ipBlockContains, namespaceOfObject, stringMap,
} from '../net/network-policy';
import type { Finding } from '../validation/finding';

/** A node as built: `key` is unique. */
export interface NodeData {
  readonly key: string;
  /** The place of its kind in the output, from the outside in. */
  readonly order: number;
  readonly kind: MapNodeKind;
  readonly name: string;
  readonly namespace?: string;
  /** The lines of its label. */
  readonly lines: string[];
  readonly manifestIndex?: number;
  /** The id prefix: `svc`, `deploy`, ... */
  readonly prefix: string;
  /** The rule ids of the findings about the object that no edge shows. */
  readonly findings: string[];
}

/** An edge as built. */
export interface EdgeData {
  readonly from: string;
  readonly to: string;
  readonly lines: string[];
  status: MapEdgeStatus;
  /** Why it is marked: the policies, or the findings. */
  note?: string;
  /** The manifest and the fields the edge is drawn from: the findings on them mark it. */
  readonly manifestIndex?: number;
  readonly fields: readonly string[];
}

export interface Graph {
  readonly nodes: NodeData[];
  readonly edges: EdgeData[];
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** The order of kinds in the output, from the outside in. */
const KIND_ORDER: MapNodeKind[] = [
  MapNodeKind.INGRESS, MapNodeKind.GATEWAY, MapNodeKind.HTTP_ROUTE, MapNodeKind.GRPC_ROUTE, MapNodeKind.SERVICE,
  MapNodeKind.ENDPOINT_SLICE, MapNodeKind.ENDPOINTS, MapNodeKind.WORKLOAD, MapNodeKind.NETWORK_POLICY, MapNodeKind.MISSING,
  MapNodeKind.ADDRESS, MapNodeKind.EXTERNAL_HOST,
];

const WORKLOAD_PREFIX: Record<string, string> = {
  Deployment: 'deploy', StatefulSet: 'sts', DaemonSet: 'ds', ReplicaSet: 'rs', ReplicationController: 'rc', Job: 'job', CronJob: 'cronjob', Pod: 'pod',
};

function isMap(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function list(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

function map(x: unknown): Record<string, any> {
  return isMap(x) ? x : {};
}

function text(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/** A port as written: a number, or a name. */
function portText(x: unknown): string | undefined {
  return typeof x === 'number' ? String(x) : text(x);
}

function nameOf(obj: Record<string, any>): string {
  return text(map(obj.metadata).name) ?? '';
}

function labelsText(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(', ');
}

/** The type of a Service as the API server defaults it. */
function serviceTypeOf(spec: Record<string, any>): string {
  if (text(spec.type)) {
    return spec.type;
  }
  return text(spec.externalName) ? 'ExternalName' : 'ClusterIP';
}

class Builder {
  public readonly nodes = new Map<string, NodeData>();
  public readonly edges: EdgeData[] = [];
  /** The node of each manifest, by its index. */
  public readonly nodeOfManifest = new Map<number, string>();

  public node(kind: MapNodeKind, prefix: string, namespace: string | undefined, name: string, lines: string[], manifestIndex?: number): string {
    const key = JSON.stringify([kind, namespace ?? null, name, prefix]);
    if (!this.nodes.has(key)) {
      this.nodes.set(key, { key, order: KIND_ORDER.indexOf(kind), kind, name, namespace, lines, manifestIndex, prefix, findings: [] });
    }
    if (manifestIndex !== undefined && !this.nodeOfManifest.has(manifestIndex)) {
      this.nodeOfManifest.set(manifestIndex, key);
    }
    return key;
  }

  public missing(what: string, namespace: string, name: string): string {
    return this.node(MapNodeKind.MISSING, 'missing', namespace, `${what} ${name}`, [`missing ${what} ${name}`]);
  }

  public edge(from: string, to: string, lines: string[], manifestIndex: number | undefined, fields: string[]): EdgeData {
    const e: EdgeData = { from, to, lines, status: MapEdgeStatus.NORMAL, manifestIndex, fields };
    this.edges.push(e);
    return e;
  }
}

interface Indexed {
  readonly index: number;
  readonly obj: Record<string, any>;
  readonly ns: string;
}

/** Builds the graph of the manifests, marked by the policies among them and the findings given. */
export function buildGraph(manifests: readonly unknown[], defaultNamespace: string, findings: readonly Finding[]): Graph {
  const b = new Builder();
  const policies = NetworkPolicyModel.fromManifests(manifests, defaultNamespace);
  const byKind = new Map<string, Indexed[]>();
  manifests.forEach((obj, index) => {
    if (isMap(obj) && typeof obj.kind === 'string') {
      const all = byKind.get(obj.kind) ?? [];
      all.push({ index, obj, ns: namespaceOfObject(obj, defaultNamespace) });
      byKind.set(obj.kind, all);
    }
  });
  const of = (kind: string, group?: string): Indexed[] => (byKind.get(kind) ?? [])
    .filter((m) => (group === undefined ? m.obj.apiVersion === 'v1' : typeof m.obj.apiVersion === 'string' && m.obj.apiVersion.startsWith(`${group}/`)));

  // Workloads first: Services and policies point at them.
  const workloadKey = new Map<PodTemplateInfo, string>();
  for (const pod of policies.pods) {
    const lines = [`${pod.kind} ${pod.name}`];
    if (Object.keys(pod.labels).length > 0) {
      lines.push(labelsText(pod.labels));
    }
    workloadKey.set(pod, b.node(MapNodeKind.WORKLOAD, WORKLOAD_PREFIX[pod.kind] ?? 'workload', pod.namespace, pod.name, lines, pod.manifestIndex));
  }

  const services = new Map<string, string>(); // ns/name -> node key
  for (const s of of('Service')) {
    const spec = map(s.obj.spec);
    const type = serviceTypeOf(spec);
    let typeLine = type;
    if (type === 'ClusterIP' && spec.clusterIP === 'None') {
      typeLine = 'headless';
    } else if (type === 'NodePort' || type === 'LoadBalancer') {
      const nodePorts = list(spec.ports).map((p) => map(p).nodePort).filter((n) => typeof n === 'number');
      typeLine = nodePorts.length > 0 ? `${type} ${nodePorts.join(', ')}` : type;
    }
    services.set(`${s.ns}/${nameOf(s.obj)}`, b.node(MapNodeKind.SERVICE, 'svc', s.ns, nameOf(s.obj), [`Service ${nameOf(s.obj)}`, typeLine], s.index));
  }
  const serviceNode = (ns: string, name: string): string => services.get(`${ns}/${name}`) ?? b.missing('Service', ns, name);

  // Ingress -> Service
  for (const ing of of('Ingress', 'networking.k8s.io')) {
    const spec = map(ing.obj.spec);
    const lines = [`Ingress ${nameOf(ing.obj)}`];
    const cls = text(spec.ingressClassName) ?? text(map(map(ing.obj.metadata).annotations)['kubernetes.io/ingress.class']);
    if (cls) {
      lines.push(`class ${cls}`);
    }
    const me = b.node(MapNodeKind.INGRESS, 'ing', ing.ns, nameOf(ing.obj), lines, ing.index);
    const backend = (be: unknown, route: string, field: string) => {
      const svc = map(map(be).service);
      const name = text(svc.name);
      if (name === undefined) {
        return;
      }
      const port = portText(map(svc.port).number) ?? portText(map(svc.port).name) ?? '?';
      b.edge(me, serviceNode(ing.ns, name), [`${route} → ${port}`], ing.index, [field]);
    };
    if (isMap(spec.defaultBackend)) {
      backend(spec.defaultBackend, 'default', 'spec.defaultBackend');
    }
    list(spec.rules).forEach((rule, i) => {
      const host = text(map(rule).host) ?? '*';
      list(map(map(rule).http).paths).forEach((p, j) => {
        backend(map(p).backend, `${host}${text(map(p).path) ?? '/'}`, `spec.rules[${i}].http.paths[${j}].backend`);
      });
    });
  }

  // Gateway -> route -> Service
  const gateways = new Map<string, string>();
  for (const gw of of('Gateway', GATEWAY_GROUP)) {
    const spec = map(gw.obj.spec);
    const lines = [`Gateway ${nameOf(gw.obj)}`];
    if (text(spec.gatewayClassName)) {
      lines.push(`class ${spec.gatewayClassName}`);
    }
    for (const l of list(spec.listeners)) {
      const host = text(map(l).hostname);
      lines.push(`${text(map(l).name) ?? '?'} ${text(map(l).protocol) ?? '?'}:${portText(map(l).port) ?? '?'}${host ? ` ${host}` : ''}`);
    }
    gateways.set(`${gw.ns}/${nameOf(gw.obj)}`, b.node(MapNodeKind.GATEWAY, 'gw', gw.ns, nameOf(gw.obj), lines, gw.index));
  }
  const routeKinds: Array<[string, MapNodeKind, string]> = [['HTTPRoute', MapNodeKind.HTTP_ROUTE, 'httproute'], ['GRPCRoute', MapNodeKind.GRPC_ROUTE, 'grpcroute']];
  for (const [kind, nodeKind, prefix] of routeKinds) {
    for (const r of of(kind, GATEWAY_GROUP)) {
      const spec = map(r.obj.spec);
      const lines = [`${kind} ${nameOf(r.obj)}`];
      const hostnames = list(spec.hostnames).filter((h) => typeof h === 'string');
      if (hostnames.length > 0) {
        lines.push(hostnames.join(', '));
      }
      const me = b.node(nodeKind, prefix, r.ns, nameOf(r.obj), lines, r.index);
      list(spec.parentRefs).forEach((ref, i) => {
        const p = map(ref);
        const group = p.group ?? GATEWAY_GROUP;
        const refKind = p.kind ?? 'Gateway';
        const name = text(p.name);
        if (group !== GATEWAY_GROUP || refKind !== 'Gateway' || name === undefined) {
          return; // a parent of another kind (a Service, for a mesh) is not drawn
        }
        const ns = text(p.namespace) ?? r.ns;
        const gwNode = gateways.get(`${ns}/${name}`) ?? b.missing('Gateway', ns, name);
        const label = [text(p.sectionName), portText(p.port) === undefined ? undefined : `port ${portText(p.port)}`].filter((x) => x !== undefined).join(' ');
        b.edge(gwNode, me, label === '' ? [] : [label], r.index, [`spec.parentRefs[${i}]`]);
      });
      list(spec.rules).forEach((rule, i) => {
        const refs = list(map(rule).backendRefs);
        const match = kind === 'HTTPRoute' ? httpMatches(map(rule).matches) : grpcMatches(map(rule).matches);
        refs.forEach((ref, j) => {
          const be = map(ref);
          const group = be.group ?? '';
          const refKind = be.kind ?? 'Service';
          const name = text(be.name);
          if (group !== '' || refKind !== 'Service' || name === undefined) {
            return;
          }
          const ns = text(be.namespace) ?? r.ns;
          const weight = typeof be.weight === 'number' && (refs.length > 1 || be.weight !== 1) ? ` (weight ${be.weight})` : '';
          b.edge(me, serviceNode(ns, name), [`${match} → ${portText(be.port) ?? '?'}${weight}`], r.index, [`spec.rules[${i}].backendRefs[${j}]`]);
        });
      });
    }
  }

  // Service -> workload, Service -> external host
  for (const s of of('Service')) {
    const spec = map(s.obj.spec);
    const me = services.get(`${s.ns}/${nameOf(s.obj)}`) as string;
    if (serviceTypeOf(spec) === 'ExternalName') {
      const host = text(spec.externalName);
      if (host) {
        b.edge(me, b.node(MapNodeKind.EXTERNAL_HOST, 'host', undefined, host, [host]), ['CNAME'], s.index, ['spec.externalName']);
      }
      continue;
    }
    const selector = spec.selector;
    if (!isMap(selector) || Object.keys(selector).length === 0) {
      continue; // backed by its EndpointSlices or Endpoints
    }
    const wanted = stringMap(selector);
    const selected = policies.pods.filter((p) => p.namespace === s.ns
      && Object.keys(selector).every((k) => typeof selector[k] === 'string' && p.labels[k] === selector[k]));
    if (selected.length === 0) {
      const none = b.node(MapNodeKind.MISSING, 'missing', s.ns, `pods ${labelsText(wanted)}`, [`no pod matches ${labelsText(wanted)}`]);
      b.edge(me, none, [], s.index, ['spec.selector']);
      continue;
    }
    const ports = list(spec.ports).filter(isMap);
    for (const pod of selected) {
      const to = workloadKey.get(pod) as string;
      if (ports.length === 0) {
        b.edge(me, to, [], s.index, ['spec.selector']);
      }
      ports.forEach((p, k) => {
        const target = p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort;
        const protocol = text(p.protocol) ?? 'TCP';
        const label = `${text(p.name) ? `${p.name}:` : ''}${portText(p.port) ?? '?'} → ${portText(target) ?? '?'}${protocol === 'TCP' ? '' : `/${protocol}`}`;
        const e = b.edge(me, to, [label], s.index, [`spec.ports[${k}]`]);
        if (typeof target === 'number' || typeof target === 'string') {
          const v = policies.ingressOnPort(pod, target, protocol);
          if (v.isolated) {
            e.status = v.allowed ? MapEdgeStatus.ALLOWED : MapEdgeStatus.DENIED;
            e.note = v.allowed ? `✓ policy ${v.allowedBy.join(', ')}` : '✗ denied by policy';
          }
        }
      });
    }
  }

  // Service -> EndpointSlice -> addresses
  for (const slice of of('EndpointSlice', 'discovery.k8s.io')) {
    const ports = list(slice.obj.ports).map((p) => `${text(map(p).name) ? `${map(p).name}:` : ''}${portText(map(p).port) ?? '?'}`);
    const lines = [`EndpointSlice ${nameOf(slice.obj)}`];
    if (text(slice.obj.addressType)) {
      lines.push(slice.obj.addressType);
    }
    const me = b.node(MapNodeKind.ENDPOINT_SLICE, 'eps', slice.ns, nameOf(slice.obj), lines, slice.index);
    const serviceName = text(map(map(slice.obj.metadata).labels)[SERVICE_NAME_LABEL]);
    if (serviceName !== undefined) {
      b.edge(serviceNode(slice.ns, serviceName), me, ports.length > 0 ? [ports.join(', ')] : [], slice.index, [`metadata.labels[${SERVICE_NAME_LABEL}]`, 'ports']);
    }
    list(slice.obj.endpoints).forEach((ep, i) => {
      const ready = map(map(ep).conditions).ready;
      list(map(ep).addresses).forEach((a, j) => {
        if (typeof a === 'string') {
          b.edge(me, b.node(MapNodeKind.ADDRESS, 'addr', undefined, a, [a]), ready === false ? ['not ready'] : [], slice.index, [`endpoints[${i}].addresses[${j}]`]);
        }
      });
    });
  }
  for (const ep of of('Endpoints')) {
    const me = b.node(MapNodeKind.ENDPOINTS, 'ep', ep.ns, nameOf(ep.obj), [`Endpoints ${nameOf(ep.obj)}`], ep.index);
    const subsets = list(ep.obj.subsets);
    const ports = subsets.flatMap((s) => list(map(s).ports).map((p) => `${text(map(p).name) ? `${map(p).name}:` : ''}${portText(map(p).port) ?? '?'}`));
    b.edge(serviceNode(ep.ns, nameOf(ep.obj)), me, ports.length > 0 ? [[...new Set(ports)].join(', ')] : [], ep.index,
      ['metadata.name', ...subsets.map((_, i) => `subsets[${i}].ports`)]);
    subsets.forEach((subset, i) => {
      for (const field of ['addresses', 'notReadyAddresses']) {
        list(map(subset)[field]).forEach((a, j) => {
          const ip = text(map(a).ip);
          if (ip !== undefined) {
            b.edge(me, b.node(MapNodeKind.ADDRESS, 'addr', undefined, ip, [ip]), field === 'notReadyAddresses' ? ['not ready'] : [], ep.index, [`subsets[${i}].${field}[${j}]`]);
          }
        });
      }
    });
  }

  // NetworkPolicy -> the workloads it selects
  for (const policy of policies.policies) {
    const types = [policy.ingressType ? 'Ingress' : undefined, policy.egressType ? 'Egress' : undefined].filter((t) => t !== undefined).join(', ');
    const me = b.node(MapNodeKind.NETWORK_POLICY, 'netpol', policy.namespace, policy.name, [`NetworkPolicy ${policy.name}`, types], policy.manifestIndex);
    for (const pod of policies.selectedPods(policy)) {
      b.edge(me, workloadKey.get(pod) as string, ['selects'], policy.manifestIndex, ['spec.podSelector']);
    }
  }

  drawPolicyEdges(b, policies, workloadKey);
  markFindings(b, findings);
  return { nodes: [...b.nodes.values()], edges: b.edges };
}

/** `app=web, tier In (a, b)`: a label selector as text (`all` when it selects everything). */
function selectorText(sel: LabelSelectorInfo): string {
  const parts = Object.keys(sel.matchLabels).sort().map((k) => `${k}=${sel.matchLabels[k]}`);
  for (const r of sel.matchExpressions) {
    parts.push(r.operator === 'Exists' ? r.key : r.operator === 'DoesNotExist' ? `!${r.key}` : `${r.key} ${r.operator} (${[...r.values].sort().join(', ')})`);
  }
  return parts.length === 0 ? 'all' : parts.join(', ');
}

/** The one namespace a namespaceSelector names by `kubernetes.io/metadata.name` alone, if so. */
function namedNamespace(sel: LabelSelectorInfo): string | undefined {
  const keys = Object.keys(sel.matchLabels);
  const byName = sel.valid && sel.matchExpressions.length === 0 && keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL;
  return byName ? sel.matchLabels[keys[0]] : undefined;
}

/** `8080/TCP, 53/UDP`: the ports of a rule (`every port` when none). */
function rulePortsText(ports: readonly PolicyPortInfo[]): string {
  if (ports.length === 0) {
    return 'every port';
  }
  const one = (p: PolicyPortInfo) => (p.port === undefined ? 'every port' : `${p.port}${p.endPort !== undefined ? `-${p.endPort}` : ''}`);
  return [...new Set(ports.map((p) => `${one(p)}/${p.protocol}`))].join(', ');
}

/**
 * The edges that exist only as rules of NetworkPolicies: for each peer of an ingress rule, its
 * pods (or namespace, or address range) -> each pod template the policy selects; for each
 * peer of an egress rule, the other way. Pod templates among the manifests are the workload
 * nodes; pods not among them end at a `pods` node (in their namespace when the selector names
 * one), a namespace-only peer at a `namespace` node, an ipBlock at the addresses of the map in
 * the block or, when there are none, at a node of the range. The edges are marked allowed, with
 * the policies and the ports; an edge already drawn between the same nodes gets the mark.
 */
function drawPolicyEdges(b: Builder, model: NetworkPolicyModel, workloadKey: Map<PodTemplateInfo, string>): void {
  const drawn = new Map<string, EdgeData>(); // from -> to, of the edges drawn here
  const addresses = [...b.nodes.values()].filter((n) => n.kind === MapNodeKind.ADDRESS);
  const ends = (policy: PolicyInfo, peer: PolicyPeerInfo): string[] => {
    if (peer.ipBlock !== undefined) {
      const block = peer.ipBlock;
      const inside = addresses.filter((a) => ipBlockContains(block, a.name)).map((a) => a.key);
      if (inside.length > 0) {
        return inside;
      }
      const single = /^(.*)\/(32|128)$/.exec(block.cidr);
      const name = single && block.except.length === 0 ? single[1] : `${block.cidr}${block.except.length > 0 ? ` except ${block.except.join(', ')}` : ''}`;
      return [b.node(MapNodeKind.ADDRESS, 'addr', undefined, name, [name])];
    }
    if (peer.podSelector === undefined && peer.namespaceSelector === undefined) {
      return []; // an empty peer is rejected by the API server
    }
    const nsName = peer.namespaceSelector === undefined ? policy.namespace : namedNamespace(peer.namespaceSelector);
    const nsSelector = peer.namespaceSelector === undefined ? '' : selectorText(peer.namespaceSelector);
    if (peer.podSelector === undefined) {
      return [nsName === undefined
        ? b.node(MapNodeKind.MISSING, 'namespace', undefined, nsSelector, [`namespaces ${nsSelector}`])
        : b.node(MapNodeKind.MISSING, 'namespace', undefined, nsName, [`namespace ${nsName}`])];
    }
    const pods = model.pods.filter((p) => model.peerMatches(policy, peer, { pod: p })).map((p) => workloadKey.get(p) as string);
    if (pods.length > 0) {
      return pods;
    }
    const name = selectorText(peer.podSelector);
    return [nsName === undefined
      ? b.node(MapNodeKind.MISSING, 'pods', undefined, `${name} in namespaces ${nsSelector}`, [`pods ${name}`, `in namespaces ${nsSelector}`])
      : b.node(MapNodeKind.MISSING, 'pods', nsName, name, [`pods ${name}`])];
  };
  const add = (from: string, to: string, line: string, policy: PolicyInfo, fields: string[]) => {
    const key = JSON.stringify([from, to]);
    let e = drawn.get(key);
    if (e === undefined) {
      e = b.edges.find((x) => x.from === from && x.to === to);
      if (e === undefined) {
        e = b.edge(from, to, [], policy.manifestIndex, fields);
      }
      e.status = MapEdgeStatus.ALLOWED;
      drawn.set(key, e);
    }
    const lines = new Set([...(e.note ?? '').split('\n').filter((l) => l !== ''), line]);
    e.note = [...lines].sort().join('\n');
  };
  const rules = (policy: PolicyInfo, direction: 'ingress' | 'egress', all: readonly PolicyRuleInfo[]) => {
    const selected = model.selectedPods(policy).map((p) => workloadKey.get(p) as string);
    all.forEach((rule, i) => {
      const line = `allowed by policy ${policy.name}: ${rulePortsText(rule.ports)}`;
      rule.peers.forEach((peer, j) => {
        const field = `spec.${direction}[${i}].${direction === 'ingress' ? 'from' : 'to'}[${j}]`;
        for (const other of ends(policy, peer)) {
          for (const self of selected) {
            if (direction === 'ingress') {
              add(other, self, line, policy, [field]);
            } else {
              add(self, other, line, policy, [field]);
            }
          }
        }
      });
    });
  };
  for (const policy of model.policies) {
    if (policy.ingressType) {
      rules(policy, 'ingress', policy.ingress);
    }
    if (policy.egressType) {
      rules(policy, 'egress', policy.egress);
    }
  }
}

/** `/api | /v2`: the paths an HTTPRoute rule matches (`/` when none: every request). */
function httpMatches(matches: unknown): string {
  const paths = list(matches).map((m) => {
    const p = map(map(m).path);
    const value = text(p.value) ?? '/';
    const type = text(p.type) ?? 'PathPrefix';
    return type === 'Exact' ? `=${value}` : type === 'RegularExpression' ? `~${value}` : value;
  });
  return paths.length === 0 ? '/' : [...new Set(paths)].join(' | ');
}

/** `svc/Method`: the methods a GRPCRoute rule matches (`*` when none). */
function grpcMatches(matches: unknown): string {
  const methods = list(matches).map((m) => {
    const method = map(map(m).method);
    return `${text(method.service) ?? '*'}/${text(method.method) ?? '*'}`;
  });
  return methods.length === 0 ? '*' : [...new Set(methods)].join(' | ');
}

/** Whether a field path is `prefix` or below it. */
function under(field: string, prefix: string): boolean {
  return field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);
}

/** A message shortened for a label. */
function short(message: string): string {
  return message.length > 60 ? `${message.slice(0, 59)}…` : message;
}

/**
 * Marks the edges the findings concern: an edge drawn from the field of a manifest that a
 * finding is about (or from a field above it). A finding that concerns no edge marks the node
 * of its manifest.
 */
function markFindings(b: Builder, findings: readonly Finding[]): void {
  const ordered = [...findings].filter((f) => !f.acknowledged)
    .sort((x, y) => x.manifestIndex - y.manifestIndex || x.field.localeCompare(y.field) || x.ruleId.localeCompare(y.ruleId));
  for (const f of ordered) {
    const hit = b.edges.filter((e) => e.manifestIndex === f.manifestIndex && e.fields.some((p) => under(f.field, p)));
    for (const e of hit) {
      const note = `✗ ${f.ruleId}: ${short(f.message)}`;
      e.note = e.status === MapEdgeStatus.FINDING && e.note !== undefined ? `${e.note}\n${note}` : note;
      e.status = MapEdgeStatus.FINDING;
    }
    if (hit.length === 0) {
      const key = b.nodeOfManifest.get(f.manifestIndex);
      const node = key === undefined ? undefined : b.nodes.get(key);
      if (node && !node.findings.includes(f.ruleId)) {
        node.findings.push(f.ruleId);
      }
    }
  }
}
