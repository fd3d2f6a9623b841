import { INGRESS_WALK, hostErrors } from './_ingress';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const ING002: Rule = {
  id: 'ING002',
  summary: 'a rule host is not a DNS name (or a wildcard `*.name`), or is an IP address',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#hostname-wildcards`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    list(map(r.m.spec).rules).forEach((rule, i) => {
      const host = isMap(rule) ? rule.host : undefined;
      if (typeof host === 'string' && host !== '') {
        hostErrors(host).forEach((e) => r.report('ING002', `spec.rules[${i}].host`, host, e));
      }
    });
  },
};
