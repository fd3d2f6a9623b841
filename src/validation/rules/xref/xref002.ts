import { TARGET_PORT_WALK, forEachSelectedTarget } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES, declaresName, ownerOf } from '../_cross';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { protocolOf } from '../service/_service';

export const XREF002: Rule = {
  id: 'XREF002',
  summary: 'a named targetPort is not declared, with the Service port protocol, by the containers the Service selects',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  walk: TARGET_PORT_WALK,
  uses: [POD_TEMPLATES],
  check(r, set) {
    forEachSelectedTarget(r, set, (target, p, i, selected) => {
      if (typeof target !== 'string') {
        return;
      }
      // The endpoints controller looks the name up with the Service port's protocol.
      const protocol = protocolOf(p);
      const missing = selected.filter((t) => !declaresName(t, target, protocol));
      if (missing.length > 0) {
        r.report('XREF002', `spec.ports[${i}].targetPort`, target, `names a port that ${missing.map(ownerOf).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not declare with protocol ${protocol}: those pods get no traffic on this port`,
          `add a ${protocol} container port named '${target}', or use the port number`);
      }
    });
  },
};
