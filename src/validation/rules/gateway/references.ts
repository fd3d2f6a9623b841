import { GATEWAY_INDEX, GatewayIndex, ROUTE_KINDS, granted, key } from './_index';
import { renderValue } from '../../../core/problems';
import { Severity } from '../../finding';
import { Reporter, isMap, list, map, namespaceOf } from '../_engine';
import { Rule } from '../_rule';

const HTTPROUTE = 'https://gateway-api.sigs.k8s.io/api-types/httproute/';

/** One reference of the current object to a core object (Service, Secret), with its field path. */
interface CoreRef {
  readonly field: string;
  readonly kind: 'Service' | 'Secret';
  readonly namespace: string;
  readonly name: string;
  readonly port: unknown;
  /** Whether the reference names a namespace other than the object's own. */
  readonly crossNamespace: boolean;
}

/**
 * The Service backendRefs of a route: those of its rules, and those of the `requestMirror`
 * filters of its rules and of their backendRefs (HTTPRoute, GRPCRoute). Read once per route
 * (GW105, GW106 and GW107 each ask for them).
 */
function backendRefs(r: Reporter, index: GatewayIndex): CoreRef[] {
  const memoKey = `backendRefs:${r.m.index}`;
  const cached = index.memo.get(memoKey) as CoreRef[] | undefined;
  if (cached !== undefined) {
    return cached;
  }
  const out = readBackendRefs(r, index);
  index.memo.set(memoKey, out);
  return out;
}

