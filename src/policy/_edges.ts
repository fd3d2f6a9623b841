// Internal: the edges of the constructs of the library (who talks to whom, on which port), as
// plain data, and the NetworkPolicy specs that allow exactly them. Pure functions of the
// constructs' state: read at synth (in a Lazy), so they never throw (see STYLE.md, 9).
import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { PeerSpec } from './_peer-spec';
import { ExternalDatabase } from '../external/external-database';
import { ExternalService } from '../external/external-service';
import { selectorLabelsOf } from '../net/labels';
import { HeadlessStatefulService } from '../stateful/headless-stateful-service';
import { InternalWebApp } from '../web/internal-web-app';
import { PublicWebApp } from '../web/public-web-app';

/** The label the control plane sets on every namespace: its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The API group of the Gateway API's routes. */
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Every IPv4 and every IPv6 address. */
export const ANY_ADDRESS = ['0.0.0.0/0', '::/0'];

/** A workload of the library: the pods a policy selects. */
export interface Workload {
  readonly construct: IConstruct;
  /** The construct path. */
  readonly path: string;
  /** The construct's class and name (`InternalWebApp orders`): what the notes name, stable when the construct moves. */
  readonly label: string;
  /** The name of its policy: the app's (or StatefulSet's) name. */
  readonly name: string;
  /** The labels its pods are selected by. */
  readonly labels: Readonly<Record<string, string>>;
  /** The namespace of its objects; undefined: the namespace they are applied to. */
  readonly namespace?: string;
  /** The ports of its Services: Service port to the container port (number or name). */
  readonly servicePorts: () => readonly ServicePortTarget[];
  /** The containers of its pods (a database bound to one has this workload as client). */
  readonly containers: () => readonly kplus.Container[];
  /** The names of its Services. */
  readonly serviceNames: readonly string[];
}

/** A port of a Service of a workload, and the container port it leads to. */
export interface ServicePortTarget {
  readonly port: number;
  readonly name?: string;
  readonly target: number | string;
  readonly protocol: string;
}

/** One end of an edge. */
export type EdgeEnd =
  | { readonly kind: 'pods'; readonly labels: Readonly<Record<string, string>>; readonly namespace?: string; readonly workload?: Workload; readonly text: string }
  | { readonly kind: 'namespace'; readonly labels: Readonly<Record<string, string>>; readonly text: string }
  | { readonly kind: 'ipBlock'; readonly cidr: string; readonly except: readonly string[]; readonly text: string };

/** An edge: `from` may open connections to `to` on the port (every port when undefined). */
export interface Edge {
  readonly from: EdgeEnd;
  readonly to: EdgeEnd;
  readonly port?: number | string;
  readonly protocol: string;
  /** The path of the construct that declares it. */
  readonly source: string;
  /** The class and name of that construct, for the notes of the policies (stable when it moves). */
  readonly origin: string;
  /** Why it exists, in a few words. */
  readonly reason: string;
}

/** An edge no NetworkPolicy can express (a DNS name), with why. */
export interface Unexpressed {
  readonly source: string;
  readonly message: string;
}

/** An edge declared with `NetworkPolicies.addEdge`. */
export interface UserEdge {
  readonly from: PeerSpec;
  readonly to: PeerSpec;
  readonly port?: number;
  readonly protocol?: string;
  readonly reason: string;
  readonly source: string;
  readonly origin: string;
}

/** What the edges are read with. */
export interface EdgeSettings {
  readonly controllerNamespace: { readonly labels: Readonly<Record<string, string>>; readonly text: string };
  readonly gatewayNamespace: { readonly labels: Readonly<Record<string, string>>; readonly text: string };
  /** The DNS pods, when DNS egress is allowed. */
  readonly dns?: { readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
  readonly externalNameEgress: boolean;
}

function isMap(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function list(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

/** The JSON of an object, or {} when it cannot be rendered (never throws: read in a Lazy). */
function jsonOf(o: ApiObject | undefined): Record<string, any> {
  if (o === undefined) {
    return {};
  }
  try {
    const j = o.toJson();
    return isMap(j) ? j : {};
  } catch {
    return {};
  }
}

/** The ports of a rendered Service, with their targets (a named target stays a name). */
function servicePortsOf(service: Record<string, any>): ServicePortTarget[] {
  return list(isMap(service.spec) ? service.spec.ports : undefined).filter(isMap).map((p) => ({
    port: p.port,
    name: typeof p.name === 'string' ? p.name : undefined,
    target: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : p.port,
    protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
  }));
}

/** A named target resolved on the containers (the number of the port of that name), or the name. */
function resolveTarget(target: number | string, protocol: string, containers: readonly kplus.Container[]): number | string {
  if (typeof target === 'number') {
    return target;
  }
  for (const c of containers) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) {
        return p.number;
      }
    }
  }
  return target;
}

