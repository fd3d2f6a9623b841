import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

export const EP005: Rule = {
  id: 'EP005',
  summary: 'v1 Endpoints are deprecated from Kubernetes 1.33: use `discovery.k8s.io/v1` EndpointSlices',
  kinds: ['Endpoints'],
  severity: Severity.WARNING,
  docsUrl: `${D}/reference/using-api/deprecation-guide/`,
  one: true,
  order: 240,
  check(r) {
    if (r.settings.minor >= 33) {
      r.report('EP005', 'apiVersion', r.m.apiVersion, 'is deprecated for Endpoints from Kubernetes 1.33 (the API server answers with a warning): EndpointSlices replace them',
        'write a `discovery.k8s.io/v1` EndpointSlice with the label \'kubernetes.io/service-name\' instead');
    }
  },
};
