import { Severity } from '../../finding';
import { BACKEND_KINDS, EPS_DOCS } from '../_links';
import { Rule } from '../_rule';

/**
 * Reported by the shared address reader (net/_ip.ts) where a rule reads an address: SVC009,
 * SVC012, EP002, EPS003, EPS004 (see their `carries`).
 */
export const NET002: Rule = {
  id: 'NET002',
  summary: 'an endpoint or external IP is multicast, broadcast or in 0.0.0.0/8: the API server accepts it, but it cannot be one backend',
  kinds: BACKEND_KINDS,
  severity: Severity.ERROR,
  docsUrl: EPS_DOCS,
};
