import { TARGET_PORT_WALK, forEachSelectedTarget, undeclaredNumber } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES } from '../_cross';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF015: Rule = {
  id: 'XREF015',
  summary: 'a numeric targetPort is not among the ports that the selected pods declaring ports declare (a container may listen on ports it does not declare)',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  walk: TARGET_PORT_WALK,
  uses: [POD_TEMPLATES],
  check(r, set) {
    forEachSelectedTarget(r, set, (target, _p, i, selected) => {
      const undeclared = typeof target === 'number' ? undeclaredNumber(target, selected) : undefined;
      if (undeclared !== undefined && !undeclared.hostPort) {
        r.report('XREF015', `spec.ports[${i}].targetPort`, target, `is not a port the selected containers declare: ${undeclared.declared}; unless a container listens on it without declaring it (its command or configuration may say so), traffic to this port is refused`,
          'check the port the containers listen on, and declare it');
      }
    });
  },
};
