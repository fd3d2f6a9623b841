import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API006: Rule = {
  id: 'API006',
  summary: 'the kind is not served by its API group (a misspelt kind, such as \'Servce\')',
  kinds: ['*'],
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/using-api/#api-groups`,
  server: true,
  one: true,
};
