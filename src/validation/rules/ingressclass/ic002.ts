import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { absent, isMap, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';
import { checkReference } from '../ingress/_ingress';

export const IC002: Rule = {
  id: 'IC002',
  summary: 'IngressClass parameters need kind and name, a scope of Cluster or Namespace, and a namespace exactly when namespaced',
  kinds: ['IngressClass'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#ingressclass-scope`,
  server: true,
  order: 620,
  check(r) {
    const p = map(r.m.spec).parameters;
    if (!isMap(p)) {
      return;
    }
    const at = 'spec.parameters';
    checkReference(r, 'IC002', p, at);
    if (typeof p.apiGroup === 'string' && p.apiGroup !== '') {
      KubeName.dns1123SubdomainErrors(p.apiGroup).forEach((e) => r.report('IC002', `${at}.apiGroup`, p.apiGroup, e));
    }
    const scope = absent(p.scope) ? 'Cluster' : p.scope;
    if (scope === 'Namespace') {
      if (absent(p.namespace)) {
        r.report('IC002', `${at}.namespace`, undefined, 'is required when `scope` is \'Namespace\'', 'give the namespace of the parameters object');
      } else if (typeof p.namespace === 'string') {
        KubeName.dns1123LabelErrors(p.namespace).forEach((e) => r.report('IC002', `${at}.namespace`, p.namespace, e));
      }
    } else if (scope === 'Cluster') {
      if (!absent(p.namespace)) {
        r.report('IC002', `${at}.namespace`, p.namespace, 'must not be set when `scope` is \'Cluster\'', 'remove `namespace`, or set `scope: Namespace`');
      }
    } else {
      r.report('IC002', `${at}.scope`, scope, 'must be \'Cluster\' or \'Namespace\'');
    }
  },
};
