import { inNamespace } from './_xref';
import { Severity } from '../../finding';
import { SERVICES } from '../_cross';
import { map, namespaceOf } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

export const XREF013: Rule = {
  id: 'XREF013',
  summary: 'a StatefulSet serviceName names a Service that is not among the manifests in its namespace',
  kinds: ['StatefulSet'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/workloads/controllers/statefulset/#stable-network-id`,
  missing: true,
  one: true,
  order: 1000,
  uses: [SERVICES],
  check(r, set) {
    const serviceName = map(r.m.spec).serviceName;
    if (typeof serviceName !== 'string' || serviceName === '') {
      return;
    }
    const ns = namespaceOf(r.m, r.settings.namespace);
    if (!set.part(SERVICES).get(ns, serviceName) && !r.isExternal('Service', ns, serviceName)) {
      r.reportMissing('XREF013', 'spec.serviceName', serviceName, `names Service '${serviceName}', which is not ${inNamespace(ns)}`,
        'the pods get no stable DNS names', 'create a headless Service (`clusterIP: None`) with this name', serviceName);
    }
  },
};
