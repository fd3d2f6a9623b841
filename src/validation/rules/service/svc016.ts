import { serviceType } from './_service';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { absent, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC016: Rule = {
  id: 'SVC016',
  summary: 'loadBalancerClass or allocateLoadBalancerNodePorts are set on a Service that is not a LoadBalancer',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#loadbalancer`,
  server: true,
  order: 340,
  check(r) {
    const spec = map(r.m.spec);
    if (serviceType(r.m) !== 'LoadBalancer') {
      if (!absent(spec.loadBalancerClass)) {
        r.report('SVC016', 'spec.loadBalancerClass', spec.loadBalancerClass, 'may only be used when `type` is \'LoadBalancer\'', 'remove `loadBalancerClass`');
      }
      if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null) {
        r.report('SVC016', 'spec.allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts, 'may only be used when `type` is \'LoadBalancer\'', 'remove `allocateLoadBalancerNodePorts`');
      }
    } else if (typeof spec.loadBalancerClass === 'string' && spec.loadBalancerClass !== '') {
      for (const e of KubeName.qualifiedNameErrors(spec.loadBalancerClass)) {
        r.report('SVC016', 'spec.loadBalancerClass', spec.loadBalancerClass, e, 'use a prefixed name such as \'example.com/internal-vip\'');
      }
    }
  },
};
