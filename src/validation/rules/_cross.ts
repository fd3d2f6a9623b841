import { Manifest, Reporter, RuleSettings, hasOwn, isMap, list, map, nameOf, namespaceOf, str } from './_engine';
// renderValue for values no rule has checked yet: a template literal throws on some objects
import { renderValue } from '../_problems';
import { CLASS_ANNOTATION } from './_ingress';
import { isHeadless, serviceType } from './_service';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A pod template found in a workload, with the ports its containers declare. */
interface PodTemplate {
  /** The workload, for messages (see `ownerOf`). */
  readonly workload: Manifest;
  readonly labels: Record<string, string>;
  /** Declared port names, with their protocol: `http/TCP`. */
  readonly portNames: Set<string>;
  /** Declared port numbers. */
  readonly portNumbers: Set<number>;
}

/** `Deployment/web`: the workload of a template, for messages. */
function ownerOf(t: PodTemplate): string {
  return `${t.workload.kind}/${nameOf(t.workload)}`;
}

/** The pod template (its `metadata` and `spec`) of a workload object, or undefined. */
function podTemplateOf(m: Manifest): { readonly metadata?: unknown; readonly spec?: unknown } | undefined {
  const spec = map(m.spec);
  switch (m.kind) {
    case 'Pod':
      return m;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return isMap(spec.template) ? spec.template : undefined;
    case 'CronJob':
      return map(map(map(spec.jobTemplate).spec).template);
    default:
      return undefined;
  }
}

function templateOf(m: Manifest): PodTemplate | undefined {
  const t = podTemplateOf(m);
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
  const portNames = new Set<string>();
  const portNumbers = new Set<number>();
  const spec = map(t.spec);
  addPorts(list(spec.containers), portNames, portNumbers);
  addPorts(list(spec.initContainers), portNames, portNumbers);
  return { workload: m, labels, portNames, portNumbers };
}

/** Adds the ports the containers declare to the names and numbers of a template. */
function addPorts(containers: readonly any[], portNames: Set<string>, portNumbers: Set<number>): void {
  for (const c of containers) {
    for (const p of list(map(c).ports)) {
      if (!isMap(p)) {
        continue;
      }
      if (typeof p.name === 'string') {
        portNames.add(`${p.name}/${typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP'}`);
      }
      if (typeof p.containerPort === 'number') {
        portNumbers.add(p.containerPort);
      }
    }
  }
}

/** A map keyed by a namespace, then a name. */
class NamespacedMap<V> {
  private readonly namespaces = new Map<string, Map<string, V>>();

  public get(ns: string, name: string): V | undefined {
    return this.namespaces.get(ns)?.get(name);
  }

  public set(ns: string, name: string, value: V): void {
    let names = this.namespaces.get(ns);
    if (!names) {
      names = new Map();
      this.namespaces.set(ns, names);
    }
    names.set(name, value);
  }
}

/** The pod templates by namespace, label key and label value. */
class LabelIndex {
  private readonly namespaces = new Map<string, Map<string, Map<string, PodTemplate[]>>>();

  public get(ns: string, key: string, value: string): PodTemplate[] | undefined {
    return this.namespaces.get(ns)?.get(key)?.get(value);
  }

