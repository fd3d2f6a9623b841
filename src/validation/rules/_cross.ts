import { Reporter, isMap, list, map, nameOf, namespaceOf, str } from './_engine';
// renderValue for values no rule has checked yet: a template literal throws on some objects
import { renderValue } from '../_problems';
import { CLASS_ANNOTATION } from './_ingress';
import { isHeadless, serviceType } from './_service';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A pod template found in a workload, with the ports its containers declare. */
interface PodTemplate {
  /** `Deployment/web`, for messages. */
  readonly owner: string;
  readonly labels: Record<string, string>;
  /** Declared port names, with their protocol: `http/TCP`. */
  readonly portNames: Set<string>;
  /** Declared port numbers. */
  readonly portNumbers: Set<number>;
}

/** The pod template of a workload object, or undefined. */
function podTemplateOf(obj: any): { metadata: any; spec: any } | undefined {
  const kind = obj.kind;
  const spec = map(obj.spec);
  switch (kind) {
    case 'Pod':
      return { metadata: obj.metadata, spec: obj.spec };
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return isMap(spec.template) ? { metadata: spec.template.metadata, spec: spec.template.spec } : undefined;
    case 'CronJob': {
      const template = map(map(map(spec.jobTemplate).spec).template);
      return { metadata: template.metadata, spec: template.spec };
    }
    default:
      return undefined;
  }
}

function templateOf(obj: any): PodTemplate | undefined {
  const t = podTemplateOf(obj);
  if (!t) {
    return undefined;
  }
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(map(map(t.metadata).labels))) {
    if (typeof v === 'string') {
      labels[k] = v;
    }
  }
  const portNames = new Set<string>();
  const portNumbers = new Set<number>();
  const spec = map(t.spec);
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    for (const p of list(map(c).ports)) {
      if (typeof map(p).name === 'string') {
        portNames.add(`${p.name}/${typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP'}`);
      }
      if (typeof map(p).containerPort === 'number') {
        portNumbers.add(p.containerPort);
      }
    }
  }
  return { owner: `${obj.kind}/${nameOf(obj)}`, labels, portNames, portNumbers };
}

/** Services and pod templates indexed by namespace, built once. */
class Index {
  public readonly services = new Map<string, any>();
  /** namespace + '\n' + 'key=value' to the templates that have that label. */
  public readonly templatesByLabel = new Map<string, PodTemplate[]>();

  /** namespace + '\n' + Service name, for every Service an EndpointSlice or Endpoints object backs. */
  public readonly backed = new Set<string>();

  /**
   * namespace + '\n' + Service name to the port names of all EndpointSlices that name it, and
   * the first of those slices: a Service's endpoints are the union of its slices, which may
   * be split by port.
   */
  public readonly slicePorts = new Map<string, { names: Set<string>; first: any; count: number }>();

  public constructor(objects: readonly any[]) {
    for (const obj of objects) {
      if (!isMap(obj)) {
        continue;
      }
      const ns = namespaceOf(obj);
      if (obj.kind === 'EndpointSlice') {
        const serviceName = map(map(obj.metadata).labels)[SERVICE_NAME_LABEL];
        if (typeof serviceName !== 'string') {
          continue; // backs no Service (XREF005); never interpolate a hostile value
        }
        const key = `${ns}\n${serviceName}`;
        this.backed.add(key);
        let ports = this.slicePorts.get(key);
        if (!ports) {
          ports = { names: new Set(), first: obj, count: 0 };
          this.slicePorts.set(key, ports);
        }
        ports.count++;
        for (const name of portNamesOf(obj.ports)) {
          ports.names.add(name);
        }
        continue;
      }
      if (obj.kind === 'Endpoints') {
        this.backed.add(`${ns}\n${nameOf(obj)}`);
        continue;
      }
      if (obj.kind === 'Service' && obj.apiVersion === 'v1') {
        this.services.set(`${ns}\n${nameOf(obj)}`, obj);
        continue;
      }
      const t = templateOf(obj);
      if (t) {
        for (const [k, v] of Object.entries(t.labels)) {
          const key = `${ns}\n${k}=${v}`;
          const bucket = this.templatesByLabel.get(key);
          if (bucket) {
            bucket.push(t);
          } else {
            this.templatesByLabel.set(key, [t]);
          }
        }
      }
    }
  }

