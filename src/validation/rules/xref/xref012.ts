import { Severity } from '../../finding';
import { SERVICES } from '../_cross';
import { map, namespaceOf } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';
import { isHeadless } from '../service/_service';

export const XREF012: Rule = {
  id: 'XREF012',
  summary: 'a StatefulSet serviceName names a Service that is not headless',
  kinds: ['StatefulSet'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/workloads/controllers/statefulset/#stable-network-id`,
  one: true,
  order: 1000,
  uses: [SERVICES],
  check(r, set) {
    const serviceName = map(r.m.spec).serviceName;
    if (typeof serviceName !== 'string' || serviceName === '') {
      return;
    }
    const svc = set.part(SERVICES).get(namespaceOf(r.m, r.settings.namespace), serviceName);
    if (svc && !isHeadless(svc)) {
      r.report('XREF012', 'spec.serviceName', serviceName, `names Service '${serviceName}', which is not headless: the pods get no per-pod DNS names`,
        'set `clusterIP: None` on that Service, or point `serviceName` at a headless Service');
    }
  },
};
