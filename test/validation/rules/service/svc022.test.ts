import { SVC022 } from '../../../../src/validation/rules/service/svc022';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC022, [
  { title: 'sessionAffinityConfig without ClientIP affinity', pass: [web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS], fail: [web({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS], field: 'spec.sessionAffinityConfig' },
]);
