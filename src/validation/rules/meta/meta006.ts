import { FINALIZER_WALK } from './_meta';
import { Severity } from '../../finding';
import { isMap, keyErrors, list, map } from '../_engine';
import { D, FIVE } from '../_links';
import { Rule } from '../_rule';

const OWNER_FIELDS = ['apiVersion', 'kind', 'name', 'uid'];

export const META006: Rule = {
  id: 'META006',
  summary: 'a finalizer is not a qualified name, or an owner reference lacks apiVersion, kind, name or uid',
  kinds: FIVE,
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/owners-dependents/`,
  server: true,
  walk: FINALIZER_WALK,
  check(r) {
    const metadata = map(r.m.metadata);
    list(metadata.finalizers).forEach((finalizer, i) => {
      if (typeof finalizer === 'string') {
        for (const e of keyErrors(finalizer)) {
          r.report('META006', `metadata.finalizers[${i}]`, finalizer, e, 'use a domain-prefixed name such as \'example.com/cleanup\'');
        }
      }
    });
    let controllers = 0;
    list(metadata.ownerReferences).forEach((ref, i) => {
      if (!isMap(ref)) {
        return;
      }
      for (const field of OWNER_FIELDS) {
        if (typeof ref[field] !== 'string' || ref[field] === '') {
          r.report('META006', `metadata.ownerReferences[${i}].${field}`, ref[field], 'must not be empty', field === 'uid' ? 'give the uid of the owner object as the cluster knows it, or leave the owner reference to the controller that creates this object' : `give the owner's ${field}`);
        }
      }
      if (ref.controller === true) {
        controllers++;
        if (controllers === 2) {
          r.report('META006', `metadata.ownerReferences[${i}].controller`, true, 'must be true for one owner reference at most', 'keep one controller');
        }
      }
    });
  },
};
