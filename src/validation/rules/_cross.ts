import { Manifest, hasOwn, isMap, list, map, nameOf, namespaceOf, str } from './_engine';
import { WORKLOADS } from './_links';
import { IndexPart } from './_rule';
import { CLASS_ANNOTATION } from './ingress/_ingress';
import { protocolOf, serviceType } from './service/_service';
import { podTemplateSource } from '../../net/network-policy';

/**
 * The cross-object index: the parts the cross-object rules read (`ManifestSet.part`). Each is
 * filled in the one pass over the objects, an object at a time, so that the rules look things
 * up instead of visiting the objects again: checking stays linear in the number of objects.
 * Objects are placed by namespace (their own, or the default one), then by name.
 */

/** The label by which an EndpointSlice names its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** `m.get(key)`, created with `create` when missing. */
function entry<K, V>(m: Map<K, V>, key: K, create: () => V): V {
  let value = m.get(key);
  if (value === undefined) {
    value = create();
    m.set(key, value);
  }
  return value;
}

/** A new map (a function to pass to `entry`, allocated once). */
function newMap<K, V>(): Map<K, V> {
  return new Map<K, V>();
}

/** A new set of strings (to pass to `entry`). */
function newSet(): Set<string> {
  return new Set<string>();
}

// ---------------------------------------------------------------------------------------------
// Services

/** The `v1` Services, by namespace and name (the last one of a name wins). */
export class Services {
  private readonly byNamespace = new Map<string, Map<string, Manifest>>();

  public constructor(private readonly defaultNamespace: string) {}

  public add(m: Manifest): void {
    if (m.apiVersion === 'v1') {
      const ns = namespaceOf(m, this.defaultNamespace);
      let names = this.byNamespace.get(ns);
      if (names === undefined) {
        names = new Map();
        this.byNamespace.set(ns, names);
      }
      names.set(nameOf(m), m);
    }
  }

  /** The Service `name` in `ns`, or undefined (also when `name` is not a string). */
  public get(ns: string, name: unknown): Manifest | undefined {
    return typeof name === 'string' ? this.byNamespace.get(ns)?.get(name) : undefined;
  }
}

export const SERVICES: IndexPart<Services> = {
  name: 'Services',
  kinds: ['Service'],
  create: (ns) => new Services(ns),
  add: (part, m) => part.add(m),
};

// ---------------------------------------------------------------------------------------------
// Pod templates

/** A pod template found in a workload, with the ports its containers declare. */
export interface PodTemplate {
  /** The workload, for messages (see `ownerOf`). */
  readonly workload: Manifest;
  readonly labels: Record<string, string>;
  /** Declared port names, by protocol. */
  readonly portNames: Map<string, Set<string>>;
  /** Declared port numbers. */
  readonly portNumbers: Set<number>;
  /** Declared host ports, each with the container port it forwards to. */
  readonly hostPorts: Map<number, number>;
}

/** `Deployment/web`: the workload of a template, for messages. */
export function ownerOf(t: PodTemplate): string {
  return `${t.workload.kind}/${nameOf(t.workload)}`;
}

/** Whether the containers of a template declare the port `name` with `protocol`. */
export function declaresName(t: PodTemplate, name: string, protocol: string): boolean {
  return t.portNames.get(protocol)?.has(name) === true;
}

function templateOf(m: Manifest): PodTemplate | undefined {
  const t = podTemplateSource(m.obj);
  if (!t) {
    return undefined;
  }
  const labels: Record<string, string> = {};
  const given = map(map(t.metadata).labels);
  for (const k in given) {
    if (!hasOwn(given, k)) {
      continue; // the keys of `Object.keys`
    }
    const v = given[k];
    if (typeof v === 'string') {
      labels[k] = v;
    }
  }
  const spec = map(t.spec);
  if (list(spec.containers).length === 0) {
    // no pod comes from a template without containers (the API server requires one); what it
    // declares is unknown, not "no port" (a test tool's partial object, such as a chainsaw assert)
    return undefined;
  }
  const portNames = new Map<string, Set<string>>();
  const portNumbers = new Set<number>();
  const hostPorts = new Map<number, number>();
  addPorts(list(spec.containers), portNames, portNumbers, hostPorts);
  addPorts(list(spec.initContainers), portNames, portNumbers, hostPorts);
  return { workload: m, labels, portNames, portNumbers, hostPorts };
}

