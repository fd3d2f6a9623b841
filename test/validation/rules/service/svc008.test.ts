import { SVC008 } from '../../../../src/validation/rules/service/svc008';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC008, [
  { title: 'an unknown type', pass: [web({ type: 'LoadBalancer' }), WEB_PODS], fail: [web({ type: 'Internal' }), WEB_PODS], field: 'spec.type' },
]);
