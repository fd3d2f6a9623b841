import { NP_DOCS, POLICIES, podName } from './_np';
import { Severity } from '../../finding';
import { list, map, nameOf, namespaceOf } from '../_engine';
import { Rule } from '../_rule';
import { serviceType } from '../service/_service';
import { podSelectorOf } from '../xref/_xref';

export const NP007: Rule = {
  id: 'NP007',
  summary: 'pods that name a Service without selector (an external backend) are isolated for egress, and no NetworkPolicy lets them reach the addresses of its EndpointSlices',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${NP_DOCS}#default-deny-all-egress-traffic`,
  order: 1110,
  uses: [POLICIES],
  check(r, set) {
    const index = set.part(POLICIES);
    if (!index.hasPolicies || podSelectorOf(r.m) !== undefined || serviceType(r.m) === 'ExternalName') {
      return;
    }
    const ns = namespaceOf(r.m, r.settings.namespace);
    const name = nameOf(r.m);
    const slices = index.slicesOf(ns, name);
    if (slices === undefined) {
      return;
    }
    const model = index.model;
    const clients = index.clientsOf(ns, name).filter((c) => model.isIsolated(c, 'egress'));
    const ports = list(map(r.m.spec).ports).map(map);
    for (const client of clients) {
      for (const p of slices.ports) {
        const blocked = slices.addresses.filter((ip) =>
          !model.allows({ from: { pod: client }, to: { ip }, port: p.port, protocol: p.protocol }).egress.allowed);
        if (blocked.length > 0) {
          const k = ports.findIndex((sp) => (typeof sp.name === 'string' ? sp.name : '') === p.name);
          r.report('NP007', k >= 0 ? `spec.ports[${k}]` : 'spec.ports', k >= 0 ? ports[k].port : p.port,
            `leads to ${blocked.join(', ')} on port ${p.port}/${p.protocol}, but ${podName(client)}, whose environment names the Service, is isolated for egress and no NetworkPolicy lets it reach ${blocked.length === 1 ? 'that address' : 'those addresses'}`,
            `add an egress rule \`to: [{ ipBlock: { cidr: '${blocked[0]}/${blocked[0].includes(':') ? 128 : 32}' } }]\` on port ${p.port} to a policy that selects ${podName(client)}`);
        }
      }
    }
  },
};