/** Adds the ports the containers declare to the names, numbers and host ports of a template. */
function addPorts(containers: readonly any[], portNames: Map<string, Set<string>>, portNumbers: Set<number>, hostPorts: Map<number, number>): void {
  for (const c of containers) {
    for (const p of list(map(c).ports)) {
      if (!isMap(p)) {
        continue;
      }
      if (typeof p.name === 'string') {
        entry(portNames, protocolOf(p), newSet).add(p.name);
      }
      if (typeof p.containerPort === 'number') {
        portNumbers.add(p.containerPort);
        if (typeof p.hostPort === 'number') {
          hostPorts.set(p.hostPort, p.containerPort);
        }
      }
    }
  }
}

/**
 * Labels that controllers put on the pods they create, which templates do not carry: a
 * selector may use them. Each maps to whether the pods of a template have it with a value.
 */
const CONTROLLER_LABELS: Record<string, (t: PodTemplate, value: string) => boolean> = {
  // the StatefulSet controller: `<set name>-<ordinal>`
  'statefulset.kubernetes.io/pod-name': (t, value) => t.workload.kind === 'StatefulSet'
    && value.startsWith(`${nameOf(t.workload)}-`) && /^[0-9]+$/.test(value.slice(nameOf(t.workload).length + 1)),
  // the StatefulSet controller (1.28 on): the ordinal
  'apps.kubernetes.io/pod-index': (t, value) => t.workload.kind === 'StatefulSet' && /^[0-9]+$/.test(value),
  // the Deployment controller, through its ReplicaSets: a hash of the template
  'pod-template-hash': (t) => t.workload.kind === 'Deployment' || t.workload.kind === 'ReplicaSet',
  // the StatefulSet and DaemonSet controllers: a hash of the revision
  'controller-revision-hash': (t) => t.workload.kind === 'StatefulSet' || t.workload.kind === 'DaemonSet',
};

/** The pod templates of the workloads, by namespace, and by namespace, label key and label value. */
export class PodTemplates {
  private readonly all = new Map<string, PodTemplate[]>();
  private readonly byLabel = new Map<string, Map<string, Map<string, PodTemplate[]>>>();
  /** The last selection asked for (the rules of one Service ask in turn). */
  private last: { readonly svc: Manifest; readonly selected: PodTemplate[] } | undefined;

  public constructor(private readonly defaultNamespace: string) {}

  public add(m: Manifest): void {
    const t = templateOf(m);
    if (!t) {
      return;
    }
    const ns = namespaceOf(m, this.defaultNamespace);
    const all = this.all.get(ns);
    if (all === undefined) {
      this.all.set(ns, [t]);
    } else {
      all.push(t);
    }
    const keys = entry(this.byLabel, ns, newMap<string, Map<string, PodTemplate[]>>);
    for (const k in t.labels) {
      if (!hasOwn(t.labels, k)) {
        continue;
      }
      const values = entry(keys, k, newMap<string, PodTemplate[]>);
      const bucket = values.get(t.labels[k]);
      if (bucket === undefined) {
        values.set(t.labels[k], [t]);
      } else {
        bucket.push(t);
      }
    }
  }

  /** The templates that the selector of the Service `svc`, in `ns`, selects. */
  public selectedBy(svc: Manifest, ns: string, selector: Record<string, string>): PodTemplate[] {
    if (this.last?.svc !== svc) {
      this.last = { svc, selected: this.select(ns, selector) };
    }
    return this.last.selected;
  }