/** The workloads of the library below a scope, in construct order. */
export function workloadsOf(scope: IConstruct): Workload[] {
  const out: Workload[] = [];
  for (const c of scope.node.findAll()) {
    if (c instanceof InternalWebApp || PublicWebApp.isPublicWebApp(c)) {
      const app = c as InternalWebApp | PublicWebApp;
      out.push({
        construct: app,
        path: app.node.path,
        label: `${PublicWebApp.isPublicWebApp(app) ? 'PublicWebApp' : 'InternalWebApp'} ${app.appName}`,
        name: app.appName,
        labels: app.matchLabels,
        namespace: app.deployment.metadata.namespace,
        servicePorts: () => servicePortsOf(jsonOf(app.service)),
        containers: () => [app.container],
        serviceNames: [app.serviceName],
      });
    } else if (c instanceof HeadlessStatefulService) {
      const sts = c;
      out.push({
        construct: sts,
        path: sts.node.path,
        label: `HeadlessStatefulService ${sts.statefulSetName}`,
        name: sts.statefulSetName,
        labels: selectorLabelsOf(sts.statefulSetName),
        namespace: sts.statefulSet.metadata.namespace,
        servicePorts: () => sts.ports.map((p) => ({
          port: p.port,
          name: p.name,
          target: p.targetPort ?? p.targetPortName ?? p.port,
          protocol: p.protocol ?? 'TCP',
        })),
        containers: () => sts.statefulSet.containers,
        serviceNames: [sts.serviceName, ...(sts.clientService ? [sts.clientService.name] : [])],
      });
    }
  }
  return out;
}

/** Whether two namespaces are the same; undefined is the namespace of the other end. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function labelsText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}

function podsOf(w: Workload): EdgeEnd {
  return { kind: 'pods', labels: w.labels, namespace: w.namespace, workload: w, text: w.name };
}

function addressEnds(addresses: readonly string[]): EdgeEnd[] {
  return addresses.map((a) => ({ kind: 'ipBlock', cidr: `${a}/${a.includes(':') ? 128 : 32}`, except: [], text: a }) as EdgeEnd);
}

function anyAddress(text: string): EdgeEnd[] {
  return ANY_ADDRESS.map((cidr) => ({ kind: 'ipBlock', cidr, except: [], text: `${text} (${cidr})` }) as EdgeEnd);
}

/** The container ports a Service port of a workload leads to (all of them when `port` is undefined). */
function targetsOf(w: Workload, port: number | undefined, protocol: string | undefined): { port: number | string; protocol: string }[] {
  const containers = w.containers();
  const out: { port: number | string; protocol: string }[] = [];
  for (const p of w.servicePorts()) {
    if ((port === undefined || p.port === port) && (protocol === undefined || p.protocol === protocol)) {
      const target = resolveTarget(p.target, p.protocol, containers);
      if (!out.some((o) => o.port === target && o.protocol === p.protocol)) {
        out.push({ port: target, protocol: p.protocol });
      }
    }
  }
  return out;
}

/** The workload whose Service `name` is in `namespace`. */
function workloadOfService(workloads: readonly Workload[], name: unknown, namespace: string | undefined): Workload | undefined {
  return typeof name === 'string' ? workloads.find((w) => w.serviceNames.includes(name) && sameNamespace(w.namespace, namespace)) : undefined;
}

/** The backends of an Ingress spec: Service name and port (number or name). */
function ingressBackends(spec: Record<string, any>): { name: unknown; port: Record<string, any> }[] {
  const out: { name: unknown; port: Record<string, any> }[] = [];
  const add = (b: unknown) => {
    const s = isMap(b) && isMap(b.service) ? b.service : undefined;
    if (s) {
      out.push({ name: s.name, port: isMap(s.port) ? s.port : {} });
    }
  };
  add(spec.defaultBackend);
  for (const r of list(spec.rules)) {
    for (const p of list(isMap(r) && isMap(r.http) ? r.http.paths : undefined)) {
      add(isMap(p) ? p.backend : undefined);
    }
  }
  return out;
}

