import { PORT_WALK, checkPortNumber } from './_ports';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC002: Rule = {
  id: 'SVC002',
  summary: 'a port number is not between 1 and 65535',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    const ports = list(map(r.m.spec).ports);
    for (let i = 0; i < ports.length; i++) {
      if (isMap(ports[i])) {
        checkPortNumber(r, 'SVC002', ports[i], i, 'spec.ports', false);
      }
    }
  },
};