  public service(ns: string, name: unknown): any {
    return typeof name === 'string' ? this.services.get(`${ns}\n${name}`) : undefined;
  }

  /** The templates in `ns` whose labels contain every pair of `selector`. */
  public select(ns: string, selector: Record<string, string>): PodTemplate[] {
    const pairs = Object.entries(selector);
    if (pairs.some(([, v]) => typeof v !== 'string')) {
      return []; // labels are strings (API004 reports the value); never interpolate a hostile one
    }
    let smallest: PodTemplate[] | undefined;
    for (const [k, v] of pairs) {
      const bucket = this.templatesByLabel.get(`${ns}\n${k}=${v}`) ?? [];
      if (!smallest || bucket.length < smallest.length) {
        smallest = bucket;
      }
    }
    return (smallest ?? []).filter((t) => pairs.every(([k, v]) => t.labels[k] === v));
  }
}

/**
 * The cross-object rules, over all manifests at once (indexed once: linear in their number).
 * `reporters[i]` reports about `objects[i]`; `usable[i]` says whether object i may be used:
 * a kind of the catalogue that passed the API checks, or a kind the catalogue does not know.
 */
export function checkCrossObject(objects: readonly any[], reporters: readonly Reporter[], usable: readonly boolean[]): void {
  const index = new Index(objects.map((o, i) => (usable[i] ? o : undefined)));
  const served = new Map<string, string>(); // class|host|path -> who serves it first
  const allocated = new Map<string, string>(); // node port or cluster IP -> the Service that has it
  objects.forEach((obj, i) => {
    if (!isMap(obj)) {
      return;
    }
    const r = reporters[i];
    const ns = namespaceOf(obj);
    if (obj.kind === 'StatefulSet') {
      checkStatefulSet(r, obj, ns, index);
      return;
    }
    if (!usable[i]) {
      return;
    }
    switch (obj.kind) {
      case 'Service':
        checkServiceSelection(r, obj, ns, index);
        checkAllocations(r, obj, ns, allocated);
        break;
      case 'EndpointSlice':
        checkSlice(r, obj, ns, index);
        break;
      case 'Endpoints':
        checkEndpointsService(r, obj, ns, index);
        break;
      case 'Ingress':
        checkIngressBackends(r, obj, ns, index);
        checkTlsHosts(r, obj);
        checkServedTwice(r, obj, ns, served);
        break;
    }
  });
}

function checkServiceSelection(r: Reporter, svc: any, ns: string, index: Index): void {
  const spec = map(svc.spec);
  if (serviceType(svc) === 'ExternalName') {
    return;
  }
  if (!isMap(spec.selector) || Object.keys(spec.selector).length === 0) {
    // A selector-less Service is backed by the EndpointSlices or Endpoints that name it.
    if (!index.backed.has(`${ns}\n${nameOf(svc)}`)) {
      r.report('XREF014', 'spec.selector', undefined, `is missing, and no EndpointSlice (label '${SERVICE_NAME_LABEL}: ${nameOf(svc)}') or Endpoints named '${nameOf(svc)}' is ${where(ns)}: the Service has no backends`,
        'add a selector for the pods, or an EndpointSlice for the backends (or acknowledge this if another tool creates them)');
    }
    return;
  }
  const selected = index.select(ns, spec.selector);
  if (selected.length === 0) {
    r.report('XREF001', 'spec.selector', spec.selector, `matches no pod template ${where(ns)}`,
      'make the selector equal to the labels of the workload\'s pod template (or acknowledge this if the pods are created elsewhere)');
    return;
  }
  list(spec.ports).forEach((p, i) => {
    if (!isMap(p)) {
      return;
    }
    const target = p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort;
    const field = `spec.ports[${i}].targetPort`;
    if (typeof target === 'string') {
      // The endpoints controller looks the name up with the Service port's protocol.
      const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
      const missing = selected.filter((t) => !t.portNames.has(`${target}/${protocol}`));
      if (missing.length > 0) {
        r.report('XREF002', field, target, `names a port that ${missing.map((t) => t.owner).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not declare with protocol ${protocol}: those pods get no traffic on this port`,
          `add a ${protocol} container port named '${target}', or use the port number`);
      }
    } else if (typeof target === 'number') {
      const missing = selected.filter((t) => t.portNumbers.size > 0 && !t.portNumbers.has(target));
      if (missing.length > 0) {
        r.report('XREF003', field, target, `is not among the container ports that ${missing.map((t) => t.owner).join(', ')} declare`,
          'check the port the container listens on');
      }
    }
  });
}

