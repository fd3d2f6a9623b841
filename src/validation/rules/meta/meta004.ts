import { Severity } from '../../finding';
import { hasOwn, isMap, keyErrors } from '../_engine';
import { D, FIVE } from '../_links';
import { Rule } from '../_rule';

/** The largest total size of an object's annotations (keys and values), in bytes. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

export const META004: Rule = {
  id: 'META004',
  summary: 'an annotation key has invalid syntax, or the annotations exceed 256 KiB',
  kinds: FIVE,
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/annotations/#syntax-and-character-set`,
  server: true,
  order: 150,
  check(r) {
    const annotations = r.m.annotations;
    if (!isMap(annotations)) {
      return;
    }
    // A UTF-16 code unit is at most 3 bytes of UTF-8: only count the bytes exactly when the
    // annotations may be over the limit.
    let units = 0;
    for (const key in annotations) {
      if (!hasOwn(annotations, key)) {
        continue; // the keys of `Object.keys`
      }
      // Annotation keys are checked in lower case by the API server.
      for (const e of keyErrors(key.toLowerCase())) {
        r.report('META004', 'metadata.annotations', key, `key ${e}`);
      }
      const value = annotations[key];
      units += key.length + (typeof value === 'string' ? value.length : 0);
    }
    let size = 0;
    if (units * 3 > ANNOTATIONS_MAX_BYTES) {
      for (const key of Object.keys(annotations)) {
        const value = annotations[key];
        size += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
      }
    }
    if (size > ANNOTATIONS_MAX_BYTES) {
      r.report('META004', 'metadata.annotations', `${size} bytes`, `must have at most ${ANNOTATIONS_MAX_BYTES} bytes in all (keys and values)`, 'move large data to a ConfigMap');
    }
  },
};
