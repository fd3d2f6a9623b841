import { NP_DOCS, checkSelector, forEachSelector } from './_np';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { Rule } from '../_rule';

export const NP001: Rule = {
  id: 'NP001',
  summary: 'a label selector of a NetworkPolicy has an invalid key, value or operator',
  kinds: ['NetworkPolicy'],
  severity: Severity.ERROR,
  docsUrl: `${NP_DOCS}#networkpolicy-resource`,
  server: true,
  order: 100,
  check(r) {
    forEachSelector(map(r.m.spec), (selector, field) => checkSelector(r, 'NP001', selector, field));
  },
};