/**
 * Every edge the constructs below `scope` declare, and those given by hand, in a stable order;
 * with the edges no policy can express. Never throws.
 */
export function collectEdges(scope: IConstruct, workloads: readonly Workload[], userEdges: readonly UserEdge[],
  settings: EdgeSettings): { edges: Edge[]; unexpressed: Unexpressed[] } {
  const edges: Edge[] = [];
  const unexpressed: Unexpressed[] = [];
  const push = (e: Edge) => {
    if (!edges.some((x) => sameEdge(x, e))) {
      edges.push(e);
    }
  };
  const controller: EdgeEnd = { kind: 'namespace', labels: settings.controllerNamespace.labels, text: `ingress controller (${settings.controllerNamespace.text})` };
  const gateway: EdgeEnd = { kind: 'namespace', labels: settings.gatewayNamespace.labels, text: `Gateway (${settings.gatewayNamespace.text})` };
  const byConstruct = new Map<IConstruct, Workload>(workloads.map((w) => [w.construct, w]));

  /** The class and name of the library construct an object belongs to (else its kind and name), and its path. */
  const originOf = (o: ApiObject, kind: string): { origin: string; source: string } => {
    for (const scopeOf of [...o.node.scopes].reverse()) {
      const owner = byConstruct.get(scopeOf);
      if (owner) {
        return { origin: owner.label, source: owner.path };
      }
    }
    return { origin: `${kind} ${o.name}`, source: o.node.path };
  };

  for (const c of scope.node.findAll()) {
    const w = byConstruct.get(c);
    if (ApiObject.isApiObject(c) && c.kind === 'Ingress' && c.apiVersion === 'networking.k8s.io/v1') {
      // An Ingress (a PublicWebApp's, or one of your own): the controller reaches the Services it routes to.
      const json = jsonOf(c);
      const ns = isMap(json.metadata) && typeof json.metadata.namespace === 'string' ? json.metadata.namespace : undefined;
      const { origin, source } = originOf(c, 'Ingress');
      for (const b of ingressBackends(isMap(json.spec) ? json.spec : {})) {
        const target = workloadOfService(workloads, b.name, ns);
        if (!target) {
          continue; // a Service outside the library: its pods are not isolated here
        }
        const byName = typeof b.port.name === 'string' ? target.servicePorts().find((p) => p.name === b.port.name)?.port : undefined;
        const port = typeof b.port.number === 'number' ? b.port.number : byName;
        for (const t of port === undefined ? [] : targetsOf(target, port, undefined)) {
          push({ from: controller, to: podsOf(target), port: t.port, protocol: t.protocol, source, origin, reason: `Ingress route to Service ${String(b.name)}:${port}` });
        }
      }
    } else if (ApiObject.isApiObject(c) && (c.kind === 'HTTPRoute' || c.kind === 'GRPCRoute') && c.apiVersion.startsWith(`${GATEWAY_GROUP}/`)) {
      // A route (an HttpRoute's, a PublicWebApp's, or one of your own): the Gateway reaches the Services it sends to.
      const json = jsonOf(c);
      const ns = isMap(json.metadata) && typeof json.metadata.namespace === 'string' ? json.metadata.namespace : undefined;
      const { origin, source } = originOf(c, c.kind);
      for (const rule of list(isMap(json.spec) ? json.spec.rules : undefined)) {
        for (const ref of list(isMap(rule) ? rule.backendRefs : undefined)) {
          if (!isMap(ref) || (ref.kind !== undefined && ref.kind !== 'Service') || (ref.group !== undefined && ref.group !== '')) {
            continue;
          }
          const target = workloadOfService(workloads, ref.name, typeof ref.namespace === 'string' ? ref.namespace : ns);
          if (target && typeof ref.port === 'number') {
            for (const t of targetsOf(target, ref.port, undefined)) {
              push({ from: gateway, to: podsOf(target), port: t.port, protocol: t.protocol, source, origin, reason: `${c.kind} to Service ${ref.name}:${ref.port}` });
            }
          }
        }
      }
    } else if (PublicWebApp.isPublicWebApp(c) && w) {
      // A NodePort or LoadBalancer Service: clients from anywhere, through the nodes.
      const svc = jsonOf(c.service);
      const type = isMap(svc.spec) ? svc.spec.type : undefined;
      const externalIps = isMap(svc.spec) && list(svc.spec.externalIPs).length > 0;
      if (type === 'NodePort' || type === 'LoadBalancer' || externalIps) {
        for (const t of targetsOf(w, undefined, undefined)) {
          for (const from of anyAddress('any client')) {
            const reason = `exposed as a ${externalIps ? 'Service with externalIPs' : `${type} Service`}`;
            push({ from, to: podsOf(w), port: t.port, protocol: t.protocol, source: c.node.path, origin: w.label, reason });
          }
        }
      }
    } else if (c instanceof HeadlessStatefulService && w) {
      // The pods of a StatefulSet reach their peers on the ports of the headless Service.
      for (const t of targetsOf(w, undefined, undefined)) {
        push({ from: podsOf(w), to: podsOf(w), port: t.port, protocol: t.protocol, source: c.node.path, origin: w.label, reason: 'StatefulSet peers' });
      }
    } else if (c instanceof ExternalDatabase) {
      // The containers bound to a database are its clients.
      for (const container of c.boundContainers) {
        const client = workloads.find((x) => x.containers().includes(container));
        if (client) {
          externalEdges(c, podsOf(client), undefined, undefined, `bound to ExternalDatabase ${c.serviceName}`, c.node.path, `ExternalDatabase ${c.serviceName}`, settings, push, unexpressed);
        }
      }
    }
  }

  for (const u of userEdges) {
    userEdge(u, workloads, settings, push, unexpressed);
  }

  if (settings.dns) {
    const dns: EdgeEnd = { kind: 'pods', labels: settings.dns.labels, namespace: settings.dns.namespace, text: `cluster DNS (${settings.dns.namespace}/${labelsText(settings.dns.labels)})` };
    for (const w of workloads) {
      for (const protocol of ['UDP', 'TCP']) {
        push({ from: podsOf(w), to: dns, port: 53, protocol, source: w.path, origin: w.label, reason: 'DNS lookups' });
      }
    }
  }
  return { edges, unexpressed };
}

