import { NP_REFERENCE } from './_np';
import { Severity } from '../../finding';
import { list, map } from '../_engine';
import { Rule } from '../_rule';

export const NP004: Rule = {
  id: 'NP004',
  summary: 'NetworkPolicy `policyTypes` lists something other than Ingress and Egress, or more than two',
  kinds: ['NetworkPolicy'],
  severity: Severity.ERROR,
  docsUrl: `${NP_REFERENCE}#NetworkPolicySpec`,
  server: true,
  order: 130,
  check(r) {
    const types = map(r.m.spec).policyTypes;
    const given = list(types);
    if (given.length > 2) {
      r.report('NP004', 'spec.policyTypes', types, 'may not specify more than two policyTypes', 'list \'Ingress\', \'Egress\' or both, once each');
    }
    given.forEach((t, i) => {
      if (t !== 'Ingress' && t !== 'Egress') {
        r.report('NP004', `spec.policyTypes[${i}]`, t, 'must be \'Ingress\' or \'Egress\'');
      }
    });
  },
};
