import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { hasOwn, isMap, keyErrors } from '../_engine';
import { D, FIVE } from '../_links';
import { Rule } from '../_rule';

export const META003: Rule = {
  id: 'META003',
  summary: 'a label key or value has invalid syntax',
  kinds: FIVE,
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/labels/#syntax-and-character-set`,
  server: true,
  order: 130,
  check(r) {
    const labels = r.m.labels;
    if (!isMap(labels)) {
      return;
    }
    for (const key in labels) {
      if (!hasOwn(labels, key)) {
        continue; // the keys of `Object.keys`
      }
      const value = labels[key];
      for (const e of keyErrors(key)) {
        r.report('META003', 'metadata.labels', key, `key ${e}`);
      }
      if (typeof value === 'string') {
        for (const e of KubeName.labelValueErrors(value)) {
          r.report('META003', `metadata.labels[${key}]`, value, e);
        }
      }
    }
  },
};