/** The edges from `from` to an external backend, on one Service port (all when undefined). */
function externalEdges(backend: ExternalService | ExternalDatabase, from: EdgeEnd, port: number | undefined, protocol: string | undefined,
  reason: string, source: string, origin: string, settings: EdgeSettings, push: (e: Edge) => void, unexpressed: Unexpressed[]): void {
  const ports = backend.ports.filter((p) => (port === undefined || p.port === port) && (protocol === undefined || p.protocol === protocol));
  if (backend.externalName !== undefined) {
    if (!settings.externalNameEgress) {
      unexpressed.push({
        source,
        message: `egress from ${from.text} to the ExternalName host '${backend.externalName}' (${ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}) cannot be expressed by a NetworkPolicy, which selects addresses, not DNS names`,
      });
      return;
    }
    for (const p of ports) {
      for (const to of anyAddress(`ExternalName ${backend.externalName}`)) {
        push({ from, to, port: p.port, protocol: p.protocol, source, origin, reason: `${reason} (a DNS name: egress on the port to any address, by opt-in)` });
      }
    }
    return;
  }
  for (const p of ports) {
    for (const to of addressEnds(backend.addresses)) {
      push({ from, to, port: p.backendPort, protocol: p.protocol, source, origin, reason });
    }
  }
}

/** The edges of one declared edge. */
function userEdge(u: UserEdge, workloads: readonly Workload[], settings: EdgeSettings, push: (e: Edge) => void, unexpressed: Unexpressed[]): void {
  const endOf = (p: PeerSpec): EdgeEnd | ExternalService | ExternalDatabase | undefined => {
    switch (p.kind) {
      case 'construct': {
        if (p.construct instanceof ExternalService || p.construct instanceof ExternalDatabase) {
          return p.construct;
        }
        const w = workloads.find((x) => x.construct === p.construct);
        return w ? podsOf(w) : undefined;
      }
      case 'pods':
        return { kind: 'pods', labels: p.labels, namespace: p.namespace, text: `pods ${p.namespace ? `${p.namespace}/` : ''}${labelsText(p.labels)}` };
      case 'namespace':
        return { kind: 'namespace', labels: p.labels, text: p.text };
      case 'ipBlock':
        return { kind: 'ipBlock', cidr: p.cidr, except: p.except, text: p.except.length > 0 ? `${p.cidr} except ${p.except.join(', ')}` : p.cidr };
    }
  };
  const from = endOf(u.from);
  const to = endOf(u.to);
  if (from === undefined || to === undefined || from instanceof ExternalService || from instanceof ExternalDatabase) {
    return; // (reported by the construct's validation)
  }
  if (to instanceof ExternalService || to instanceof ExternalDatabase) {
    externalEdges(to, from, u.port, u.protocol, u.reason, u.source, u.origin, settings, push, unexpressed);
    return;
  }
  if (to.kind === 'pods' && to.workload) {
    for (const t of targetsOf(to.workload, u.port, u.protocol)) {
      push({ from, to, port: t.port, protocol: t.protocol, source: u.source, origin: u.origin, reason: u.reason });
    }
    return;
  }
  push({ from, to, port: u.port, protocol: u.protocol ?? 'TCP', source: u.source, origin: u.origin, reason: u.reason });
}

