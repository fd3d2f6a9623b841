import { SERVICE_PORT_WALK, protocolOf, serviceType } from './_service';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC007: Rule = {
  id: 'SVC007',
  summary: 'a nodePort is set on a ClusterIP Service, is outside the node port range, or is repeated',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#type-nodeport`,
  server: true,
  walk: SERVICE_PORT_WALK,
  check(r) {
    const ports = list(map(r.m.spec).ports);
    const settings = r.settings;
    // Protocol, then node port, to the first port with them: only several ports can repeat one.
    const seen = ports.length > 1 ? new Map<string, Map<number, number>>() : undefined;
    let type: string | undefined;
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      const np = isMap(p) ? p.nodePort : undefined;
      if (typeof np !== 'number' || np === 0) {
        continue;
      }
      type ??= serviceType(r.m);
      if (type === 'ClusterIP' || type === 'ExternalName') {
        r.report('SVC007', `spec.ports[${i}].nodePort`, np, `may not be used when \`type\` is '${type}'`, 'remove `nodePort` or set `type` to \'NodePort\' or \'LoadBalancer\'');
      } else if (!Number.isInteger(np) || np < settings.nodePortMin || np > settings.nodePortMax) {
        r.report('SVC007', `spec.ports[${i}].nodePort`, np, `must be in the cluster's node port range ${settings.nodePortMin}-${settings.nodePortMax}`, 'pick a port in the range, or leave `nodePort` out to get one allocated');
      }
      if (seen) {
        const protocol = protocolOf(p);
        let numbers = seen.get(protocol);
        if (!numbers) {
          numbers = new Map();
          seen.set(protocol, numbers);
        }
        const first = numbers.get(np);
        if (first !== undefined) {
          r.report('SVC007', `spec.ports[${i}].nodePort`, np, `must be unique: spec.ports[${first}] has the same node port and protocol`);
        } else {
          numbers.set(np, i);
        }
      }
    }
  },
};
