import { inNamespace } from './_xref';
import { Severity } from '../../finding';
import { SERVICES } from '../_cross';
import { nameOf, namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF007: Rule = {
  id: 'XREF007',
  summary: 'an Endpoints object is not named like a Service among the manifests in its namespace',
  kinds: ['Endpoints'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#services-without-selectors`,
  missing: true,
  one: true,
  order: 1040,
  uses: [SERVICES],
  check(r, set) {
    const ns = namespaceOf(r.m, r.settings.namespace);
    const name = nameOf(r.m);
    if (!set.part(SERVICES).get(ns, name) && !r.isExternal('Service', ns, name)) {
      r.reportMissing('XREF007', 'metadata.name', name, `names no Service ${inNamespace(ns)}`,
        'no Service uses these Endpoints (Endpoints reach a Service only by having its name)', 'name the Endpoints exactly like their Service', name);
    }
  },
};