  /**
   * The templates in `ns` whose pods carry every pair of `selector`: the template's labels, or
   * a label a controller adds to the pods it creates (see CONTROLLER_LABELS).
   */
  public select(ns: string, selector: Record<string, string>): PodTemplate[] {
    const keys: string[] = [];
    const controllerKeys: string[] = [];
    for (const k of Object.keys(selector)) {
      if (typeof selector[k] !== 'string') {
        return []; // labels are strings (API004 reports the value); never interpolate a hostile one
      }
      (hasOwn(CONTROLLER_LABELS, k) ? controllerKeys : keys).push(k);
    }
    // Only the templates of the smallest bucket can have every pair.
    const labels = this.byLabel.get(ns);
    let smallest: PodTemplate[] | undefined;
    for (const k of keys) {
      const bucket = labels?.get(k)?.get(selector[k]);
      if (bucket === undefined) {
        return [];
      }
      if (!smallest || bucket.length < smallest.length) {
        smallest = bucket;
      }
    }
    const candidates = smallest ?? (controllerKeys.length > 0 ? this.all.get(ns) ?? [] : []);
    const selected: PodTemplate[] = [];
    for (const t of candidates) {
      if (keys.every((k) => t.labels[k] === selector[k]) && controllerKeys.every((k) => CONTROLLER_LABELS[k](t, selector[k]))) {
        selected.push(t);
      }
    }
    return selected;
  }
}

export const POD_TEMPLATES: IndexPart<PodTemplates> = {
  name: 'pod templates',
  kinds: WORKLOADS,
  create: (ns) => new PodTemplates(ns),
  add: (part, m) => part.add(m),
};

// ---------------------------------------------------------------------------------------------
// EndpointSlices and Endpoints

/** The EndpointSlices that name one Service: the union of their port names, the first slice, their count. */
export interface ServiceSlices {
  readonly names: Set<string>;
  readonly first: Manifest;
  count: number;
}

/** The name of a port of a Service, slice or subset, or ''. */
export function portNameOf(p: unknown): string {
  if (!isMap(p)) {
    return '';
  }
  const name = p.name;
  return typeof name === 'string' ? name : '';
}

/**
 * The Services that EndpointSlices and Endpoints objects back, by namespace and Service name:
 * a Service's endpoints are the union of its slices, which may be split by port.
 */
export class Backends {
  /** The Services backed by a slice or an Endpoints object. */
  private readonly backed = new Map<string, Set<string>>();
  /** The slices of each Service. */
  private readonly slices = new Map<string, Map<string, ServiceSlices>>();

  public constructor(private readonly defaultNamespace: string) {}

  public add(m: Manifest): void {
    const ns = namespaceOf(m, this.defaultNamespace);
    if (m.kind === 'Endpoints') {
      entry(this.backed, ns, newSet).add(nameOf(m));
      return;
    }
    const serviceName = isMap(m.labels) ? m.labels[SERVICE_NAME_LABEL] : undefined;
    if (typeof serviceName !== 'string') {
      return; // backs no Service (XREF005); never interpolate a hostile value
    }
    entry(this.backed, ns, newSet).add(serviceName);
    const slices = entry(entry(this.slices, ns, newMap<string, ServiceSlices>), serviceName,
      () => ({ names: new Set<string>(), first: m, count: 0 }));
    slices.count++;
    for (const p of list(m.obj.ports)) {
      slices.names.add(portNameOf(p));
    }
  }

  /** Whether a slice or an Endpoints object backs the Service `name` in `ns`. */
  public isBacked(ns: string, name: string): boolean {
    return this.backed.get(ns)?.has(name) === true;
  }

  /** The slices that name the Service `name` in `ns`, or undefined. */
  public slicesOf(ns: string, name: string): ServiceSlices | undefined {
    return this.slices.get(ns)?.get(name);
  }
}

export const BACKENDS: IndexPart<Backends> = {
  name: 'EndpointSlices and Endpoints',
  kinds: ['EndpointSlice', 'Endpoints'],
  create: (ns) => new Backends(ns),
  add: (part, m) => part.add(m),
};

// ---------------------------------------------------------------------------------------------
// Ingress paths

/** Traefik's entry points of an Ingress's routers: routes on other entry points do not collide. */
const TRAEFIK_ENTRY_POINTS = 'traefik.ingress.kubernetes.io/router.entrypoints';
/** ingress-nginx canary Ingresses serve the same host and path as their main Ingress, on purpose. */
const NGINX_CANARY = 'nginx.ingress.kubernetes.io/canary';
/** The AWS Load Balancer Controller's IngressGroup: Ingresses of one group share a load balancer. */
const ALB_GROUP = 'alb.ingress.kubernetes.io/group.name';
const ALB_PREFIX = 'alb.ingress.kubernetes.io/';

