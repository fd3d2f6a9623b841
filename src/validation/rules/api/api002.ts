import { Severity } from '../../finding';
import { API_KINDS, D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API002: Rule = {
  id: 'API002',
  summary: 'the kind is not served under this apiVersion',
  kinds: API_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/using-api/#api-groups`,
  server: true,
};
