import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { isMap, keyErrors, map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

export const SVC018: Rule = {
  id: 'SVC018',
  summary: 'a selector key or value has invalid label syntax',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/labels/#syntax-and-character-set`,
  server: true,
  order: 380,
  check(r) {
    const selector = map(r.m.spec).selector;
    if (!isMap(selector)) {
      return;
    }
    for (const [key, value] of Object.entries(selector)) {
      for (const e of keyErrors(key)) {
        r.report('SVC018', 'spec.selector', key, `key ${e}`);
      }
      if (typeof value === 'string') {
        for (const e of KubeName.labelValueErrors(value)) {
          r.report('SVC018', `spec.selector[${key}]`, value, e);
        }
      }
    }
  },
};
