import { Severity } from '../../finding';
import { API_KINDS, D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API003: Rule = {
  id: 'API003',
  summary: 'unknown field (rejected by strict field validation, the kubectl default)',
  kinds: API_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/using-api/api-concepts/#field-validation`,
  server: true,
};
