// Shared by the NetworkPolicy rules (NP001 to NP007): the walks over a policy's selectors,
// peers and ports, as pkg/apis/networking/validation (ValidateNetworkPolicySpec) walks them,
// and the cross-object index the semantics of src/net/_network-policy.ts are read from.
import { KubeName } from '../../../net/names';
import { NetworkPolicyModel, PodTemplateInfo, podTemplateOf } from '../../../net/network-policy';
import { Manifest, Reporter, isMap, keyErrors, list, map, namespaceOf, nameOf, str } from '../_engine';
import { D, WORKLOADS } from '../_links';
import { IndexPart } from '../_rule';

export const NP_DOCS = `${D}/concepts/services-networking/network-policies/`;
export const NP_REFERENCE = `${D}/reference/kubernetes-api/policy-resources/network-policy-v1/`;

/** Calls `each` for every label selector of a policy spec, with its field path. */
export function forEachSelector(spec: Record<string, any>, each: (selector: unknown, field: string) => void): void {
  if (spec.podSelector !== undefined && spec.podSelector !== null) {
    each(spec.podSelector, 'spec.podSelector');
  }
  forEachPeer(spec, (peer, field) => {
    for (const key of ['podSelector', 'namespaceSelector']) {
      if (peer[key] !== undefined && peer[key] !== null) {
        each(peer[key], `${field}.${key}`);
      }
    }
  });
}

