import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API005: Rule = {
  id: 'API005',
  summary: 'the object is not a map with `apiVersion`, `kind` and `metadata`',
  kinds: ['*'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/#required-fields`,
  server: true,
  one: true,
};
