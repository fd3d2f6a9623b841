import { PROBE_WALK, forEachProbePort } from './_workloads';
import { Severity } from '../../finding';
import { PROBES_DOCS, WORKLOADS } from '../_links';
import { Rule } from '../_rule';

export const POD002: Rule = {
  id: 'POD002',
  summary: 'a probe uses a port number that its container, which declares ports, does not declare',
  kinds: WORKLOADS,
  severity: Severity.WARNING,
  docsUrl: PROBES_DOCS,
  walk: PROBE_WALK,
  check(r) {
    forEachProbePort(r, (port, { container, numbers }, field) => {
      if (typeof port === 'number' && numbers.size > 0 && !numbers.has(port)) {
        r.report('POD002', field, port, `is not a port that container '${container.name}' declares (${[...numbers].join(', ')}): unless the container listens on it without declaring it (its command or configuration may name it), the probe fails`,
          'probe the port the container listens on, and declare it in `ports`');
      }
    });
  },
};