/** Calls `each` for every peer (a map) of the ingress and egress rules of a policy spec. */
export function forEachPeer(spec: Record<string, any>, each: (peer: Record<string, any>, field: string) => void): void {
  for (const [rules, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    list(spec[rules]).forEach((rule, i) => {
      list(map(rule)[peers]).forEach((peer, j) => {
        if (isMap(peer)) {
          each(peer, `spec.${rules}[${i}].${peers}[${j}]`);
        }
      });
    });
  }
}

/** Calls `each` for every port (a map) of the ingress and egress rules of a policy spec. */
export function forEachPort(spec: Record<string, any>, each: (port: Record<string, any>, field: string) => void): void {
  for (const rules of ['ingress', 'egress'] as const) {
    list(spec[rules]).forEach((rule, i) => {
      list(map(rule).ports).forEach((port, j) => {
        if (isMap(port)) {
          each(port, `spec.${rules}[${i}].ports[${j}]`);
        }
      });
    });
  }
}

/** Whether a manifest is a `networking.k8s.io/v1` NetworkPolicy. */
export function isPolicy(m: Manifest): boolean {
  return m.kind === 'NetworkPolicy' && m.apiVersion === 'networking.k8s.io/v1';
}

// ---------------------------------------------------------------------------------------------
// The cross-object index: what the policies are read against.

/** The addresses and ports of the EndpointSlices of one Service. */
export interface SliceFacts {
  readonly addresses: readonly string[];
  readonly ports: readonly { readonly name: string; readonly port: number; readonly protocol: string }[];
}

/** A backend reference of an Ingress or a route: a Service by namespace and name. */
export interface ServiceReference {
  readonly kind: string;
  readonly name: string;
  readonly port: unknown;
}

/**
 * The objects the NetworkPolicy semantics read (pod templates, Namespaces, NetworkPolicies),
 * the Services that Ingresses and routes send to, and the DNS names the containers' environment
 * names, which declare what the pods connect to.
 */
export class PolicyIndex {
  /** The objects the semantics read, at their index among the manifests (a sparse list). */
  private readonly objects: unknown[] = [];
  private policyCount = 0;
  private built: NetworkPolicyModel | undefined;
  /** `ns/name` of a Service: the Ingresses and routes that send to it. */
  private readonly referenced = new Map<string, ServiceReference[]>();
  /** `ns/name` of a Service: the addresses and ports of its EndpointSlices. */
  private readonly slices = new Map<string, { addresses: string[]; ports: { name: string; port: number; protocol: string }[] }>();
  /** The workload manifests, with the host names their environment names. */
  private readonly workloads: { readonly m: Manifest; readonly ns: string }[] = [];
  /**
   * The workloads by the names their environment uses: each word (`api`, `db.shop`), and the
   * `name.ns` of each `name.ns.svc...`. Built on first use: only with policies in the set.
   */
  private byName: Map<string, { readonly m: Manifest; readonly ns: string }[]> | undefined;

  public constructor(private readonly defaultNamespace: string) {}

  public add(m: Manifest): void {
    if (isPolicy(m)) {
      this.policyCount++;
      this.objects[m.index] = m.obj;
      return;
    }
    if (m.kind === 'Namespace') {
      this.objects[m.index] = m.obj;
      return;
    }
    const ns = namespaceOf(m, this.defaultNamespace);
    if (m.kind === 'Ingress') {
      const spec = map(m.spec);
      const add = (b: unknown) => {
        const s = map(map(b).service);
        if (typeof s.name === 'string') {
          this.reference(ns, s.name, { kind: 'Ingress', name: nameOf(m), port: map(s.port).number ?? map(s.port).name });
        }
      };
      add(spec.defaultBackend);
      for (const rule of list(spec.rules)) {
        for (const p of list(map(map(rule).http).paths)) {
          add(map(p).backend);
        }
      }
      return;
    }
    if (m.kind === 'EndpointSlice') {
      const service = map(m.labels)['kubernetes.io/service-name'];
      if (typeof service === 'string') {
        const key = `${ns}/${service}`;
        let entry = this.slices.get(key);
        if (entry === undefined) {
          entry = { addresses: [], ports: [] };
          this.slices.set(key, entry);
        }
        for (const e of list(m.obj.endpoints)) {
          for (const a of list(map(e).addresses)) {
            if (typeof a === 'string' && !entry.addresses.includes(a)) {
              entry.addresses.push(a);
            }
          }
        }
        for (const p of list(m.obj.ports)) {
          const port = map(p);
          if (typeof port.port === 'number') {
            entry.ports.push({ name: typeof port.name === 'string' ? port.name : '', port: port.port, protocol: str(port.protocol) ?? 'TCP' });
          }
        }
      }
      return;
    }
    if (m.kind === 'HTTPRoute' || m.kind === 'GRPCRoute') {
      for (const rule of list(map(m.spec).rules)) {
        for (const ref of list(map(rule).backendRefs)) {
          const b = map(ref);
          if ((b.kind === undefined || b.kind === 'Service') && (b.group === undefined || b.group === '') && typeof b.name === 'string') {
            this.reference(str(b.namespace) ?? ns, b.name, { kind: String(m.kind), name: nameOf(m), port: b.port });
          }
        }
      }
      return;
    }
    this.objects[m.index] = m.obj;
    this.workloads.push({ m, ns });
  }

  private reference(ns: string, name: string, ref: ServiceReference): void {
    const key = `${ns}/${name}`;
    const refs = this.referenced.get(key);
    if (refs === undefined) {
      this.referenced.set(key, [ref]);
    } else {
      refs.push(ref);
    }
  }

  /** Whether the set has a NetworkPolicy at all (the rules have nothing to say otherwise). */
  public get hasPolicies(): boolean {
    return this.policyCount > 0;
  }

  /** The semantics of the policies over the set, read once. */
  public get model(): NetworkPolicyModel {
    if (this.built === undefined) {
      this.built = NetworkPolicyModel.fromManifests(this.objects, this.defaultNamespace);
    }
    return this.built;
  }

  /** The addresses and ports of the EndpointSlices of the Service `name` in `ns`. */
  public slicesOf(ns: string, name: string): SliceFacts | undefined {
    return this.slices.get(`${ns}/${name}`);
  }

  /** The Ingresses and routes that send to the Service `name` in `ns`. */
  public referencesTo(ns: string, name: string): readonly ServiceReference[] {
    return this.referenced.get(`${ns}/${name}`) ?? [];
  }

  /**
   * The pod templates whose containers' environment names the Service `name` of `ns` by a DNS
   * name: `name.ns`, `name.ns.svc` or `name.ns.svc.<domain>` from anywhere, `name` alone from
   * its own namespace. That is how the pods declare that they connect to it.
   */
  public clientsOf(ns: string, name: string): PodTemplateInfo[] {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (const h of this.workloads) {
        for (const w of envWords(h.m.obj)) {
          const svc = /^([^.]+\.[^.]+)\.svc(\.|$)/.exec(w);
          for (const key of svc ? [w, svc[1]] : [w]) {
            const bucket = this.byName.get(key);
            if (bucket === undefined) {
              this.byName.set(key, [h]);
            } else if (!bucket.includes(h)) {
              bucket.push(h);
            }
          }
        }
      }
    }
    const found = [...(this.byName.get(`${name}.${ns}`) ?? []), ...(this.byName.get(name) ?? []).filter((h) => h.ns === ns)];
    const out: PodTemplateInfo[] = [];
    for (const h of [...new Set(found)].sort((a, b) => a.m.index - b.m.index)) {
      const pod = this.model.pods.find((p) => p.manifestIndex === h.m.index) ?? podTemplateOf(h.m.obj, h.m.index, this.defaultNamespace);
      if (pod) {
        out.push(pod);
      }
    }
    return out;
  }
}

