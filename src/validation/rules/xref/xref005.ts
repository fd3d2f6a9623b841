import { Severity } from '../../finding';
import { SERVICE_NAME_LABEL } from '../_cross';
import { isMap } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF005: Rule = {
  id: 'XREF005',
  summary: 'an EndpointSlice has no `kubernetes.io/service-name` label, so no Service uses it',
  kinds: ['EndpointSlice'],
  severity: Severity.WARNING,
  docsUrl: `${SVC_DOCS}#custom-endpointslices`,
  one: true,
  // Reads the slice alone, but reports with the cross-object rules of a slice.
  crossObject: true,
  order: 1040,
  check(r) {
    const serviceName = isMap(r.m.labels) ? r.m.labels[SERVICE_NAME_LABEL] : undefined;
    if (typeof serviceName !== 'string' || serviceName === '') {
      r.report('XREF005', 'metadata.labels', undefined, `has no '${SERVICE_NAME_LABEL}' label, so no Service uses this EndpointSlice`,
        `add the label '${SERVICE_NAME_LABEL}: <service name>'`);
    }
  },
};
