import { Severity } from '../../finding';
import { map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';
import { isSnippetAnnotation } from '../ingress/_ingress';

export const SEC006: Rule = {
  id: 'SEC006',
  summary: 'an annotation injects raw controller configuration (`*-snippet`, CVE-2021-25742)',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#the-ingress-resource`,
  profile: 'security',
  order: 860,
  check(r) {
    const annotations = map(r.m.annotations);
    for (const key of Object.keys(annotations)) {
      if (isSnippetAnnotation(key)) {
        r.report('SEC006', `metadata.annotations[${key}]`, annotations[key], 'injects raw configuration into the controller: whoever writes it can read the controller\'s secrets (CVE-2021-25742)',
          'use a dedicated annotation or a ConfigMap option of the controller');
      }
    }
  },
};