/** The host-like words of the environment values of a workload's containers: `api`, `db.shop.svc.cluster.local`. */
function envWords(obj: unknown): Set<string> {
  const words = new Set<string>();
  const o = map(obj);
  const spec = o.kind === 'Pod' ? map(o.spec)
    : o.kind === 'CronJob' ? map(map(map(map(map(o.spec).jobTemplate).spec).template).spec)
      : map(map(map(o.spec).template).spec);
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    for (const e of list(map(c).env)) {
      const value = map(e).value;
      if (typeof value === 'string') {
        for (const w of value.toLowerCase().split(/[^a-z0-9.-]+/)) {
          if (w !== '') {
            words.add(w.replace(/\.$/, ''));
          }
        }
      }
    }
  }
  return words;
}

export const POLICIES: IndexPart<PolicyIndex> = {
  name: 'NetworkPolicies and what they select',
  kinds: [...WORKLOADS, 'Namespace', 'NetworkPolicy', 'Ingress', 'HTTPRoute', 'GRPCRoute', 'EndpointSlice'],
  create: (ns) => new PolicyIndex(ns),
  add: (part, m) => part.add(m),
};

/** `Deployment/web`. */
export function podName(p: PodTemplateInfo): string {
  return `${p.kind}/${p.name}`;
}

/** Reports the label selector problems the API server rejects (ValidateLabelSelector). */
export function checkSelector(r: Reporter, ruleId: string, selector: unknown, field: string): void {
  const valueErrors = KubeName.labelValueErrors;
  if (!isMap(selector)) {
    return; // (API004)
  }
  const labels = selector.matchLabels;
  if (isMap(labels)) {
    for (const key of Object.keys(labels)) {
      for (const e of keyErrors(key)) {
        r.report(ruleId, `${field}.matchLabels`, key, `key ${e}`, 'use a label key such as \'app.kubernetes.io/name\'');
      }
      if (typeof labels[key] === 'string') {
        for (const e of valueErrors(labels[key])) {
          r.report(ruleId, `${field}.matchLabels[${key}]`, labels[key], e);
        }
      }
    }
  }
  list(selector.matchExpressions).forEach((x, i) => {
    if (!isMap(x)) {
      return;
    }
    const at = `${field}.matchExpressions[${i}]`;
    if (typeof x.key !== 'string' || x.key === '') {
      r.report(ruleId, `${at}.key`, x.key, 'must be set to a label key');
    } else {
      for (const e of keyErrors(x.key)) {
        r.report(ruleId, `${at}.key`, x.key, e);
      }
    }
    const values = list(x.values);
    switch (x.operator) {
      case 'In':
      case 'NotIn':
        // (a `values` that is there but no list is a wrong type, which API004 reports)
        if (values.length === 0 && (x.values === undefined || x.values === null || Array.isArray(x.values))) {
          r.report(ruleId, `${at}.values`, x.values, `must be specified when \`operator\` is '${x.operator}'`, 'list the label values to match');
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          r.report(ruleId, `${at}.values`, x.values, `may not be specified when \`operator\` is '${x.operator}'`, 'remove `values`');
        }
        break;
      default:
        r.report(ruleId, `${at}.operator`, x.operator, 'must be \'In\', \'NotIn\', \'Exists\' or \'DoesNotExist\'');
    }
    values.forEach((v, k) => {
      if (typeof v === 'string') {
        for (const e of valueErrors(v)) {
          r.report(ruleId, `${at}.values[${k}]`, v, e);
        }
      }
    });
  });
}