function portNamesOf(ports: unknown): string[] {
  return list(ports).map((p) => str(map(p).name) ?? '');
}

/**
 * Reports the port names of one slice or subset that are not names of the Service's ports.
 * Returns false when the Service has no ports to compare with.
 */
function compareNames(r: Reporter, svc: any, ports: unknown, field: string): boolean {
  const wanted = portNamesOf(map(svc.spec).ports);
  if (wanted.length === 0) {
    return false;
  }
  portNamesOf(ports).forEach((name, i) => {
    if (!wanted.includes(name)) {
      r.report('XREF006', `${field}[${i}].name`, name, `must be the name of a port of Service '${nameOf(svc)}' (${wanted.map((w) => `'${w}'`).join(', ')}): traffic to that port never reaches this backend`,
        `use the Service's port name${wanted.length === 1 ? `: '${wanted[0]}'` : 's'}`);
    }
  });
  return true;
}

/**
 * Reports the Service ports that none of the slices (or subsets) backing it has: `have` is the
 * union of their port names, since endpoints may be split by port.
 */
function reportAbsentPorts(r: Reporter, svc: any, have: Set<string>, several: boolean, field: string, value: unknown): void {
  const absentNames = portNamesOf(map(svc.spec).ports).filter((w) => !have.has(w));
  if (absentNames.length > 0) {
    r.report('XREF006', field, value, `has no port for the port${absentNames.length === 1 ? '' : 's'} ${absentNames.map((w) => `'${w}'`).join(', ')} of Service '${nameOf(svc)}'${several ? ', nor does any other of its slices or subsets' : ''}: traffic to ${absentNames.length === 1 ? 'it' : 'them'} goes nowhere`,
      'add a port with the same name as each Service port');
  }
}

function checkSlice(r: Reporter, slice: any, ns: string, index: Index): void {
  const labels = map(map(slice.metadata).labels);
  const serviceName = labels[SERVICE_NAME_LABEL];
  if (typeof serviceName !== 'string' || serviceName === '') {
    r.report('XREF005', 'metadata.labels', undefined, `has no '${SERVICE_NAME_LABEL}' label, so no Service uses this EndpointSlice`,
      `add the label '${SERVICE_NAME_LABEL}: <service name>'`);
    return;
  }
  const svc = index.service(ns, serviceName);
  if (!svc) {
    r.report('XREF004', `metadata.labels[${SERVICE_NAME_LABEL}]`, serviceName, `names no Service ${where(ns)}`,
      'create the Service (without selector), or fix the label');
    return;
  }
  if (serviceType(svc) !== 'ExternalName' && compareNames(r, svc, slice.ports, 'ports')) {
    const all = index.slicePorts.get(`${ns}\n${serviceName}`);
    if (all && all.first === slice) {
      // once per Service, on its first slice
      reportAbsentPorts(r, svc, all.names, all.count > 1, 'ports', list(slice.ports).length === 0 ? undefined : portNamesOf(slice.ports));
    }
  }
}

