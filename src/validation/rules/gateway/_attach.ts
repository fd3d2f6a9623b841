import { GATEWAY_GROUP, GatewayIndex, key } from './_index';
import { Manifest, isMap, list, map, namespaceOf, nameOf } from '../_engine';

/** One listener of a Gateway or ListenerSet, with what the route rules read. */
export interface Listener {
  readonly name: string;
  readonly port: unknown;
  readonly protocol: string;
  /** `tls.mode` ('Terminate' when not set, the CRD's default), or undefined without `tls`. */
  readonly tlsMode: string | undefined;
  readonly hostname: string | undefined;
  readonly allowedRoutes: Record<string, any>;
  /** The `Kind/namespace/name` of its Gateway or ListenerSet, and the listener name: unique per listener. */
  readonly id: string;
  /** The namespace of its Gateway or ListenerSet ('Same' means this one). */
  readonly namespace: string;
}

/** Where one parentRef of a route leads, in the order the Gateway API checks it. */
export type ParentResult =
  /** Not a Gateway or ListenerSet (a mesh Service, an implementation's kind): not followed. */
  | { readonly kind: 'other' }
  /** The Gateway or ListenerSet is not among the manifests. */
  | { readonly kind: 'missing'; readonly parentKind: string; readonly namespace: string; readonly name: string }
  /** sectionName and/or port select no listener. */
  | { readonly kind: 'no-listener'; readonly parentKind: string; readonly name: string; readonly listeners: readonly Listener[] }
  /** The selected listeners all refuse the route's namespace or kind. */
  | { readonly kind: 'not-allowed'; readonly parentKind: string; readonly name: string; readonly why: string }
  /** The selected listeners that admit the route have no hostname in common with it. */
  | { readonly kind: 'no-hostname'; readonly parentKind: string; readonly name: string; readonly hostnames: readonly string[] }
  /** The route attaches to these listeners. */
  | { readonly kind: 'attached'; readonly listeners: readonly Listener[] };

/** The listeners of a Gateway or ListenerSet. */
export function listenersOf(m: Manifest, parentKind: string, defaultNamespace: string): Listener[] {
  const ns = namespaceOf(m, defaultNamespace);
  const owner = `${parentKind}/${ns}/${nameOf(m)}`;
  return list(map(m.spec).listeners).filter(isMap).map((l) => ({
    name: typeof l.name === 'string' ? l.name : '',
    port: l.port,
    protocol: typeof l.protocol === 'string' ? l.protocol : '',
    tlsMode: tlsModeOf(l),
    hostname: typeof l.hostname === 'string' && l.hostname !== '' ? l.hostname : undefined,
    allowedRoutes: map(l.allowedRoutes),
    id: `${owner}/${String(l.name)}`,
    namespace: ns,
  }));
}

/** A listener's `tls.mode` ('Terminate' when not set, the CRD's default), or undefined without `tls`. */
export function tlsModeOf(listener: Record<string, any>): string | undefined {
  return isMap(listener.tls) ? (typeof listener.tls.mode === 'string' ? listener.tls.mode : 'Terminate') : undefined;
}

/** The route kinds a listener protocol admits when `allowedRoutes.kinds` is empty, or undefined when unknown. */
const KINDS_BY_PROTOCOL: Record<string, readonly string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

/**
 * The route kinds a listener admits by its protocol. A TLS listener that terminates TLS also
 * takes TCPRoutes: the Gateway forwards the decrypted stream (Envoy Gateway's TLS termination for
 * TCP, for one); the spec leaves the kinds of a protocol beyond its core ones to implementations.
 */
export function kindsOfProtocol(l: Pick<Listener, 'protocol' | 'tlsMode'>): readonly string[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(KINDS_BY_PROTOCOL, l.protocol)) {
    return undefined;
  }
  return l.protocol === 'TLS' && l.tlsMode === 'Terminate' ? ['TLSRoute', 'TCPRoute'] : KINDS_BY_PROTOCOL[l.protocol];
}

