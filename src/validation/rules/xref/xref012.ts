import { Severity } from '../../finding';
import { SERVICES } from '../_cross';
import { map, namespaceOf } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';
import { isHeadless } from '../service/_service';

export const XREF012: Rule = {
  id: 'XREF012',
  summary: 'a StatefulSet serviceName names a Service that is not headless: per-pod DNS names are not guaranteed',
  kinds: ['StatefulSet'],
  // A warning: the API server accepts it and clients of the Service name reach the pods. Only
  // the per-pod names (`<pod>.<service>`) are at stake, and the cluster DNS decides: the DNS
  // specification promises them for headless Services only, kube-dns serves them only then,
  // CoreDNS serves them for a ClusterIP Service too.
  severity: Severity.WARNING,
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
      r.report('XREF012', 'spec.serviceName', serviceName, `names Service '${serviceName}', which is not headless: per-pod DNS names (\`${String(r.m.name ?? '<name>')}-0.${serviceName}\`) are promised only for a headless Service (kube-dns serves none here; CoreDNS does)`,
        'set `clusterIP: None` on that Service, or point `serviceName` at a headless Service');
    }
  },
};
