import { SVC018 } from '../../../../src/validation/rules/service/svc018';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC018, [
  { title: 'a selector value with a slash', pass: [web(), WEB_PODS], fail: [web({ selector: { app: 'web/v1' } }), WEB_PODS], field: 'spec.selector[app]' },
]);
