import { SVC006 } from '../../../../src/validation/rules/service/svc006';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC006, [
  { title: 'a targetPort name too long', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http-for-the-frontend' }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
]);