/** A path of an Ingress: `spec.rules[rule].http.paths[path]`. */
export interface ServedPath {
  readonly ns: string;
  readonly ing: Manifest;
  readonly rule: number;
  readonly path: number;
}

/** How an Ingress is served: its class, (Traefik) entry points and (ALB) group; undefined for a canary. */
export interface IngressRouting {
  readonly className: string;
  /** The entry points, sorted and joined with ',', or ''. */
  readonly entryPoints: string;
  /** The AWS Load Balancer Controller's IngressGroup the Ingress names (`group.name`), if any. */
  readonly albGroup?: string;
  /**
   * The load balancer that serves it, for the AWS Load Balancer Controller (class `alb`, or
   * `alb.ingress.kubernetes.io/` annotations): its IngressGroup, or the Ingress itself when it
   * names none (the controller then gives it a load balancer of its own); '' for other controllers.
   */
  readonly loadBalancer: string;
}

/** How the Ingress `ing` is served, or undefined when it is an ingress-nginx canary. */
export function routingOf(ing: Manifest): IngressRouting | undefined {
  const annotations = map(ing.annotations);
  if (annotations[NGINX_CANARY] === 'true') {
    return undefined;
  }
  const points = str(annotations[TRAEFIK_ENTRY_POINTS]);
  const className = str(map(ing.spec).ingressClassName) ?? str(annotations[CLASS_ANNOTATION]) ?? '';
  const alb = className === 'alb' || Object.keys(annotations).some((k) => k.startsWith(ALB_PREFIX));
  return {
    className,
    entryPoints: points === undefined ? '' : points.split(',').map((e) => e.trim()).sort().join(','),
    albGroup: alb ? str(annotations[ALB_GROUP]) : undefined,
    loadBalancer: !alb ? '' : str(annotations[ALB_GROUP]) !== undefined ? `group ${str(annotations[ALB_GROUP])}` : `Ingress ${str(ing.namespace) ?? ''}/${nameOf(ing)}`,
  };
}

/** Calls `each` for every path of the Ingress `ing`, with its host and path ('' when missing) and how it matches. */
export function forEachServedPath(ing: Manifest, each: (host: string, path: string, rule: number, index: number, match: string) => void): void {
  list(map(ing.spec).rules).forEach((rule, i) => {
    const host = str(map(rule).host) ?? '';
    list(map(map(rule).http).paths).forEach((p, j) => each(host, str(map(p).path) ?? '', i, j, matchOf(map(p).pathType)));
  });
}

/**
 * How a path matches, for duplicates: an `Exact` path and a `Prefix` (or implementation-specific)
 * path of the same text are two routes, not one served twice. The Ingress API defines the
 * precedence between them (networking/v1 `HTTPIngressPath.pathType`, and the "Multiple matches"
 * section of the Ingress docs: an exact path wins over a prefix path of the same length), so
 * `/api` exact and `/api` prefix together route `/api` to the first and `/api/x` to the second.
 */
function matchOf(pathType: unknown): string {
  return pathType === 'Exact' ? 'Exact' : '';
}

/**
 * The first path (in the order of the manifests) that serves each class, entry points, host
 * and path: by class, entry points, host, then path.
 */
export class IngressPaths {
  private readonly first = new Map<string, Map<string, Map<string, Map<string, ServedPath>>>>();

  public constructor(private readonly defaultNamespace: string) {}

  public add(ing: Manifest): void {
    const routing = routingOf(ing);
    if (routing === undefined) {
      return;
    }
    const byListener = entry(this.first, routing.className, newMap<string, Map<string, Map<string, ServedPath>>>);
    const hosts = entry(byListener, listenerOf(routing), newMap<string, Map<string, ServedPath>>);
    const ns = namespaceOf(ing, this.defaultNamespace);
    forEachServedPath(ing, (host, path, rule, index, match) => {
      const paths = entry(hosts, host, newMap<string, ServedPath>);
      const key = `${match} ${path}`;
      if (!paths.has(key)) {
        paths.set(key, { ns, ing, rule, path: index });
      }
    });
  }

