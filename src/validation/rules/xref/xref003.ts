import { TARGET_PORT_WALK, forEachSelectedTarget, undeclaredNumber } from './_xref';
import { Severity } from '../../finding';
import { POD_TEMPLATES } from '../_cross';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF003: Rule = {
  id: 'XREF003',
  summary: 'a numeric targetPort is a hostPort the selected pods forward to another container port, and no container declares it',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  walk: TARGET_PORT_WALK,
  uses: [POD_TEMPLATES],
  check(r, set) {
    forEachSelectedTarget(r, set, (target, _p, i, selected) => {
      if (typeof target !== 'number') {
        return;
      }
      const undeclared = undeclaredNumber(target, selected);
      if (undeclared !== undefined && undeclared.hostPort) {
        const forwarded = [...new Set(selected.map((t) => t.hostPorts.get(target)))].join(', ');
        r.report('XREF003', `spec.ports[${i}].targetPort`, target, `is a hostPort of the selected pods, which forward it to container port ${forwarded}: a Service sends traffic to the pod's own port, and ${undeclared.declared}, so traffic to this port is refused`,
          `use the containerPort the container listens on (${forwarded}), not the hostPort`);
      }
    });
  },
};
