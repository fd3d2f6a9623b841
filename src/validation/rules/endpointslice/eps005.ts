import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';
import { PORT_WALK, PortNames, checkPortNumber, checkPortProtocol } from '../service/_ports';

const MAX_PORTS = 20000;

export const EPS005: Rule = {
  id: 'EPS005',
  summary: 'an EndpointSlice port is invalid (number, protocol, name not a DNS-1123 label, repeated, more than 20000)',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: EPS_DOCS,
  server: true,
  walk: PORT_WALK,
  check(r) {
    const ports = list(r.m.obj.ports);
    if (ports.length > MAX_PORTS) {
      r.report('EPS005', 'ports', `${ports.length} ports`, `must have at most ${MAX_PORTS} ports`);
    }
    // In a slice, a port may have no number (all ports) and names are optional even when several.
    const names = new PortNames(ports.length, false);
    ports.forEach((p, i) => {
      if (isMap(p)) {
        names.check(r, 'EPS005', p, i, 'ports');
        checkPortNumber(r, 'EPS005', p, i, 'ports', true);
        checkPortProtocol(r, 'EPS005', p, i, 'ports');
      }
    });
  },
};
