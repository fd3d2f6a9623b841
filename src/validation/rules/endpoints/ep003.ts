import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { PORT_WALK, PortNames, checkPortNumber, checkPortProtocol } from '../service/_ports';

export const EP003: Rule = {
  id: 'EP003',
  summary: 'an Endpoints port is invalid (number, protocol, name missing when several, not a DNS-1123 label, repeated)',
  kinds: ['Endpoints'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#endpoints`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    list(r.m.obj.subsets).forEach((subset, i) => {
      if (!isMap(subset)) {
        return;
      }
      const ports = list(subset.ports);
      const field = `subsets[${i}].ports`;
      const names = new PortNames(ports.length, true);
      ports.forEach((p, k) => {
        if (isMap(p)) {
          names.check(r, 'EP003', p, k, field);
          checkPortNumber(r, 'EP003', p, k, field, false);
          checkPortProtocol(r, 'EP003', p, k, field);
        }
      });
    });
  },
};
