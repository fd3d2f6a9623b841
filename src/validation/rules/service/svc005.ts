import { SERVICE_PORT_WALK, protocolOf } from './_service';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC005: Rule = {
  id: 'SVC005',
  summary: 'two ports have the same port number and protocol',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#multi-port-services`,
  server: true,
  walk: SERVICE_PORT_WALK,
  check(r) {
    const ports = list(map(r.m.spec).ports);
    if (ports.length < 2) {
      return; // only several ports can repeat one
    }
    // Protocol, then port number, to the first port with them.
    const seen = new Map<string, Map<number, number>>();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (!isMap(p) || typeof p.port !== 'number') {
        continue;
      }
      const protocol = protocolOf(p);
      let numbers = seen.get(protocol);
      if (!numbers) {
        numbers = new Map();
        seen.set(protocol, numbers);
      }
      const first = numbers.get(p.port);
      if (first !== undefined) {
        r.report('SVC005', `spec.ports[${i}]`, `${p.port}/${protocol}`, `must be unique: spec.ports[${first}] has the same port and protocol`, 'remove the duplicate or change its port');
      } else {
        numbers.set(p.port, i);
      }
    }
  },
};
