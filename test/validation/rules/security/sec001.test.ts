import { SEC001 } from '../../../../src/validation/rules/security/sec001';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SEC001, [
  { title: 'externalIPs', options: { security: true }, pass: [web(), WEB_PODS], fail: [web({ externalIPs: ['203.0.113.10'] }), WEB_PODS], field: 'spec.externalIPs[0]' },
]);