  public add(ns: string, key: string, value: string, t: PodTemplate): void {
    let keys = this.namespaces.get(ns);
    if (!keys) {
      keys = new Map();
      this.namespaces.set(ns, keys);
    }
    let values = keys.get(key);
    if (!values) {
      values = new Map();
      keys.set(key, values);
    }
    const bucket = values.get(value);
    if (bucket) {
      bucket.push(t);
    } else {
      values.set(value, [t]);
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

/** Services and pod templates indexed by namespace, built once (an object at a time). */
class Index {
  /** The `v1` Services by namespace and name. */
  public readonly services = new NamespacedMap<Manifest>();
  /** The templates that have a label, by namespace, label key and value. */
  public readonly templatesByLabel = new LabelIndex();
  /** Every template, by namespace (for selectors of controller labels only). */
  public readonly templates = new Map<string, PodTemplate[]>();


  /** Every Service (namespace and name) an EndpointSlice or Endpoints object backs. */
  public readonly backed = new NamespacedMap<true>();

  /**
   * The port names of all EndpointSlices that name a Service (by namespace and Service name),
   * and the first of those slices: a Service's endpoints are the union of its slices, which
   * may be split by port.
   */
  public readonly slicePorts = new NamespacedMap<{ names: Set<string>; first: Manifest; count: number }>();

  public constructor(private readonly defaultNamespace: string) {}

  /** Indexes a usable object (a map). */
  public add(m: Manifest): void {
    const kind = m.kind;
    if (kind === 'EndpointSlice') {
      const serviceName = isMap(m.labels) ? m.labels[SERVICE_NAME_LABEL] : undefined;
      if (typeof serviceName !== 'string') {
        return; // backs no Service (XREF005); never interpolate a hostile value
      }
      const ns = namespaceOf(m, this.defaultNamespace);
      this.backed.set(ns, serviceName, true);
      let ports = this.slicePorts.get(ns, serviceName);
      if (!ports) {
        ports = { names: new Set(), first: m, count: 0 };
        this.slicePorts.set(ns, serviceName, ports);
      }
      ports.count++;
      for (const p of list(m.obj.ports)) {
        ports.names.add(portNameOf(p));
      }
      return;
    }
    if (kind === 'Endpoints') {
      this.backed.set(namespaceOf(m, this.defaultNamespace), nameOf(m), true);
      return;
    }
    if (kind === 'Service' && m.apiVersion === 'v1') {
      this.services.set(namespaceOf(m, this.defaultNamespace), nameOf(m), m);
      return;
    }
    const t = templateOf(m);
    if (t) {
      const ns = namespaceOf(m, this.defaultNamespace);
      const all = this.templates.get(ns);
      if (all) {
        all.push(t);
      } else {
        this.templates.set(ns, [t]);
      }
      for (const k in t.labels) {
        if (hasOwn(t.labels, k)) {
          this.templatesByLabel.add(ns, k, t.labels[k], t);
        }
      }
    }
  }

  public service(ns: string, name: unknown): Manifest | undefined {
    return typeof name === 'string' ? this.services.get(ns, name) : undefined;
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
    let smallest: PodTemplate[] | undefined;
    for (const k of keys) {
      const bucket = this.templatesByLabel.get(ns, k, selector[k]);
      if (bucket === undefined) {
        return [];
      }
      if (!smallest || bucket.length < smallest.length) {
        smallest = bucket;
      }
    }
    const candidates = smallest ?? (controllerKeys.length > 0 ? this.templates.get(ns) ?? [] : []);
    const selected: PodTemplate[] = [];
    for (const t of candidates) {
      if (keys.every((k) => t.labels[k] === selector[k]) && controllerKeys.every((k) => CONTROLLER_LABELS[k](t, selector[k]))) {
        selected.push(t);
      }
    }
    return selected;
  }
}

/**
 * The cross-object rules, over all manifests at once (indexed once: linear in their number).
 *
 * The checker `add`s every object while it checks the object on its own: touching each of many
 * objects again costs more than the work on it, so the index is built while the object is at
 * hand, and `check` only visits the objects the rules check.
 */
export class CrossObjectRules {
  private readonly index: Index;
  /** The objects to check, in order. */
  private readonly toCheck: Manifest[] = [];

  public constructor(private readonly settings: RuleSettings) {
    this.index = new Index(settings.namespace);
  }

  /**
   * Adds an object. `usable` says whether it may be used: a kind of the catalogue that passed
   * the API checks, or a kind the catalogue does not know.
   */
  public add(m: Manifest, usable: boolean): void {
    if (!isMap(m.obj)) {
      return;
    }
    const kind = m.kind;
    if (kind === 'StatefulSet') {
      this.toCheck.push(m);
    }
    if (!usable) {
      return;
    }
    this.index.add(m);
    if (kind === 'Service' || kind === 'EndpointSlice' || kind === 'Endpoints' || kind === 'Ingress') {
      this.toCheck.push(m);
    }
  }

  /** Runs the rules on the objects added; `r` is moved to each object it reports about. */
  public check(r: Reporter): void {
    const index = this.index;
    const served = new Map<string, ServedPath>(); // class|host|path -> who serves it first
    const allocated = new Map<string, string>(); // node port or cluster IP -> the Service that has it
    for (const m of this.toCheck) {
      const ns = namespaceOf(m, this.settings.namespace);
      r.moveTo(m);
      switch (m.kind) {
        case 'StatefulSet':
          checkStatefulSet(r, m, ns, index);
          break;
        case 'Service':
          checkServiceSelection(r, m, ns, index);
          checkAllocations(r, m, ns, allocated);
          break;
        case 'EndpointSlice':
          checkSlice(r, m, ns, index);
          break;
        case 'Endpoints':
          checkEndpointsService(r, m, ns, index);
          break;
        case 'Ingress':
          checkIngressBackends(r, m, ns, index);
          checkTlsHosts(r, m);
          checkServedTwice(r, m, ns, served);
          break;
      }
    }
  }
}

function checkServiceSelection(r: Reporter, svc: Manifest, ns: string, index: Index): void {
  const spec = map(svc.spec);
  if (serviceType(svc) === 'ExternalName') {
    return;
  }
  if (!isMap(spec.selector) || Object.keys(spec.selector).length === 0) {
    // A selector-less Service is backed by the EndpointSlices or Endpoints that name it.
    if (!index.backed.get(ns, nameOf(svc)) && !r.isExternal('EndpointSlice', ns, nameOf(svc)) && !r.isExternal('Endpoints', ns, nameOf(svc))) {
      r.reportMissing('XREF014', 'spec.selector', undefined,
        `is missing, and no EndpointSlice (label '${SERVICE_NAME_LABEL}: ${nameOf(svc)}') or Endpoints named '${nameOf(svc)}' is ${inNamespace(ns)}`,
        'the Service has no backends',
        'add a selector for the pods, or an EndpointSlice for the backends (or acknowledge this if another tool creates them)');
    }
    return;
  }
  const selected = index.select(ns, spec.selector);
  if (selected.length === 0) {
    r.reportMissing('XREF001', 'spec.selector', spec.selector, `matches no pod template ${inNamespace(ns)}`,
      'the Service has no endpoints',
      'make the selector equal to the labels of the workload\'s pod template (or acknowledge this if the pods are created elsewhere)');
    return;
  }
  const ports = list(spec.ports);
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!isMap(p)) {
      continue;
    }
    const target = p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort;
    if (typeof target === 'string') {
      // The endpoints controller looks the name up with the Service port's protocol.
      const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
      const name = `${target}/${protocol}`;
      const missing = selected.filter((t) => !t.portNames.has(name));
      if (missing.length > 0) {
        r.report('XREF002', `spec.ports[${i}].targetPort`, target, `names a port that ${missing.map(ownerOf).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not declare with protocol ${protocol}: those pods get no traffic on this port`,
          `add a ${protocol} container port named '${target}', or use the port number`);
      }
    } else if (typeof target === 'number') {
      // Containers may listen on ports they do not declare: only pods that declare their ports
      // tell that nothing listens on this one.
      const declaring = selected.filter((t) => t.portNumbers.size > 0);
      const missing = declaring.filter((t) => !t.portNumbers.has(target));
      if (missing.length === 0) {
        continue;
      }
      const declared = `${missing.map(ownerOf).join(', ')} declare${missing.length === 1 ? 's' : ''} ${missing.length === 1 ? 'its ports' : 'their ports'} (${describePorts(missing)})`;
      if (declaring.length === selected.length) {
        r.report('XREF003', `spec.ports[${i}].targetPort`, target, `is not a port the selected containers declare: ${declared}, and traffic to this port is refused`,
          'use the containerPort the container listens on (not a hostPort), or declare the port');
      } else {
        r.report('XREF015', `spec.ports[${i}].targetPort`, target, `is not a port the selected containers declare: ${declared}; other selected pods declare none`,
          'check the port the containers listen on');
      }
    }
  }
}

/** The declared port numbers of templates, for messages: `8080, 9090`. */
function describePorts(templates: readonly PodTemplate[]): string {
  const numbers = new Set<number>();
  for (const t of templates) {
    t.portNumbers.forEach((n) => numbers.add(n));
  }
  return [...numbers].sort((x, y) => x - y).join(', ');
}

/** The name of a port of a Service, slice or subset, or ''. */
function portNameOf(p: unknown): string {
  if (!isMap(p)) {
    return '';
  }
  const name = p.name;
  return typeof name === 'string' ? name : '';
}

function portNamesOf(ports: unknown): string[] {
  return list(ports).map(portNameOf);
}

/**
 * Reports the port names of one slice or subset that are not names of the Service's ports,
 * `wanted` (not empty).
 */
function compareNames(r: Reporter, svc: Manifest, wanted: readonly string[], ports: unknown, field: string): void {
  portNamesOf(ports).forEach((name, i) => {
    if (!wanted.includes(name)) {
      r.report('XREF006', `${field}[${i}].name`, name, `must be the name of a port of Service '${nameOf(svc)}' (${wanted.map((w) => `'${w}'`).join(', ')}): traffic to that port never reaches this backend`,
        `use the Service's port name${wanted.length === 1 ? `: '${wanted[0]}'` : 's'}`);
    }
  });
}

/**
 * Reports the Service ports, `wanted`, that none of the slices (or subsets) backing it has:
 * `have` is the union of their port names, since endpoints may be split by port. `value` gives
 * the value to report, only asked for when there is something to report.
 */
function reportAbsentPorts(r: Reporter, svc: Manifest, wanted: readonly string[], have: Set<string>, several: boolean,
  field: string, value: () => unknown): void {
  const absentNames = wanted.filter((w) => !have.has(w));
  if (absentNames.length > 0) {
    r.report('XREF006', field, value(), `has no port for the port${absentNames.length === 1 ? '' : 's'} ${absentNames.map((w) => `'${w}'`).join(', ')} of Service '${nameOf(svc)}'${several ? ', nor does any other of its slices or subsets' : ''}: traffic to ${absentNames.length === 1 ? 'it' : 'them'} goes nowhere`,
      'add a port with the same name as each Service port');
  }
}

function checkSlice(r: Reporter, slice: Manifest, ns: string, index: Index): void {
  const serviceName = isMap(slice.labels) ? slice.labels[SERVICE_NAME_LABEL] : undefined;
  if (typeof serviceName !== 'string' || serviceName === '') {
    r.report('XREF005', 'metadata.labels', undefined, `has no '${SERVICE_NAME_LABEL}' label, so no Service uses this EndpointSlice`,
      `add the label '${SERVICE_NAME_LABEL}: <service name>'`);
    return;
  }
  const svc = index.services.get(ns, serviceName);
  if (!svc) {
    if (!r.isExternal('Service', ns, serviceName)) {
      r.reportMissing('XREF004', `metadata.labels[${SERVICE_NAME_LABEL}]`, serviceName, `names Service '${serviceName}', which is not ${inNamespace(ns)}`,
        'no Service uses this EndpointSlice', 'create the Service (without selector), or fix the label', serviceName);
    }
    return;
  }
  if (serviceType(svc) === 'ExternalName') {
    return;
  }
  const wanted = portNamesOf(map(svc.spec).ports);
  if (wanted.length === 0) {
    return; // the Service has no ports to compare with
  }
  const ports = slice.obj.ports;
  compareNames(r, svc, wanted, ports, 'ports');
  const all = index.slicePorts.get(ns, serviceName);
  if (all && all.first === slice) {
    // once per Service, on its first slice
    reportAbsentPorts(r, svc, wanted, all.names, all.count > 1, 'ports', () => (list(ports).length === 0 ? undefined : portNamesOf(ports)));
  }
}

function checkEndpointsService(r: Reporter, ep: Manifest, ns: string, index: Index): void {
  const svc = index.service(ns, nameOf(ep));
  if (!svc) {
    if (!r.isExternal('Service', ns, nameOf(ep))) {
      r.reportMissing('XREF007', 'metadata.name', nameOf(ep), `names no Service ${inNamespace(ns)}`,
        'no Service uses these Endpoints (Endpoints reach a Service only by having its name)', 'name the Endpoints exactly like their Service', nameOf(ep));
    }
    return;
  }
  if (serviceType(svc) === 'ExternalName') {
    return;
  }
  const wanted = portNamesOf(map(svc.spec).ports);
  const have = new Set<string>();
  let compared = false;
  const subsets = list(ep.obj.subsets);
  subsets.forEach((subset, i) => {
    if (wanted.length > 0) {
      compareNames(r, svc, wanted, map(subset).ports, `subsets[${i}].ports`);
      compared = true;
    }
    portNamesOf(map(subset).ports).forEach((name) => have.add(name));
  });
  if (compared) {
    reportAbsentPorts(r, svc, wanted, have, subsets.length > 1, subsets.length === 1 ? 'subsets[0].ports' : 'subsets', () => [...have]);
  }
}

/** The annotation prefix of the AWS Load Balancer Controller's actions, which an Ingress backend may name instead of a Service. */
const ALB_ACTIONS = 'alb.ingress.kubernetes.io/actions.';

function checkIngressBackends(r: Reporter, ing: Manifest, ns: string, index: Index): void {
  const spec = map(ing.spec);
  const defaultBackend = spec.defaultBackend;
  const annotations = map(ing.annotations);
  if (isMap(defaultBackend)) {
    checkIngressBackend(r, defaultBackend, ns, index, -1, -1, annotations);
  }
  const rules = list(spec.rules);
  for (let i = 0; i < rules.length; i++) {
    const paths = list(map(map(rules[i]).http).paths);
    for (let j = 0; j < paths.length; j++) {
      const backend = map(paths[j]).backend;
      if (isMap(backend)) {
        checkIngressBackend(r, backend, ns, index, i, j, annotations);
      }
    }
  }
}

/**
 * Checks one backend of an Ingress against its Service: the default backend when `rule` is -1,
 * else the one of `spec.rules[rule].http.paths[path]` (its field is only written out for a finding).
 */
function checkIngressBackend(r: Reporter, backend: Record<string, any>, ns: string, index: Index, rule: number, path: number,
  annotations: Record<string, any>): void {
  const service = backend.service;
  const name = isMap(service) ? service.name : undefined;
  if (typeof name !== 'string' || name === '') {
    return;
  }
  if (map(service.port).name === 'use-annotation' && typeof annotations[`${ALB_ACTIONS}${name}`] === 'string') {
    return; // an action of the AWS Load Balancer Controller, not a Service
  }
  const field = () => (rule < 0 ? 'spec.defaultBackend' : `spec.rules[${rule}].http.paths[${path}].backend`);
  const svc = index.service(ns, name);
  if (!svc) {
    if (!r.isExternal('Service', ns, name)) {
      r.reportMissing('XREF008', `${field()}.service.name`, name, `names Service '${name}', which is not ${inNamespace(ns)}`,
        'the controller answers requests for this path with an error (503)', 'create the Service in the Ingress\'s namespace, or fix the name', name);
    }
    return;
  }
  const ports = list(map(svc.spec).ports).filter(isMap);
  if (ports.length === 0) {
    return;
  }
  const port = map(service.port);
  if (typeof port.number === 'number' && port.number !== 0 && !ports.some((p) => p.port === port.number)) {
    r.report('XREF009', `${field()}.service.port.number`, port.number, `is not a port of Service '${name}' (it has ${ports.map((p) => renderValue(p.port)).join(', ')})`,
      'use the Service port (not the container port)');
  } else if (typeof port.name === 'string' && port.name !== '' && !ports.some((p) => p.name === port.name)) {
    r.report('XREF009', `${field()}.service.port.name`, port.name, `is not a port name of Service '${name}' (it has ${ports.map((p) => renderValue(p.name ?? '')).join(', ')})`,
      'use the name of a Service port');
  }
}

/** Whether a TLS host and a rule host denote the same names (one may be a `*.` wildcard). */
function hostsMatch(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  return wildcardMatches(a, b) || wildcardMatches(b, a);
}

/** Whether `w` is a `*.` wildcard that matches the host `h`. */
function wildcardMatches(w: string, h: string): boolean {
  return w.startsWith('*.') && h.includes('.') && h.slice(h.indexOf('.')) === w.slice(1);
}

function checkTlsHosts(r: Reporter, ing: Manifest): void {
  const spec = map(ing.spec);
  const tls = list(spec.tls);
  if (tls.length === 0) {
    return; // nothing to match
  }
  const rules = list(spec.rules).filter(isMap);
  const tlsHosts: string[] = [];
  for (const entry of tls) {
    for (const host of list(map(entry).hosts)) {
      if (typeof host === 'string') {
        tlsHosts.push(host);
      }
    }
  }
  // Rule hosts that TLS does not cover are served without the Ingress's certificate. A TLS
  // entry without hosts applies to every host (ingress-nginx and others use its Secret as the
  // default certificate), so only entries that list hosts say which are covered.
  if (tlsHosts.length > 0 && tls.every((entry) => list(map(entry).hosts).length > 0)) {
    rules.forEach((rule, i) => {
      const host = rule.host;
      if (typeof host === 'string' && host !== '' && !tlsHosts.some((h) => hostsMatch(h, host))) {
        r.report('ING009', `spec.rules[${i}].host`, host, `is covered by no TLS entry of this Ingress (TLS hosts: ${tlsHosts.map((h) => `'${h}'`).join(', ')}): it is served with the controller's default certificate, or over plain HTTP`,
          'add the host to a `spec.tls[].hosts` list with a certificate for it');
      }
    });
  }
  if (rules.length === 0 || rules.some((rule) => typeof rule.host !== 'string' || rule.host === '')) {
    return; // the default backend or a rule without host serves every host
  }
  const hosts = rules.map((rule) => rule.host as string);
  tls.forEach((entry, i) => {
    list(map(entry).hosts).forEach((host, j) => {
      if (typeof host === 'string' && !hosts.some((h) => hostsMatch(host, h))) {
        r.report('XREF010', `spec.tls[${i}].hosts[${j}]`, host, `is served by no rule of this Ingress (rule hosts: ${hosts.map((h) => `'${h}'`).join(', ')})`,
          'add a rule for this host, or fix the spelling of one of them');
      }
    });
  });
}

/** The first path of an Ingress that serves a class, host and path: for messages. */
interface ServedPath {
  readonly ns: string;
  readonly ing: Manifest;
  readonly rule: number;
  readonly path: number;
}

/** Traefik's entry points of an Ingress's routers: routes on other entry points do not collide. */
const TRAEFIK_ENTRY_POINTS = 'traefik.ingress.kubernetes.io/router.entrypoints';
/** ingress-nginx canary Ingresses serve the same host and path as their main Ingress, on purpose. */
const NGINX_CANARY = 'nginx.ingress.kubernetes.io/canary';

function checkServedTwice(r: Reporter, ing: Manifest, ns: string, served: Map<string, ServedPath>): void {
  const spec = map(ing.spec);
  const annotations = map(ing.annotations);
  if (annotations[NGINX_CANARY] === 'true') {
    return;
  }
  const entryPoints = str(annotations[TRAEFIK_ENTRY_POINTS]);
  const className = str(spec.ingressClassName) ?? str(annotations[CLASS_ANNOTATION]) ?? '';
  const points = entryPoints === undefined ? '' : entryPoints.split(',').map((e) => e.trim()).sort().join(',');
  const cls = `${className}\n${points}`;
  list(spec.rules).forEach((rule, i) => {
    const host = str(map(rule).host) ?? '';
    list(map(map(rule).http).paths).forEach((p, j) => {
      const path = str(map(p).path) ?? '';
      const key = `${cls}\n${host}\n${path}`;
      const first = served.get(key);
      if (first !== undefined) {
        r.report('XREF011', pathField(i, j), path, `is already served for host '${host || '*'}' by ${describeServed(first)}${className ? ` (class '${className}')` : ''}${points ? ` (entry points '${points}')` : ''}: the controller picks one of them`,
          'serve each host and path from one Ingress only');
      } else {
        served.set(key, { ns, ing, rule: i, path: j });
      }
    });
  });
}

/** The field of the path of `spec.rules[rule].http.paths[path]`. */
function pathField(rule: number, path: number): string {
  return `spec.rules[${rule}].http.paths[${path}].path`;
}

/** `Ingress 'ns/name' spec.rules[0].http.paths[0].path`: where a path is served, for messages. */
function describeServed(s: ServedPath): string {
  return `Ingress '${s.ns ? `${s.ns}/` : ''}${nameOf(s.ing)}' ${pathField(s.rule, s.path)}`;
}

function checkStatefulSet(r: Reporter, sts: Manifest, ns: string, index: Index): void {
  const serviceName = map(sts.spec).serviceName;
  if (typeof serviceName !== 'string' || serviceName === '') {
    return;
  }
  const svc = index.service(ns, serviceName);
  if (!svc) {
    if (!r.isExternal('Service', ns, serviceName)) {
      r.reportMissing('XREF013', 'spec.serviceName', serviceName, `names Service '${serviceName}', which is not ${inNamespace(ns)}`,
        'the pods get no stable DNS names', 'create a headless Service (`clusterIP: None`) with this name', serviceName);
    }
  } else if (!isHeadless(svc)) {
    r.report('XREF012', 'spec.serviceName', serviceName, `names Service '${serviceName}', which is not headless: the pods get no per-pod DNS names`,
      'set `clusterIP: None` on that Service, or point `serviceName` at a headless Service');
  }
}

/** Where an object was looked for, for messages. */
function inNamespace(ns: string): string {
  return `in namespace '${ns}'`;
}

/** Node ports are unique in the cluster, cluster IPs too: the second Service asking for one is refused. */
function checkAllocations(r: Reporter, svc: Manifest, ns: string, allocated: Map<string, string>): void {
  const spec = map(svc.spec);
  const ports = list(spec.ports);
  const clusterIPs = list(spec.clusterIPs);
  // The Service, for messages: written at its first claim (most Services claim nothing).
  let me: string | undefined;
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    const np = map(p).nodePort;
    if (typeof np === 'number' && np !== 0 && serviceType(svc) !== 'ClusterIP' && serviceType(svc) !== 'ExternalName') {
      const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
      me ??= `Service '${ns ? `${ns}/` : ''}${nameOf(svc)}'`;
      claim(r, allocated, me, `nodePort ${np}/${protocol}`, `spec.ports[${i}].nodePort`, np, 'node port');
    }
  }
  if (typeof spec.clusterIP !== 'string' && clusterIPs.length === 0) {
    return; // no cluster IP asked for: one is allocated
  }
  const ips = new Set<string>([spec.clusterIP, ...clusterIPs].filter((ip): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None'));
  for (const ip of ips) {
    me ??= `Service '${ns ? `${ns}/` : ''}${nameOf(svc)}'`;
    claim(r, allocated, me, `clusterIP ${ip}`, spec.clusterIP === ip ? 'spec.clusterIP' : `spec.clusterIPs[${clusterIPs.indexOf(ip)}]`, ip, 'cluster IP');
  }
}

/** Claims `key`, a node port or cluster IP, for the Service `me`; SVC021 when another Service has it. */
function claim(r: Reporter, allocated: Map<string, string>, me: string, key: string, field: string, value: unknown, what: string): void {
  const owner = allocated.get(key);
  if (owner !== undefined && owner !== me) {
    r.report('SVC021', field, value, `is already taken by ${owner}: the API server refuses to allocate the same ${what} twice`, `pick another ${what}, or leave it out to get one allocated`);
  } else {
    allocated.set(key, me);
  }
}
