import { SEC005 } from '../../../../src/validation/rules/security/sec005';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SEC005, [
  { title: 'a LoadBalancer without source ranges', options: { security: true }, pass: [web({ type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'] }), WEB_PODS], fail: [web({ type: 'LoadBalancer' }), WEB_PODS], field: 'spec.loadBalancerSourceRanges' },
]);