/** Why the listener refuses a route of `kind` in `routeNs`, or undefined when it admits it (or cannot tell). */
export function refusal(l: Listener, index: GatewayIndex, kind: string, routeNs: string): string | undefined {
  const namespaces = map(l.allowedRoutes.namespaces);
  const from = typeof namespaces.from === 'string' ? namespaces.from : 'Same';
  if (from === 'Same' && routeNs !== l.namespace) {
    return `listener '${l.name}' admits routes of its own namespace '${l.namespace}' only (allowedRoutes.namespaces.from: Same), not of '${routeNs}'`;
  }
  if (from === 'None') {
    return `listener '${l.name}' admits no route (allowedRoutes.namespaces.from: None)`;
  }
  if (from === 'Selector' && selectorRefuses(map(namespaces.selector), index, routeNs)) {
    return `the namespace selector of listener '${l.name}' does not select namespace '${routeNs}'`;
  }
  const kinds = list(l.allowedRoutes.kinds).filter(isMap);
  if (kinds.length > 0) {
    if (!kinds.some((k) => (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && k.kind === kind)) {
      return `listener '${l.name}' admits the kinds ${kinds.map((k) => String(k.kind)).join(', ')} only (allowedRoutes.kinds), not ${kind}`;
    }
  } else {
    const byProtocol = kindsOfProtocol(l);
    if (byProtocol !== undefined && !byProtocol.includes(kind)) {
      return `listener '${l.name}' has protocol ${l.protocol}, which takes ${byProtocol.join(' and ')}, not ${kind}`;
    }
  }
  return undefined;
}

const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Whether a namespace label selector surely refuses `ns`: the labels of a Namespace among the
 * manifests, else only its `kubernetes.io/metadata.name` label (set by the API server); a
 * selector that needs other labels of a Namespace not among the manifests is unknown: false.
 */
function selectorRefuses(selector: Record<string, any>, index: GatewayIndex, ns: string): boolean {
  const known = index.namespaces.get(ns);
  const labels: Record<string, unknown> = { ...(known ?? {}), [NAME_LABEL]: ns };
  const keys = [...Object.keys(map(selector.matchLabels)), ...list(selector.matchExpressions).filter(isMap).map((e) => e.key)];
  if (known === undefined && keys.some((k) => k !== NAME_LABEL)) {
    return false;
  }
  for (const [k, v] of Object.entries(map(selector.matchLabels))) {
    if (labels[k] !== v) return true;
  }
  for (const e of list(selector.matchExpressions).filter(isMap)) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = list(e.values);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key])) return true; break;
      case 'NotIn': if (has && values.includes(labels[e.key])) return true; break;
      case 'Exists': if (!has) return true; break;
      case 'DoesNotExist': if (has) return true; break;
    }
  }
  return false;
}

/** Whether two hostnames (either may be a `*.` wildcard) have a name in common, as the Gateway API defines it. */
export function hostnamesIntersect(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.startsWith('*.');
  const wb = b.startsWith('*.');
  if (wa && wb) return a.endsWith(b.slice(1)) || b.endsWith(a.slice(1));
  if (wa) return b.endsWith(a.slice(1));
  if (wb) return a.endsWith(b.slice(1));
  return false;
}

/** The route's hostnames as strings. */
export function routeHostnames(route: Manifest): string[] {
  return list(map(route.spec).hostnames).filter((h): h is string => typeof h === 'string');
}

/** Whether the listener's hostname matters to routes (HTTP, HTTPS, TLS: it does; TCP, UDP: it does not). */
function usesHostname(l: Listener): boolean {
  return l.protocol !== 'TCP' && l.protocol !== 'UDP';
}

/** Where each parentRef of the route leads (memoized per check). */
export function parentsOf(route: Manifest, index: GatewayIndex): ParentResult[] {
  const memoKey = `parents:${route.index}`;
  const cached = index.memo.get(memoKey) as ParentResult[] | undefined;
  if (cached !== undefined) {
    return cached;
  }
  const routeNs = namespaceOf(route, index.defaultNamespace);
  const kind = String(route.kind);
  const hostnames = routeHostnames(route);
  const out = list(map(route.spec).parentRefs).map((ref): ParentResult => {
    if (!isMap(ref) || typeof ref.name !== 'string') return { kind: 'other' };
    const group = ref.group ?? GATEWAY_GROUP;
    const parentKind = ref.kind ?? 'Gateway';
    if (group !== GATEWAY_GROUP || (parentKind !== 'Gateway' && parentKind !== 'ListenerSet')) return { kind: 'other' };
    const ns = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : routeNs;
    const parent = (parentKind === 'Gateway' ? index.gateways : index.listenerSets).get(key(ns, ref.name));
    if (parent === undefined) return { kind: 'missing', parentKind, namespace: ns, name: ref.name };
    const listenersKey = `listeners:${parent.index}`;
    let all = index.memo.get(listenersKey) as Listener[] | undefined;
    if (all === undefined) {
      all = listenersOf(parent, parentKind, index.defaultNamespace); // once per parent, not per route
      index.memo.set(listenersKey, all);
    }
    const selected = all.filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName)
      && (ref.port === undefined || l.port === ref.port));
    if (selected.length === 0) return { kind: 'no-listener', parentKind, name: ref.name, listeners: all };
    const why: string[] = [];
    const admitting = selected.filter((l) => {
      const refused = refusal(l, index, kind, routeNs);
      if (refused !== undefined) why.push(refused);
      return refused === undefined;
    });
    if (admitting.length === 0) return { kind: 'not-allowed', parentKind, name: ref.name, why: why.join('; ') };
    const matching = admitting.filter((l) => !usesHostname(l) || l.hostname === undefined || hostnames.length === 0
      || hostnames.some((h) => hostnamesIntersect(h, l.hostname!)));
    if (matching.length === 0) {
      return { kind: 'no-hostname', parentKind, name: ref.name, hostnames: admitting.map((l) => `${l.name}: ${l.hostname}`) };
    }
    return { kind: 'attached', listeners: matching };
  });
  index.memo.set(memoKey, out);
  return out;
}
