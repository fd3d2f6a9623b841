import { TARGET_PORT_WALK, forEachSelectedTarget, undeclaredNumber } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES } from '../_cross';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF015: Rule = {
  id: 'XREF015',
  summary: 'a numeric targetPort is declared by no container of the selected pods that declare ports, while other selected pods declare none',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  walk: TARGET_PORT_WALK,
  uses: [POD_TEMPLATES],
  check(r, set) {
    forEachSelectedTarget(r, set, (target, _p, i, selected) => {
      const undeclared = typeof target === 'number' ? undeclaredNumber(target, selected) : undefined;
      if (undeclared !== undefined && !undeclared.all) {
        r.report('XREF015', `spec.ports[${i}].targetPort`, target, `is not a port the selected containers declare: ${undeclared.declared}; other selected pods declare none`,
          'check the port the containers listen on');
      }
    });
  },
};
