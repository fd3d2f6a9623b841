import { inNamespace, podSelectorOf } from './_xref';
import { Severity } from '../../finding';
import { BACKENDS, SERVICE_NAME_LABEL } from '../_cross';
import { nameOf, namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { serviceType } from '../service/_service';

export const XREF014: Rule = {
  id: 'XREF014',
  summary: 'a Service without selector has no EndpointSlice or Endpoints among the manifests, so it has no backends',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#services-without-selectors`,
  missing: true,
  one: true,
  order: 1010,
  uses: [BACKENDS],
  check(r, set) {
    if (podSelectorOf(r.m) !== undefined || serviceType(r.m) === 'ExternalName') {
      return;
    }
    // A selector-less Service is backed by the EndpointSlices or Endpoints that name it.
    const ns = namespaceOf(r.m, r.settings.namespace);
    const name = nameOf(r.m);
    if (!set.part(BACKENDS).isBacked(ns, name) && !r.isExternal('EndpointSlice', ns, name) && !r.isExternal('Endpoints', ns, name)) {
      r.reportMissing('XREF014', 'spec.selector', undefined,
        `is missing, and no EndpointSlice (label '${SERVICE_NAME_LABEL}: ${name}') or Endpoints named '${name}' is ${inNamespace(ns)}`,
        'the Service has no backends',
        'add a selector for the pods, or an EndpointSlice for the backends (or acknowledge this if another tool creates them)');
    }
  },
};
