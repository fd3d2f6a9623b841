import { inNamespace } from './_xref';
import { Severity } from '../../finding';
import { SERVICES, SERVICE_NAME_LABEL } from '../_cross';
import { isMap, namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF004: Rule = {
  id: 'XREF004',
  summary: 'an EndpointSlice names (`kubernetes.io/service-name`) a Service that is not among the manifests in its namespace',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#custom-endpointslices`,
  missing: true,
  one: true,
  order: 1040,
  uses: [SERVICES],
  check(r, set) {
    const serviceName = isMap(r.m.labels) ? r.m.labels[SERVICE_NAME_LABEL] : undefined;
    if (typeof serviceName !== 'string' || serviceName === '') {
      return; // XREF005
    }
    const ns = namespaceOf(r.m, r.settings.namespace);
    if (!set.part(SERVICES).get(ns, serviceName) && !r.isExternal('Service', ns, serviceName)) {
      r.reportMissing('XREF004', `metadata.labels[${SERVICE_NAME_LABEL}]`, serviceName, `names Service '${serviceName}', which is not ${inNamespace(ns)}`,
        'no Service uses this EndpointSlice', 'create the Service (without selector), or fix the label', serviceName);
    }
  },
};
