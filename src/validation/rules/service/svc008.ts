import { TYPES, serviceType } from './_service';
import { Severity } from '../../finding';
import { map, oneOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC008: Rule = {
  id: 'SVC008',
  summary: 'the Service type is not ClusterIP, NodePort, LoadBalancer or ExternalName',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#publishing-services-service-types`,
  server: true,
  order: 210,
  check(r) {
    if (!TYPES.includes(serviceType(r.m))) {
      r.report('SVC008', 'spec.type', map(r.m.spec).type, `must be one of ${oneOf(TYPES)}`);
    }
  },
};
