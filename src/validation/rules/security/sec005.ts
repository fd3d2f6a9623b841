import { Severity } from '../../finding';
import { absent, list, map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';
import { LB_SOURCE_RANGES_ANNOTATION, serviceType } from '../service/_service';

export const SEC005: Rule = {
  id: 'SEC005',
  summary: 'a LoadBalancer Service accepts every client address (no `loadBalancerSourceRanges`)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/tasks/access-application-cluster/create-external-load-balancer/#restricting-access`,
  profile: 'security',
  one: true,
  order: 840,
  check(r) {
    if (serviceType(r.m) === 'LoadBalancer' && list(map(r.m.spec).loadBalancerSourceRanges).length === 0
      && absent(map(r.m.annotations)[LB_SOURCE_RANGES_ANNOTATION])) {
      r.report('SEC005', 'spec.loadBalancerSourceRanges', undefined, 'is missing: the load balancer accepts every client address', 'list the client ranges in `loadBalancerSourceRanges`');
    }
  },
};
