import { INGRESS_WALK, forEachPath } from './_ingress';
import { PATH_TYPES } from './ing005';
import { Severity } from '../../finding';
import { oneOf } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

/** Characters of a regular expression that a URL path does not use as text. */
const REGEX_CHARS = /[\^$*+?()[\]{}|\\]/;

export const ING004: Rule = {
  id: 'ING004',
  summary: 'pathType is missing or not Exact, Prefix or ImplementationSpecific',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#path-types`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    forEachPath(r, (p, i, j) => {
      const pathType = p.pathType;
      if (pathType === undefined || pathType === null) {
        const path = typeof p.path === 'string' ? p.path : '';
        // a path with regular-expression characters is read as a pattern by the controllers that
        // read patterns, whatever the type; Prefix and Exact would compare it as text
        const fix = REGEX_CHARS.test(path)
          ? `use 'ImplementationSpecific' for the pattern '${path}' (Prefix and Exact compare the path as text)`
          : `use 'Prefix' to match '${path || '/'}' and everything below it, or 'Exact'`;
        r.report('ING004', `spec.rules[${i}].http.paths[${j}].pathType`, undefined, 'is required in networking.k8s.io/v1', fix);
      } else if (!PATH_TYPES.includes(pathType)) {
        r.report('ING004', `spec.rules[${i}].http.paths[${j}].pathType`, pathType, `must be one of ${oneOf(PATH_TYPES)}`);
      }
    });
  },
};
