import { PORT_WALK, checkAppProtocol } from './_ports';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { BACKEND_KINDS, SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

/** Checks the appProtocol of each port of `ports`, the list at `field`. */
function checkPorts(r: Parameters<NonNullable<Rule['check']>>[0], ports: readonly any[], field: string): void {
  for (let i = 0; i < ports.length; i++) {
    if (isMap(ports[i])) {
      checkAppProtocol(r, ports[i], i, field);
    }
  }
}

export const SVC017: Rule = {
  id: 'SVC017',
  summary: 'an appProtocol is not a qualified name',
  kinds: BACKEND_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#application-protocol`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    switch (r.m.kind) {
      case 'Service':
        checkPorts(r, list(map(r.m.spec).ports), 'spec.ports');
        break;
      case 'Endpoints':
        list(r.m.obj.subsets).forEach((subset, i) => {
          if (isMap(subset)) {
            checkPorts(r, list(subset.ports), `subsets[${i}].ports`);
          }
        });
        break;
      default:
        checkPorts(r, list(r.m.obj.ports), 'ports');
    }
  },
};