  /** The first path that serves `host` and `path` with `routing`, matching as `match` (see `forEachServedPath`). */
  public firstServing(routing: IngressRouting, host: string, path: string, match: string): ServedPath | undefined {
    return this.first.get(routing.className)?.get(listenerOf(routing))?.get(host)?.get(`${match} ${path}`);
  }
}

/** Where an Ingress's routes are served within its class: its entry points and load balancer group. */
function listenerOf(routing: IngressRouting): string {
  return `${routing.entryPoints}\n${routing.loadBalancer}`;
}

export const INGRESS_PATHS: IndexPart<IngressPaths> = {
  name: 'Ingress paths',
  kinds: ['Ingress'],
  create: (ns) => new IngressPaths(ns),
  add: (part, m) => part.add(m),
};

// ---------------------------------------------------------------------------------------------
// Node ports and cluster IPs

/** A node port or cluster IP a Service asks for. */
export interface Claim {
  readonly field: string;
  readonly value: number | string;
  /** 'node port' or 'cluster IP'. */
  readonly what: string;
  /** The protocol of a node port ('' for a cluster IP). */
  readonly protocol: string;
}

/** `Service 'ns/name'`: a Service that claims something, for messages. */
export function claimantOf(svc: Manifest, ns: string): string {
  return `Service '${ns ? `${ns}/` : ''}${nameOf(svc)}'`;
}

/** The node ports, then the cluster IPs, that the Service `svc` asks for, in order. */
export function claimsOf(svc: Manifest): Claim[] {
  const claims: Claim[] = [];
  const spec = map(svc.spec);
  const ports = list(spec.ports);
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    const np = map(p).nodePort;
    if (typeof np === 'number' && np !== 0 && serviceType(svc) !== 'ClusterIP' && serviceType(svc) !== 'ExternalName') {
      claims.push({ field: `spec.ports[${i}].nodePort`, value: np, what: 'node port', protocol: protocolOf(p) });
    }
  }
  const clusterIPs = list(spec.clusterIPs);
  if (typeof spec.clusterIP !== 'string' && clusterIPs.length === 0) {
    return claims; // no cluster IP asked for: one is allocated
  }
  const ips = new Set<string>([spec.clusterIP, ...clusterIPs].filter((ip): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None'));
  for (const ip of ips) {
    claims.push({ field: spec.clusterIP === ip ? 'spec.clusterIP' : `spec.clusterIPs[${clusterIPs.indexOf(ip)}]`, value: ip, what: 'cluster IP', protocol: '' });
  }
  return claims;
}

/**
 * The first Service (in the order of the manifests) that asks for each node port (by protocol)
 * and each cluster IP: the API server allocates each once in the cluster.
 */
export class Allocations {
  private readonly nodePorts = new Map<string, Map<number, string>>();
  private readonly clusterIPs = new Map<string, string>();

  public constructor(private readonly defaultNamespace: string) {}

  public add(svc: Manifest): void {
    let claimant: string | undefined;
    for (const c of claimsOf(svc)) {
      claimant ??= claimantOf(svc, namespaceOf(svc, this.defaultNamespace));
      const owners = typeof c.value === 'number' ? entry(this.nodePorts, c.protocol, newMap<number, string>) : this.clusterIPs;
      if (!(owners as Map<number | string, string>).has(c.value)) {
        (owners as Map<number | string, string>).set(c.value, claimant);
      }
    }
  }

  /** The first Service that asks for the node port or cluster IP of `c`. */
  public ownerOf(c: Claim): string | undefined {
    return typeof c.value === 'number' ? this.nodePorts.get(c.protocol)?.get(c.value) : this.clusterIPs.get(c.value);
  }
}

export const ALLOCATIONS: IndexPart<Allocations> = {
  name: 'node ports and cluster IPs',
  kinds: ['Service'],
  create: (ns) => new Allocations(ns),
  add: (part, m) => part.add(m),
};
