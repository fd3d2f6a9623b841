import { NP_DOCS, forEachPort } from './_np';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { Rule } from '../_rule';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

function portNumberError(n: number): string | undefined {
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? undefined : 'must be between 1 and 65535, inclusive';
}

export const NP002: Rule = {
  id: 'NP002',
  summary: 'a NetworkPolicy port has an invalid protocol, port or endPort (endPort needs a numeric port and must not be below it)',
  kinds: ['NetworkPolicy'],
  severity: Severity.ERROR,
  docsUrl: `${NP_DOCS}#targeting-a-range-of-ports`,
  server: true,
  order: 110,
  check(r) {
    forEachPort(map(r.m.spec), (p, field) => {
      if (p.protocol !== undefined && p.protocol !== null && !PROTOCOLS.includes(p.protocol)) {
        r.report('NP002', `${field}.protocol`, p.protocol, 'must be \'TCP\', \'UDP\' or \'SCTP\'');
      }
      const port = p.port;
      const endPort = p.endPort;
      const hasEnd = typeof endPort === 'number';
      if (typeof port === 'number') {
        const e = portNumberError(port);
        if (e) {
          r.report('NP002', `${field}.port`, port, e);
        }
        if (hasEnd) {
          if (endPort < port) {
            r.report('NP002', `${field}.endPort`, endPort, `must be greater than or equal to \`port\` (${port})`, `use ${port} or more, or swap \`port\` and \`endPort\``);
          }
          const ee = portNumberError(endPort);
          if (ee) {
            r.report('NP002', `${field}.endPort`, endPort, ee);
          }
        }
      } else if (typeof port === 'string') {
        if (hasEnd) {
          r.report('NP002', `${field}.endPort`, endPort, 'may not be specified when `port` is non-numeric', 'give `port` as a number, or leave out `endPort`');
        }
        for (const e of KubeName.ianaSvcNameErrors(port)) {
          r.report('NP002', `${field}.port`, port, e, 'use the name of a container port, or a number');
        }
      } else if (hasEnd) {
        r.report('NP002', `${field}.endPort`, endPort, 'may not be specified when `port` is not specified', 'give the first port of the range as `port`');
      }
    });
  },
};
