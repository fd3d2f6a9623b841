import { PORT_WALK, checkPortProtocol } from './_ports';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

export const SVC004: Rule = {
  id: 'SVC004',
  summary: 'a protocol is not TCP, UDP or SCTP',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/networking/service-protocols/`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    const ports = list(map(r.m.spec).ports);
    for (let i = 0; i < ports.length; i++) {
      if (isMap(ports[i])) {
        checkPortProtocol(r, 'SVC004', ports[i], i, 'spec.ports');
      }
    }
  },
};
