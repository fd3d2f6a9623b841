import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API001: Rule = {
  id: 'API001',
  summary: 'the apiVersion was removed from Kubernetes before 1.28',
  kinds: ['*'],
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/using-api/deprecation-guide/`,
  server: true,
};
