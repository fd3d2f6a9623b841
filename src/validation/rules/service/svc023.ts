import { Severity } from '../../finding';
import { map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';

export const SVC023: Rule = {
  id: 'SVC023',
  summary: 'the annotations `service.kubernetes.io/topology-mode` and `service.kubernetes.io/topology-aware-hints` disagree',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/services-networking/topology-aware-routing/`,
  server: true,
  one: true,
  order: 350,
  check(r) {
    const annotations = map(r.m.annotations);
    const mode = annotations[TOPOLOGY_MODE];
    const hints = annotations[TOPOLOGY_HINTS];
    if (typeof mode === 'string' && typeof hints === 'string' && mode !== hints) {
      r.report('SVC023', `metadata.annotations[${TOPOLOGY_MODE}]`, mode, `must equal the annotation '${TOPOLOGY_HINTS}' ('${hints}') when both are set`,
        `keep only '${TOPOLOGY_MODE}' (the other is deprecated)`);
    }
  },
};
