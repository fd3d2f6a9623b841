import { serviceType } from './_service';
import { PortRules } from '../../../net/port';
import { Severity } from '../../finding';
import { absent, list, map, oneOf } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

const POLICIES = ['Cluster', 'Local'];

export const SVC014: Rule = {
  id: 'SVC014',
  summary: 'a traffic policy is not Cluster or Local, or externalTrafficPolicy/healthCheckNodePort are set where they do not apply',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/networking/virtual-ips/#traffic-policies`,
  server: true,
  order: 320,
  check(r) {
    const spec = map(r.m.spec);
    const type = serviceType(r.m);
    const etp = spec.externalTrafficPolicy;
    if (!absent(etp)) {
      if (!POLICIES.includes(etp)) {
        r.report('SVC014', 'spec.externalTrafficPolicy', etp, `must be one of ${oneOf(POLICIES)}`);
      } else if (type !== 'NodePort' && type !== 'LoadBalancer' && !(type === 'ClusterIP' && list(spec.externalIPs).length > 0 && r.settings.minor >= 29)) {
        // Kubernetes 1.29 accepts it on a ClusterIP Service with externalIPs (kubernetes#119150); 1.28 does not.
        r.report('SVC014', 'spec.externalTrafficPolicy', etp, list(spec.externalIPs).length > 0 && type === 'ClusterIP'
          ? 'may only be set on a NodePort or LoadBalancer Service before Kubernetes 1.29, not on a ClusterIP Service with `externalIPs`'
          : `may only be set on an externally reachable Service (NodePort, LoadBalancer, or from 1.29 with \`externalIPs\`), not on this '${type}' one`, 'remove `externalTrafficPolicy`');
      }
    }
    const itp = spec.internalTrafficPolicy;
    if (!absent(itp) && !POLICIES.includes(itp)) {
      r.report('SVC014', 'spec.internalTrafficPolicy', itp, `must be one of ${oneOf(POLICIES)}`);
    }
    const hc = spec.healthCheckNodePort;
    if (typeof hc === 'number' && hc !== 0) {
      if (type !== 'LoadBalancer' || etp !== 'Local') {
        r.report('SVC014', 'spec.healthCheckNodePort', hc, 'may only be set on a LoadBalancer Service with `externalTrafficPolicy: Local`', 'remove `healthCheckNodePort`');
      } else if (hc < 0 || hc > PortRules.MAX_PORT) {
        r.report('SVC014', 'spec.healthCheckNodePort', hc, 'must be between 1 and 65535');
      }
    }
  },
};