function checkEndpointsService(r: Reporter, ep: any, ns: string, index: Index): void {
  const svc = index.service(ns, nameOf(ep));
  if (!svc) {
    r.report('XREF007', 'metadata.name', nameOf(ep), `names no Service ${where(ns)}: Endpoints reach a Service only by having its name`,
      'name the Endpoints exactly like their Service');
    return;
  }
  if (serviceType(svc) === 'ExternalName') {
    return;
  }
  const have = new Set<string>();
  let compared = false;
  list(ep.subsets).forEach((subset, i) => {
    compared = compareNames(r, svc, map(subset).ports, `subsets[${i}].ports`) || compared;
    portNamesOf(map(subset).ports).forEach((name) => have.add(name));
  });
  if (compared) {
    const subsets = list(ep.subsets).length;
    reportAbsentPorts(r, svc, have, subsets > 1, subsets === 1 ? 'subsets[0].ports' : 'subsets', [...have]);
  }
}

function backendsOf(ing: any): Array<{ backend: any; field: string }> {
  const spec = map(ing.spec);
  const out: Array<{ backend: any; field: string }> = [];
  if (isMap(spec.defaultBackend)) {
    out.push({ backend: spec.defaultBackend, field: 'spec.defaultBackend' });
  }
  list(spec.rules).forEach((rule, i) => {
    list(map(map(rule).http).paths).forEach((p, j) => {
      if (isMap(map(p).backend)) {
        out.push({ backend: p.backend, field: `spec.rules[${i}].http.paths[${j}].backend` });
      }
    });
  });
  return out;
}

function checkIngressBackends(r: Reporter, ing: any, ns: string, index: Index): void {
  for (const { backend, field } of backendsOf(ing)) {
    const service = backend.service;
    if (!isMap(service) || typeof service.name !== 'string' || service.name === '') {
      continue;
    }
    const svc = index.service(ns, service.name);
    if (!svc) {
      r.report('XREF008', `${field}.service.name`, service.name, `names no Service ${where(ns)}`,
        'create the Service in the Ingress\'s namespace, or fix the name');
      continue;
    }
    const ports = list(map(svc.spec).ports).filter(isMap);
    if (ports.length === 0) {
      continue;
    }
    const port = map(service.port);
    if (typeof port.number === 'number' && port.number !== 0 && !ports.some((p) => p.port === port.number)) {
      r.report('XREF009', `${field}.service.port.number`, port.number, `is not a port of Service '${service.name}' (it has ${ports.map((p) => renderValue(p.port)).join(', ')})`,
        'use the Service port (not the container port)');
    } else if (typeof port.name === 'string' && port.name !== '' && !ports.some((p) => p.name === port.name)) {
      r.report('XREF009', `${field}.service.port.name`, port.name, `is not a port name of Service '${service.name}' (it has ${ports.map((p) => renderValue(p.name ?? '')).join(', ')})`,
        'use the name of a Service port');
    }
  }
}

/** Whether a TLS host and a rule host denote the same names (one may be a `*.` wildcard). */
function hostsMatch(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const wild = (w: string, h: string) => w.startsWith('*.') && h.includes('.') && h.slice(h.indexOf('.')) === w.slice(1);
  return wild(a, b) || wild(b, a);
}

function checkTlsHosts(r: Reporter, ing: any): void {
  const spec = map(ing.spec);
  const rules = list(spec.rules).filter(isMap);
  if (rules.length === 0 || rules.some((rule) => typeof rule.host !== 'string' || rule.host === '')) {
    return; // the default backend or a rule without host serves every host
  }
  const hosts = rules.map((rule) => rule.host as string);
  list(spec.tls).forEach((tls, i) => {
    list(map(tls).hosts).forEach((host, j) => {
      if (typeof host === 'string' && !hosts.some((h) => hostsMatch(host, h))) {
        r.report('XREF010', `spec.tls[${i}].hosts[${j}]`, host, `is served by no rule of this Ingress (rule hosts: ${hosts.map((h) => `'${h}'`).join(', ')})`,
          'add a rule for this host, or fix the spelling of one of them');
      }
    });
  });
}

