import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SEC003: Rule = {
  id: 'SEC003',
  summary: 'an Ingress serves a wildcard host',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#hostname-wildcards`,
  profile: 'security',
  order: 850,
  check(r) {
    list(map(r.m.spec).rules).forEach((rule, i) => {
      if (isMap(rule) && typeof rule.host === 'string' && rule.host.startsWith('*')) {
        r.report('SEC003', `spec.rules[${i}].host`, rule.host, 'serves every host name under the domain: a name nobody meant to publish reaches this backend', 'list the host names');
      }
    });
  },
};
