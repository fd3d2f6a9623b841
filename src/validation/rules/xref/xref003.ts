import { TARGET_PORT_WALK, forEachSelectedTarget, undeclaredNumber } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES } from '../_cross';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF003: Rule = {
  id: 'XREF003',
  summary: 'a numeric targetPort is declared by no container of the selected pods, which all declare their ports',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  walk: TARGET_PORT_WALK,
  uses: [POD_TEMPLATES],
  check(r, set) {
    forEachSelectedTarget(r, set, (target, _p, i, selected) => {
      const undeclared = typeof target === 'number' ? undeclaredNumber(target, selected) : undefined;
      if (undeclared !== undefined && undeclared.all) {
        r.report('XREF003', `spec.ports[${i}].targetPort`, target, `is not a port the selected containers declare: ${undeclared.declared}, and traffic to this port is refused`,
          'use the containerPort the container listens on (not a hostPort), or declare the port');
      }
    });
  },
};
