import { INGRESS_WALK, forEachPath } from './_ingress';
import { Severity } from '../../finding';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

/** The path types of an Ingress path. */
export const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

export const ING005: Rule = {
  id: 'ING005',
  summary: 'a path is not absolute, or an Exact/Prefix path has invalid sequences',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#path-types`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    forEachPath(r, (p, i, j) => {
      const pathType = p.pathType;
      if (typeof pathType !== 'string' || !PATH_TYPES.includes(pathType)) {
        return; // ING004 reports it
      }
      const field = `spec.rules[${i}].http.paths[${j}].path`;
      const path = typeof p.path === 'string' ? p.path : '';
      if (pathType === 'ImplementationSpecific') {
        if (path !== '' && !path.startsWith('/')) {
          r.report('ING005', field, path, 'must be an absolute path (start with \'/\')', `did you mean '/${path}'?`);
        }
        return;
      }
      if (!path.startsWith('/')) {
        r.report('ING005', field, p.path, 'must be an absolute path (start with \'/\')', path ? `did you mean '/${path}'?` : 'use \'/\' to match everything');
      }
      for (const seq of INVALID_SEQUENCES) {
        if (path.includes(seq)) {
          r.report('ING005', field, path, `must not contain '${seq}' when \`pathType\` is '${pathType}'`);
        }
      }
      for (const suffix of INVALID_SUFFIXES) {
        if (path.endsWith(suffix)) {
          r.report('ING005', field, path, `must not end with '${suffix}' when \`pathType\` is '${pathType}'`);
        }
      }
    });
  },
};
