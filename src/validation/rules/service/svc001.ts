import { isHeadless, serviceType } from './_service';
import { Severity } from '../../finding';
import { absent, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC001: Rule = {
  id: 'SVC001',
  summary: 'a Service needs `spec.ports` unless it is headless or of type ExternalName',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  server: true,
  order: 220,
  check(r) {
    const spec = map(r.m.spec);
    if (list(spec.ports).length === 0 && !isHeadless(r.m) && serviceType(r.m) !== 'ExternalName') {
      const hint = !absent(spec.externalName)
        ? 'this Service has `externalName` but no `type`: set `type: ExternalName` (which needs no ports)'
        : 'add at least one port, or make the Service headless (`clusterIP: None`)';
      r.report('SVC001', 'spec.ports', spec.ports, 'is required for a Service that is not headless or of type ExternalName', hint);
    }
  },
};
