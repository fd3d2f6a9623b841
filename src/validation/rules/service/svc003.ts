import { PORT_WALK, PortNames } from './_ports';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC003: Rule = {
  id: 'SVC003',
  summary: 'a port name is missing (several ports), not a DNS-1123 label, or repeated',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#multi-port-services`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    const ports = list(map(r.m.spec).ports);
    if (ports.length === 0) {
      return;
    }
    const names = new PortNames(ports.length, true);
    for (let i = 0; i < ports.length; i++) {
      if (isMap(ports[i])) {
        names.check(r, 'SVC003', ports[i], i, 'spec.ports');
      }
    }
  },
};
