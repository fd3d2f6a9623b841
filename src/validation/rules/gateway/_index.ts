import { CRD_DATA } from './_crd-data';
import { Manifest, isMap, list, map, namespaceOf, nameOf, own } from '../_engine';
import { IndexPart } from '../_rule';

/** The API group of the Gateway API. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** The route kinds whose references the cross-object rules follow. */
export const ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/** `namespace/name`. */
export function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The Gateway API kind of `m` when its apiVersion is one the CRDs serve, else undefined. */
export function gatewayKindOf(m: Manifest): string | undefined {
  if (typeof m.apiVersion !== 'string' || typeof m.kind !== 'string' || !m.apiVersion.startsWith(`${GATEWAY_GROUP}/`)) {
    return undefined;
  }
  const kind = own(CRD_DATA.kinds, m.kind);
  return kind !== undefined && kind.served.includes(m.apiVersion.slice(GATEWAY_GROUP.length + 1)) ? m.kind : undefined;
}

/** What the cross-object rules look up: the objects of the set, by kind and `namespace/name`. */
export interface GatewayIndex {
  readonly defaultNamespace: string;
  /** Gateways and ListenerSets: the objects that own listeners. */
  readonly gateways: Map<string, Manifest>;
  readonly listenerSets: Map<string, Manifest>;
  readonly services: Map<string, any>;
  readonly secrets: Map<string, any>;
  /** Namespace objects: their labels. */
  readonly namespaces: Map<string, Record<string, unknown>>;
  /** ReferenceGrant specs by namespace. */
  readonly grants: Map<string, any[]>;
  /** The routes, in the order of the manifests. */
  readonly routes: Manifest[];
  /** Memos of the rules (computed at the first check that needs them). */
  readonly memo: Map<string, unknown>;
}

/** The part of the cross-object index that the Gateway API rules read. */
export const GATEWAY_INDEX: IndexPart<GatewayIndex> = {
  name: 'Gateway API objects',
  create(defaultNamespace: string): GatewayIndex {
    return {
      defaultNamespace,
      gateways: new Map(),
      listenerSets: new Map(),
      services: new Map(),
      secrets: new Map(),
      namespaces: new Map(),
      grants: new Map(),
      routes: [],
      memo: new Map(),
    };
  },
  add(part: GatewayIndex, m: Manifest): void {
    if (!isMap(m.obj)) {
      return;
    }
    const ns = namespaceOf(m, part.defaultNamespace);
    const name = nameOf(m);
    if (m.apiVersion === 'v1') {
      switch (m.kind) {
        case 'Service': part.services.set(key(ns, name), m.obj); break;
        case 'Secret': part.secrets.set(key(ns, name), m.obj); break;
        case 'Namespace': part.namespaces.set(name, map(m.labels)); break;
      }
      return;
    }
    const kind = gatewayKindOf(m);
    switch (kind) {
      case 'Gateway': part.gateways.set(key(ns, name), m); break;
      case 'ListenerSet': part.listenerSets.set(key(ns, name), m); break;
      case 'ReferenceGrant': {
        const grants = part.grants.get(ns) ?? [];
        grants.push(map(m.spec));
        part.grants.set(ns, grants);
        break;
      }
      case undefined: break;
      default:
        if (ROUTE_KINDS.includes(kind)) {
          part.routes.push(m);
        }
    }
  },
};

/**
 * Whether a ReferenceGrant among the manifests, in the namespace of the target, lets a `fromKind`
 * of `fromNamespace` refer to the `toKind` (core group) named `toName`.
 */
export function granted(index: GatewayIndex, fromKind: string, fromNamespace: string, toNamespace: string, toKind: string, toName: string): boolean {
  for (const spec of index.grants.get(toNamespace) ?? []) {
    const from = list(spec.from).some((f) => isMap(f) && f.group === GATEWAY_GROUP && f.kind === fromKind && f.namespace === fromNamespace);
    const to = list(spec.to).some((t) => isMap(t) && (t.group ?? '') === '' && t.kind === toKind && (t.name === undefined || t.name === '' || t.name === toName));
    if (from && to) {
      return true;
    }
  }
  return false;
}
