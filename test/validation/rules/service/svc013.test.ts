import { SVC013 } from '../../../../src/validation/rules/service/svc013';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC013, [
  { title: 'source ranges on a ClusterIP Service', pass: [web({ type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'] }), WEB_PODS], fail: [web({ loadBalancerSourceRanges: ['203.0.113.0/24'] }), WEB_PODS], field: 'spec.loadBalancerSourceRanges' },
]);