function checkServedTwice(r: Reporter, ing: any, ns: string, served: Map<string, string>): void {
  const spec = map(ing.spec);
  const annotations = map(map(ing.metadata).annotations);
  const cls = str(spec.ingressClassName) ?? str(annotations[CLASS_ANNOTATION]) ?? '';
  list(spec.rules).forEach((rule, i) => {
    const host = str(map(rule).host) ?? '';
    list(map(map(rule).http).paths).forEach((p, j) => {
      const path = str(map(p).path) ?? '';
      const key = `${cls}\n${host}\n${path}`;
      const field = `spec.rules[${i}].http.paths[${j}].path`;
      const here = `Ingress '${ns ? `${ns}/` : ''}${nameOf(ing)}' ${field}`;
      const first = served.get(key);
      if (first !== undefined) {
        r.report('XREF011', field, path, `is already served for host '${host || '*'}' by ${first}${cls ? ` (class '${cls}')` : ''}: the controller picks one of them`,
          'serve each host and path from one Ingress only');
      } else {
        served.set(key, here);
      }
    });
  });
}

function checkStatefulSet(r: Reporter, sts: any, ns: string, index: Index): void {
  const serviceName = map(sts.spec).serviceName;
  if (typeof serviceName !== 'string' || serviceName === '') {
    return;
  }
  const svc = index.service(ns, serviceName);
  if (!svc) {
    r.report('XREF013', 'spec.serviceName', serviceName, `names no Service ${where(ns)}: the pods get no stable DNS names`,
      'create a headless Service (`clusterIP: None`) with this name');
  } else if (!isHeadless(svc)) {
    r.report('XREF012', 'spec.serviceName', serviceName, `names Service '${serviceName}', which is not headless: the pods get no per-pod DNS names`,
      'set `clusterIP: None` on that Service, or point `serviceName` at a headless Service');
  }
}

/** Where an object was looked for, for messages. */
function where(ns: string): string {
  return ns ? `in namespace '${ns}' among the manifests checked` : 'among the manifests checked without a namespace';
}

/** Node ports are unique in the cluster, cluster IPs too: the second Service asking for one is refused. */
function checkAllocations(r: Reporter, svc: any, ns: string, allocated: Map<string, string>): void {
  const spec = map(svc.spec);
  const me = `Service '${ns ? `${ns}/` : ''}${nameOf(svc)}'`;
  const claim = (key: string, field: string, value: unknown, what: string) => {
    const owner = allocated.get(key);
    if (owner !== undefined && owner !== me) {
      r.report('SVC021', field, value, `is already taken by ${owner}: the API server refuses to allocate the same ${what} twice`, `pick another ${what}, or leave it out to get one allocated`);
    } else {
      allocated.set(key, me);
    }
  };
  list(spec.ports).forEach((p, i) => {
    const np = map(p).nodePort;
    if (typeof np === 'number' && np !== 0 && serviceType(svc) !== 'ClusterIP' && serviceType(svc) !== 'ExternalName') {
      const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
      claim(`nodePort ${np}/${protocol}`, `spec.ports[${i}].nodePort`, np, 'node port');
    }
  });
  const ips = new Set<string>([spec.clusterIP, ...list(spec.clusterIPs)].filter((ip): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None'));
  for (const ip of ips) {
    claim(`clusterIP ${ip}`, spec.clusterIP === ip ? 'spec.clusterIP' : `spec.clusterIPs[${list(spec.clusterIPs).indexOf(ip)}]`, ip, 'cluster IP');
  }
}
