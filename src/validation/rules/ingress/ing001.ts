import { INGRESS_WALK } from './_ingress';
import { Severity } from '../../finding';
import { absent, list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const ING001: Rule = {
  id: 'ING001',
  summary: 'an Ingress needs `spec.defaultBackend` or `spec.rules`',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#the-ingress-resource`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    const spec = map(r.m.spec);
    if (absent(spec.defaultBackend) && list(spec.rules).length === 0) {
      r.report('ING001', 'spec', undefined, 'must have `defaultBackend` or at least one rule in `rules`', 'add a rule with a host and paths, or a default backend');
    }
  },
};
