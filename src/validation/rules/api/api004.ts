import { Severity } from '../../finding';
import { API_KINDS, D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API004: Rule = {
  id: 'API004',
  summary: 'a field has the wrong type (a string where a number is expected, ...)',
  kinds: API_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/using-api/api-concepts/#field-validation`,
  server: true,
};
