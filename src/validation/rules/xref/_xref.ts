import { POD_TEMPLATES, PodTemplate, ownerOf, portNameOf } from '../_cross';
import { Manifest, Reporter, isMap, list, map, nameOf, namespaceOf } from '../_engine';
import { ManifestSet, Walk } from '../_rule';
import { ALB_ACTION_PORT } from '../ingress/_ingress';
import { serviceType } from '../service/_service';

/** The selector of a Service that selects pods (a map with a key), or undefined. */
export function podSelectorOf(svc: Manifest): Record<string, any> | undefined {
  const selector = map(svc.spec).selector;
  if (!isMap(selector)) {
    return undefined;
  }
  for (const key in selector) {
    if (Object.prototype.hasOwnProperty.call(selector, key)) {
      return selector;
    }
  }
  return undefined;
}

/** Where an object was looked for, for messages. */
export function inNamespace(ns: string): string {
  return `in namespace '${ns}'`;
}

/** The walk over the ports of a Service that selects pods: per port, its targetPort (XREF002, XREF003, XREF015). */
export const TARGET_PORT_WALK: Walk = { name: 'target ports', order: 1020, fields: [] };

/** The walk over the backends of an Ingress: the default backend, then per rule and path (XREF008, XREF009). */
export const BACKEND_WALK: Walk = { name: 'Ingress backends', order: 1060, fields: ['defaultBackend', 'rules'] };

/** The ports of a Service with their target (the port when no targetPort is given), for each map port. */
export function forEachTarget(svc: Manifest, each: (target: unknown, p: Record<string, any>, i: number) => void): void {
  const ports = list(map(svc.spec).ports);
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (isMap(p)) {
      each(p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort, p, i);
    }
  }
}

/** The declared port numbers of templates, for messages: `8080, 9090`. */
export function describePorts(templates: readonly PodTemplate[]): string {
  const numbers = new Set<number>();
  for (const t of templates) {
    t.portNumbers.forEach((n) => numbers.add(n));
  }
  return [...numbers].sort((x, y) => x - y).join(', ');
}

export function portNamesOf(ports: unknown): string[] {
  return list(ports).map(portNameOf);
}

/**
 * Reports the port names of one slice or subset that are not names of the Service's ports,
 * `wanted` (not empty).
 */
export function compareNames(r: Reporter, svc: Manifest, wanted: readonly string[], ports: unknown, field: string): void {
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
export function reportAbsentPorts(r: Reporter, svc: Manifest, wanted: readonly string[], have: Set<string>, several: boolean,
  field: string, value: () => unknown): void {
  const absentNames = wanted.filter((w) => !have.has(w));
  if (absentNames.length > 0) {
    r.report('XREF006', field, value(), `has no port for the port${absentNames.length === 1 ? '' : 's'} ${absentNames.map((w) => `'${w}'`).join(', ')} of Service '${nameOf(svc)}'${several ? ', nor does any other of its slices or subsets' : ''}: traffic to ${absentNames.length === 1 ? 'it' : 'them'} goes nowhere`,
      'add a port with the same name as each Service port');
  }
}


/** A backend of an Ingress that names a Service: the default backend when `rule` is -1. */
export interface ServiceBackend {
  readonly name: string;
  readonly service: Record<string, any>;
  readonly rule: number;
  readonly path: number;
}

/** The field of a backend (only written out for a finding). */
export function backendField(b: ServiceBackend): string {
  return b.rule < 0 ? 'spec.defaultBackend' : `spec.rules[${b.rule}].http.paths[${b.path}].backend`;
}

/**
 * The backends of the Ingress `ing` that name a Service (not an action of the AWS Load
 * Balancer Controller), in order: the default backend, then by rule and path.
 */
export function serviceBackendsOf(ing: Manifest): ServiceBackend[] {
  const spec = map(ing.spec);
  const backends: ServiceBackend[] = [];
  addBackend(backends, spec.defaultBackend, -1, -1);
  const rules = list(spec.rules);
  for (let i = 0; i < rules.length; i++) {
    const paths = list(map(map(rules[i]).http).paths);
    for (let j = 0; j < paths.length; j++) {
      addBackend(backends, map(paths[j]).backend, i, j);
    }
  }
  return backends;
}

function addBackend(backends: ServiceBackend[], backend: unknown, rule: number, path: number): void {
  if (!isMap(backend)) {
    return;
  }
  const service = backend.service;
  const name = isMap(service) ? service.name : undefined;
  if (typeof name !== 'string' || name === '') {
    return;
  }
  if (map(service.port).name === ALB_ACTION_PORT) {
    return; // an action of the AWS Load Balancer Controller, not a Service (ING010 if its annotation is missing)
  }
  backends.push({ name, service, rule, path });
}

/**
 * Calls `each` for every target port of the Service at `r`, with the pod templates it selects:
 * not for an ExternalName Service, a Service without selector, or one that selects no template
 * (XREF014 and XREF001 report those).
 */
export function forEachSelectedTarget(r: Reporter, set: ManifestSet,
  each: (target: unknown, p: Record<string, any>, i: number, selected: readonly PodTemplate[]) => void): void {
  const selector = podSelectorOf(r.m);
  if (selector === undefined || serviceType(r.m) === 'ExternalName') {
    return;
  }
  const selected = set.part(POD_TEMPLATES).selectedBy(r.m, namespaceOf(r.m, r.settings.namespace), selector);
  if (selected.length === 0) {
    return;
  }
  forEachTarget(r.m, (target, p, i) => each(target, p, i, selected));
}

/**
 * For a numeric target port: the selected templates that declare ports and not this one, the
 * text that says so, and whether each of them (and every selected template declares its ports)
 * declares the number as a `hostPort` forwarded to another container port (XREF003). Undefined
 * when no template that declares ports lacks it. The list of container ports is informational:
 * a container may listen on a port it does not declare (the Container `ports` field of the core
 * v1 API says so), so a port merely absent from it is only a warning (XREF015); a number the
 * pod itself forwards from the node to another container port is the node's, not the container's.
 */
export function undeclaredNumber(target: number, selected: readonly PodTemplate[]):
{ readonly hostPort: boolean; readonly declared: string } | undefined {
  const declaring = selected.filter((t) => t.portNumbers.size > 0);
  const missing = declaring.filter((t) => !t.portNumbers.has(target));
  if (missing.length === 0) {
    return undefined;
  }
  const declared = `${missing.map(ownerOf).join(', ')} declare${missing.length === 1 ? 's' : ''} ${missing.length === 1 ? 'its ports' : 'their ports'} (${describePorts(missing)})`;
  const hostPort = declaring.length === selected.length && missing.length === declaring.length && missing.every((t) => t.hostPorts.has(target));
  return { hostPort, declared };
}
