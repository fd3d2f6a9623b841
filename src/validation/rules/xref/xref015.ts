import { TARGET_PORT_WALK, describePorts, forEachTarget, podSelectorOf } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES, ownerOf } from '../_cross';
import { namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { serviceType } from '../service/_service';

export const XREF015: Rule = {
  id: 'XREF015',
  summary: 'a numeric targetPort is declared by no container of the selected pods that declare ports, while other selected pods declare none',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  walk: TARGET_PORT_WALK,
  uses: [POD_TEMPLATES],
  check(r, set) {
    const selector = podSelectorOf(r.m);
    if (selector === undefined || serviceType(r.m) === 'ExternalName') {
      return;
    }
    const selected = set.part(POD_TEMPLATES).selectedBy(r.m, namespaceOf(r.m, r.settings.namespace), selector);
    if (selected.length === 0) {
      return; // XREF001
    }
    forEachTarget(r.m, (target, _p, i) => {
      if (typeof target !== 'number') {
        return;
      }
      // Containers may listen on ports they do not declare: only pods that declare their ports
      // tell that nothing listens on this one.
      const declaring = selected.filter((t) => t.portNumbers.size > 0);
      const missing = declaring.filter((t) => !t.portNumbers.has(target));
      if (missing.length === 0 || declaring.length === selected.length) {
        return; // (XREF003 when every selected pod declares its ports, else XREF015)
      }
      const declared = `${missing.map(ownerOf).join(', ')} declare${missing.length === 1 ? 's' : ''} ${missing.length === 1 ? 'its ports' : 'their ports'} (${describePorts(missing)})`;
      r.report('XREF015', `spec.ports[${i}].targetPort`, target, `is not a port the selected containers declare: ${declared}; other selected pods declare none`,
        'check the port the containers listen on');
    });
  },
};
