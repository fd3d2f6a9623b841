import { Severity } from '../../finding';
import { D, BACKEND_KINDS } from '../_links';
import { Rule } from '../_rule';

/**
 * Reported by the shared address reader (net/_ip.ts) where a rule reads an address: SVC009,
 * SVC012, EP002, EPS003, EPS004 (see their `carries`).
 */
export const NET001: Rule = {
  id: 'NET001',
  summary: 'an IPv4 address has leading zeros: the API server reads them as decimal, other tools as octal',
  kinds: BACKEND_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/networking/virtual-ips/`,
};
