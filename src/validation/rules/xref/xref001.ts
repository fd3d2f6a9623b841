import { inNamespace, podSelectorOf } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES } from '../_cross';
import { namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { serviceType } from '../service/_service';

export const XREF001: Rule = {
  id: 'XREF001',
  summary: 'a Service selector matches no pod template in its namespace among the manifests',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#defining-a-service`,
  missing: true,
  one: true,
  order: 1010,
  uses: [POD_TEMPLATES],
  check(r, set) {
    const selector = podSelectorOf(r.m);
    if (selector === undefined || serviceType(r.m) === 'ExternalName') {
      return; // (a Service without selector is XREF014's)
    }
    const ns = namespaceOf(r.m, r.settings.namespace);
    if (set.part(POD_TEMPLATES).selectedBy(r.m, ns, selector).length === 0) {
      r.reportMissing('XREF001', 'spec.selector', selector, `matches no pod template ${inNamespace(ns)}`,
        'the Service has no endpoints',
        'make the selector equal to the labels of the workload\'s pod template (or acknowledge this if the pods are created elsewhere)');
    }
  },
};
