import { Severity } from '../../finding';
import { API_KINDS, D } from '../_links';
import { Rule } from '../_rule';

/** Reported by the API checks of the engine (`checkApi`), which run before the rules of a kind. */
export const API007: Rule = {
  id: 'API007',
  summary: 'a field is not generally available in the Kubernetes version checked (alpha or beta): the API server drops it where its feature gate is off',
  kinds: API_KINDS,
  severity: Severity.WARNING,
  docsUrl: `${D}/reference/command-line-tools-reference/feature-gates/`,
};
