import { API007 } from '../../../../src/validation/rules/api/api007';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(API007, [
  { title: 'spec.trafficDistribution, a beta field in 1.31', options: { kubernetesVersion: '1.31' }, pass: [web(), WEB_PODS], fail: [web({ trafficDistribution: 'PreferClose' }), WEB_PODS], field: 'spec.trafficDistribution' },
]);
