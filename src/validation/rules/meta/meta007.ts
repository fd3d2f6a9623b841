import { FINALIZER_WALK, STANDARD_FINALIZERS } from './_meta';
import { Severity } from '../../finding';
import { keyErrors, list, map } from '../_engine';
import { D, FIVE } from '../_links';
import { Rule } from '../_rule';

export const META007: Rule = {
  id: 'META007',
  summary: 'a finalizer has no domain prefix, so it may collide with another controller\'s finalizer',
  kinds: FIVE,
  severity: Severity.WARNING,
  docsUrl: `${D}/concepts/overview/working-with-objects/finalizers/`,
  walk: FINALIZER_WALK,
  check(r) {
    list(map(r.m.metadata).finalizers).forEach((finalizer, i) => {
      // (a finalizer that is not a qualified name is META006's)
      if (typeof finalizer === 'string' && !finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer) && keyErrors(finalizer).length === 0) {
        r.report('META007', `metadata.finalizers[${i}]`, finalizer, 'has no domain prefix: another controller may use the same name', `write it as '<your domain>/${finalizer}'`);
      }
    });
  },
};
