import { Reporter, isMap, list, map } from '../_engine';
import { Walk } from '../_rule';

/** The apiVersion of each workload kind whose pod template the probe rules read. */
const WORKLOAD_VERSIONS: Record<string, string> = {
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const ACTIONS = ['httpGet', 'tcpSocket', 'grpc'];

/** The walk over the probes of the containers of a workload: per container, per probe, per action. */
export const PROBE_WALK: Walk = { name: 'probes', order: 710, fields: [...PROBES, ...ACTIONS] };

/** Whether the object is a workload whose containers the probe rules check. */
export function isWorkload(kind: unknown, apiVersion: unknown): boolean {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(WORKLOAD_VERSIONS, kind) && WORKLOAD_VERSIONS[kind] === apiVersion;
}

/** A container, with the port names and numbers it declares. */
export interface DeclaringContainer {
  readonly container: Record<string, any>;
  readonly names: Set<string>;
  readonly numbers: Set<number>;
}

/**
 * Calls `each` for the port of every probe action of every container of the workload `r.m`
 * (a `v1` Pod, an `apps/v1` Deployment, ...), with the container and the field of the port.
 */
export function forEachProbePort(r: Reporter, each: (port: unknown, c: DeclaringContainer, field: string) => void): void {
  if (!isWorkload(r.m.kind, r.m.apiVersion)) {
    return;
  }
  const spec = map(r.m.spec);
  let template: unknown;
  let at: string;
  switch (r.m.kind) {
    case 'Pod':
      template = r.m.obj;
      at = '';
      break;
    case 'CronJob':
      template = map(map(spec.jobTemplate).spec).template;
      at = 'spec.jobTemplate.spec.template.';
      break;
    default:
      template = spec.template;
      at = 'spec.template.';
  }
  list(map(map(template).spec).containers).forEach((c, i) => {
    if (!isMap(c)) {
      return;
    }
    let declaring: DeclaringContainer | undefined;
    for (const probe of PROBES) {
      const handler = c[probe];
      if (!isMap(handler)) {
        continue;
      }
      for (const action of ACTIONS) {
        const port = map(handler[action]).port;
        if (port === undefined) {
          continue;
        }
        declaring ??= declaringOf(c);
        each(port, declaring, `${at}spec.containers[${i}].${probe}.${action}.port`);
      }
    }
  });
}

function declaringOf(c: Record<string, any>): DeclaringContainer {
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const p of list(c.ports)) {
    if (isMap(p)) {
      if (typeof p.name === 'string') names.add(p.name);
      if (typeof p.containerPort === 'number') numbers.add(p.containerPort);
    }
  }
  return { container: c, names, numbers };
}