function sameEnd(a: EdgeEnd, b: EdgeEnd): boolean {
  return JSON.stringify({ ...a, workload: undefined }) === JSON.stringify({ ...b, workload: undefined });
}

function sameEdge(a: Edge, b: Edge): boolean {
  return sameEnd(a.from, b.from) && sameEnd(a.to, b.to) && a.port === b.port && a.protocol === b.protocol;
}

/** A NetworkPolicy peer for the end `end` of an edge, in a policy of the workload `self`. */
export function peerOf(end: EdgeEnd, self: Workload): Record<string, any> {
  switch (end.kind) {
    case 'ipBlock':
      return { ipBlock: { cidr: end.cidr, ...(end.except.length > 0 ? { except: [...end.except] } : {}) } };
    case 'namespace':
      return { namespaceSelector: { matchLabels: { ...end.labels } } };
    case 'pods':
      // (an end without namespace is in the namespace of the policy: it is applied there)
      return end.namespace === undefined || end.namespace === self.namespace
        ? { podSelector: { matchLabels: { ...end.labels } } }
        : {
          namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: end.namespace as string } },
          podSelector: { matchLabels: { ...end.labels } },
        };
  }
}

/** Whether an end is the pods of the workload `w`. */
export function isPodsOf(end: EdgeEnd, w: Workload): boolean {
  return end.kind === 'pods' && end.workload === w;
}

/** The rules of one direction: a rule per peer, with the ports of its edges (every port when one edge has none). */
function rulesOf(edges: readonly Edge[], self: Workload, other: (e: Edge) => EdgeEnd, peersField: 'from' | 'to'): any[] {
  const byPeer = new Map<string, { peer: any; ports: any[] | undefined }>();
  for (const e of edges) {
    const peer = peerOf(other(e), self);
    const key = JSON.stringify(peer);
    let rule = byPeer.get(key);
    if (!rule) {
      rule = { peer, ports: [] };
      byPeer.set(key, rule);
    }
    if (e.port === undefined) {
      rule.ports = undefined;
    } else if (rule.ports && !rule.ports.some((p) => p.port === e.port && p.protocol === e.protocol)) {
      rule.ports.push({ protocol: e.protocol, port: e.port });
    }
  }
  return [...byPeer.values()].map((r) => ({ [peersField]: [r.peer], ...(r.ports ? { ports: r.ports } : {}) }));
}

/** The spec of the policy of `w`: ingress isolated, with a rule per peer of its incoming edges; egress too when asked. */
export function policySpecOf(w: Workload, edges: readonly Edge[], egress: boolean): Record<string, any> {
  const incoming = edges.filter((e) => isPodsOf(e.to, w));
  const outgoing = edges.filter((e) => isPodsOf(e.from, w));
  return {
    podSelector: { matchLabels: { ...w.labels } },
    policyTypes: egress ? ['Ingress', 'Egress'] : ['Ingress'],
    ingress: rulesOf(incoming, w, (e) => e.from, 'from'),
    ...(egress ? { egress: rulesOf(outgoing, w, (e) => e.to, 'to') } : {}),
  };
}

/**
 * One line per edge of the policy of `w`: what it allows, why, and the construct that declares
 * it, by class and name (not by path: moving a construct changes nothing in the output).
 */
export function notesOf(w: Workload, edges: readonly Edge[], egress: boolean): string {
  const lines: string[] = [];
  for (const e of edges) {
    const port = e.port === undefined ? `every ${e.protocol} port` : `${e.port}/${e.protocol}`;
    if (isPodsOf(e.to, w)) {
      lines.push(`ingress from ${e.from.text} on ${port}: ${e.reason} [${e.origin}]`);
    }
    if (egress && isPodsOf(e.from, w)) {
      lines.push(`egress to ${e.to.text} on ${port}: ${e.reason} [${e.origin}]`);
    }
  }
  return lines.join('\n');
}
