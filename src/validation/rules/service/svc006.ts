import { SERVICE_PORT_WALK } from './_service';
import { KubeName } from '../../../net/names';
import { PortRules } from '../../../net/port';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC006: Rule = {
  id: 'SVC006',
  summary: 'a targetPort is not a port number or an IANA service name',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#field-spec-ports`,
  server: true,
  walk: SERVICE_PORT_WALK,
  check(r) {
    const ports = list(map(r.m.spec).ports);
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (!isMap(p)) {
        continue;
      }
      const tp = p.targetPort;
      if (typeof tp === 'number' && tp !== 0) {
        for (const e of PortRules.portNumberErrors(tp)) {
          r.report('SVC006', `spec.ports[${i}].targetPort`, tp, e);
        }
      } else if (typeof tp === 'string' && tp !== '') {
        if (/^[0-9]+$/.test(tp)) {
          r.report('SVC006', `spec.ports[${i}].targetPort`, tp, 'must be a number or a port name: a string of digits is read as a name, and names need a letter', `write it as a number: ${tp}`);
        } else {
          for (const e of KubeName.ianaSvcNameErrors(tp)) {
            r.report('SVC006', `spec.ports[${i}].targetPort`, tp, e, 'name a container port with an IANA service name (e.g. \'http\')');
          }
        }
      }
    }
  },
};
