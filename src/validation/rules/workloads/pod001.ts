import { PROBE_WALK, forEachProbePort } from './_workloads';
import { Severity } from '../../finding';
import { PROBES_DOCS, WORKLOADS } from '../_links';
import { Rule } from '../_rule';

export const POD001: Rule = {
  id: 'POD001',
  summary: 'a probe names a port that its container does not declare: the probe always fails',
  kinds: WORKLOADS,
  severity: Severity.ERROR,
  docsUrl: PROBES_DOCS,
  walk: PROBE_WALK,
  check(r) {
    forEachProbePort(r, (port, { container, names }, field) => {
      if (typeof port === 'string' && port !== '' && !/^[0-9]+$/.test(port) && !names.has(port)) {
        r.report('POD001', field, port, `names a port that container '${container.name}' does not declare${names.size > 0 ? ` (it declares ${[...names].map((n) => `'${n}'`).join(', ')})` : ''}: the probe always fails`,
          `declare a container port named '${port}', or give the port number`);
      }
    });
  },
};
