import { SVC025 } from '../../../../src/validation/rules/service/svc025';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC025, [
  { title: 'RequireDualStack on an IPv4-only cluster', options: { ipFamilies: ['IPv4'] }, pass: [web({ ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS], fail: [web({ ipFamilyPolicy: 'RequireDualStack' }), WEB_PODS], field: 'spec.ipFamilyPolicy' },
]);