function readBackendRefs(r: Reporter, index: GatewayIndex): CoreRef[] {
  const ns = namespaceOf(r.m, index.defaultNamespace);
  const out: CoreRef[] = [];
  const add = (ref: unknown, field: string) => {
    if (!isMap(ref) || typeof ref.name !== 'string' || (ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service') return;
    const target = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : ns;
    out.push({ field, kind: 'Service', namespace: target, name: ref.name, port: ref.port, crossNamespace: target !== ns });
  };
  const mirrors = (filters: unknown, field: string) => list(filters).forEach((f, k) => {
    add(map(map(f).requestMirror).backendRef, `${field}.filters[${k}].requestMirror.backendRef`);
  });
  list(map(r.m.spec).rules).forEach((rule, i) => {
    mirrors(map(rule).filters, `spec.rules[${i}]`);
    list(map(rule).backendRefs).forEach((ref, j) => {
      add(ref, `spec.rules[${i}].backendRefs[${j}]`);
      mirrors(map(ref).filters, `spec.rules[${i}].backendRefs[${j}]`);
    });
  });
  return out;
}

/** The Secret certificateRefs of the listeners of a Gateway or ListenerSet. */
function certificateRefs(r: Reporter, index: GatewayIndex): CoreRef[] {
  const ns = namespaceOf(r.m, index.defaultNamespace);
  const out: CoreRef[] = [];
  list(map(r.m.spec).listeners).forEach((l, i) => {
    list(map(map(l).tls).certificateRefs).forEach((ref, j) => {
      if (!isMap(ref) || typeof ref.name !== 'string' || (ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') return;
      const target = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : ns;
      out.push({ field: `spec.listeners[${i}].tls.certificateRefs[${j}]`, kind: 'Secret', namespace: target, name: ref.name, port: undefined, crossNamespace: target !== ns });
    });
  });
  return out;
}

/**
 * What a route does with what would go to a backend that does not resolve: an HTTPRoute or a
 * GRPCRoute answers with an error (500); a TLSRoute, TCPRoute or UDPRoute carries no HTTP, and
 * the implementation rejects the connection (the CRDs' `backendRefs` documentation says so).
 */
function refused(routeKind: string): string {
  return routeKind === 'HTTPRoute' || routeKind === 'GRPCRoute'
    ? 'requests this backend would get are answered with an error (500)'
    : 'connections this backend would get are rejected';
}

export const GW105: Rule = {
  id: 'GW105',
  summary: 'a route\'s backendRef names a Service that is not among the manifests',
  kinds: ROUTE_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${HTTPROUTE}#backendrefs-optional`,
  missing: true,
  check(r, set) {
    const index = set.part(GATEWAY_INDEX);
    for (const ref of backendRefs(r, index)) {
      if (!index.services.has(key(ref.namespace, ref.name)) && !r.isExternal('Service', ref.namespace, ref.name)) {
        r.reportMissing('GW105', `${ref.field}.name`, ref.name, `names Service '${ref.name}', which is not in namespace '${ref.namespace}'`,
          `${refused(String(r.m.kind))} (ResolvedRefs: BackendNotFound)`, 'create the Service, or fix the name (and `namespace`)', ref.name);
      }
    }
  },
};

export const GW106: Rule = {
  id: 'GW106',
  summary: 'a route\'s backendRef port is not a port of its Service',
  kinds: ROUTE_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${HTTPROUTE}#backendrefs-optional`,
  check(r, set) {
    const index = set.part(GATEWAY_INDEX);
    for (const ref of backendRefs(r, index)) {
      const svc = index.services.get(key(ref.namespace, ref.name));
      const spec = map(svc?.spec);
      if (svc === undefined || spec.type === 'ExternalName' || typeof ref.port !== 'number') continue;
      const ports = list(spec.ports).filter(isMap);
      if (ports.length > 0 && !ports.some((p) => p.port === ref.port)) {
        r.report('GW106', `${ref.field}.port`, ref.port, `is not a port of Service '${ref.name}' (it has ${ports.map((p) => renderValue(p.port)).join(', ')})`,
          'use the Service port (not the container port)', ref.name);
      }
    }
  },
};

export const GW107: Rule = {
  id: 'GW107',
  summary: 'a reference to another namespace (backendRef, certificateRef) is permitted by no ReferenceGrant among the manifests',
  kinds: [...ROUTE_KINDS, 'Gateway', 'ListenerSet'],
  severity: Severity.ERROR,
  docsUrl: 'https://gateway-api.sigs.k8s.io/api-types/referencegrant/',
  missing: true,
  check(r, set) {
    const index = set.part(GATEWAY_INDEX);
    const kind = String(r.m.kind);
    const refs = ROUTE_KINDS.includes(kind) ? backendRefs(r, index) : certificateRefs(r, index);
    const from = namespaceOf(r.m, index.defaultNamespace);
    for (const ref of refs) {
      // A target declared to exist outside the manifests is managed with its namespace's grants.
      if (ref.crossNamespace && !granted(index, kind, from, ref.namespace, ref.kind, ref.name) && !r.isExternal(ref.kind, ref.namespace, ref.name)) {
        r.reportMissing('GW107', `${ref.field}.namespace`, ref.namespace,
          `refers to ${ref.kind} '${ref.name}' in namespace '${ref.namespace}', and no ReferenceGrant there lets a ${kind} of namespace '${from}' refer to it`,
          `the reference is refused (RefNotPermitted) and the ${ref.kind === 'Service' ? 'backend gets no traffic' : 'listener has no certificate'}`,
          `add a ReferenceGrant in namespace '${ref.namespace}' with from {group: gateway.networking.k8s.io, kind: ${kind}, namespace: ${from}} and to {group: '', kind: ${ref.kind}}`, ref.name);
      }
    }
  },
};

export const GW108: Rule = {
  id: 'GW108',
  summary: 'a listener\'s TLS `certificateRefs` names a Secret that is not among the manifests',
  kinds: ['Gateway', 'ListenerSet'],
  severity: Severity.ERROR,
  docsUrl: 'https://gateway-api.sigs.k8s.io/guides/tls/',
  missing: true,
  check(r, set) {
    const index = set.part(GATEWAY_INDEX);
    for (const ref of certificateRefs(r, index)) {
      if (!index.secrets.has(key(ref.namespace, ref.name)) && !r.isExternal('Secret', ref.namespace, ref.name)) {
        r.reportMissing('GW108', `${ref.field}.name`, ref.name, `names Secret '${ref.name}', which is not in namespace '${ref.namespace}'`,
          'the listener has no certificate and is not programmed (ResolvedRefs: InvalidCertificateRef)', 'create the TLS Secret (for example with cert-manager), or fix the name', ref.name);
      }
    }
  },
};

/** The rules of references to Services and Secrets. */
export const REFERENCE_RULES: readonly Rule[] = [GW105, GW106, GW107, GW108];
