import { Reporter, isMap, list, map } from './_engine';

/** The apiVersion of each workload kind whose pod template the probe rules read. */
const WORKLOADS: Record<string, string> = {
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

/** Whether the object is a workload whose containers the probe rules check. */
export function isWorkload(kind: unknown, apiVersion: unknown): boolean {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(WORKLOADS, kind) && WORKLOADS[kind] === apiVersion;
}

/**
 * POD001 and POD002: a probe whose port its container does not declare. A probe by port name
 * needs a container port of that name (the kubelet finds none and the probe fails); a probe by
 * number on a container that declares other ports is probably a mistake, but containers may
 * listen on ports they do not declare.
 */
export function checkProbes(r: Reporter): void {
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
  const podSpec = map(map(template).spec);
  list(podSpec.containers).forEach((c, i) => {
    if (!isMap(c)) {
      return;
    }
    const names = new Set<string>();
    const numbers = new Set<number>();
    for (const p of list(c.ports)) {
      if (isMap(p)) {
        if (typeof p.name === 'string') names.add(p.name);
        if (typeof p.containerPort === 'number') numbers.add(p.containerPort);
      }
    }
    for (const probe of PROBES) {
      const handler = map(c[probe]);
      for (const action of ['httpGet', 'tcpSocket', 'grpc'] as const) {
        const port = map(handler[action]).port;
        const field = `${at}spec.containers[${i}].${probe}.${action}.port`;
        if (typeof port === 'string' && port !== '' && !/^[0-9]+$/.test(port) && !names.has(port)) {
          r.report('POD001', field, port, `names a port that container '${c.name}' does not declare${names.size > 0 ? ` (it declares ${[...names].map((n) => `'${n}'`).join(', ')})` : ''}: the probe always fails`,
            `declare a container port named '${port}', or give the port number`);
        } else if (typeof port === 'number' && numbers.size > 0 && !numbers.has(port)) {
          r.report('POD002', field, port, `is not a port that container '${c.name}' declares (${[...numbers].join(', ')})`,
            'probe the port the container listens on');
        }
      }
    }
  });
}
