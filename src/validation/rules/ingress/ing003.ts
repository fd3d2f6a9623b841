import { INGRESS_WALK } from './_ingress';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const ING003: Rule = {
  id: 'ING003',
  summary: 'an HTTP rule has no paths',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#ingress-rules`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    list(map(r.m.spec).rules).forEach((rule, i) => {
      const http = isMap(rule) ? rule.http : undefined;
      if (isMap(http) && list(http.paths).length === 0) {
        r.report('ING003', `spec.rules[${i}].http.paths`, http.paths, 'must have at least one path', 'add a path such as { path: \'/\', pathType: \'Prefix\', backend: ... }');
      }
    });
  },
};
