import { SVC012 } from '../../../../src/validation/rules/service/svc012';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC012, [
  { title: 'a loopback external IP', pass: [web({ externalIPs: ['203.0.113.10'] }), WEB_PODS], fail: [web({ externalIPs: ['203.0.113.10', '127.0.0.1'] }), WEB_PODS], field: 'spec.externalIPs[1]' },
]);
