import { LB_SOURCE_RANGES_ANNOTATION, serviceType } from './_service';
import { Cidr } from '../../../net/ip';
import { Severity } from '../../finding';
import { list, map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

export const SVC013: Rule = {
  id: 'SVC013',
  summary: 'loadBalancerSourceRanges are set on a Service that is not a LoadBalancer, or are not CIDRs',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/tasks/access-application-cluster/create-external-load-balancer/#restricting-access`,
  server: true,
  order: 310,
  check(r) {
    const ranges = list(map(r.m.spec).loadBalancerSourceRanges);
    const annotation = map(r.m.annotations)[LB_SOURCE_RANGES_ANNOTATION];
    if (ranges.length === 0 && typeof annotation !== 'string') {
      return;
    }
    const field = ranges.length > 0 ? 'spec.loadBalancerSourceRanges' : `metadata.annotations[${LB_SOURCE_RANGES_ANNOTATION}]`;
    if (serviceType(r.m) !== 'LoadBalancer') {
      r.report('SVC013', field, ranges.length > 0 ? ranges : annotation, 'may only be used when `type` is \'LoadBalancer\'', 'set `type: LoadBalancer`, or remove the source ranges');
    }
    const values: unknown[] = ranges.length > 0 ? ranges : String(annotation).split(',').map((s) => s.trim());
    values.forEach((cidr, i) => {
      if (typeof cidr !== 'string') {
        return;
      }
      // The API server trims space around each range before parsing it (so does kube-proxy).
      for (const e of Cidr.errors(cidr.trim())) {
        r.report('SVC013', ranges.length > 0 ? `${field}[${i}]` : field, cidr, e);
      }
    });
  },
};
