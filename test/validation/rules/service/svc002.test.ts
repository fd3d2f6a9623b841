import { SVC002 } from '../../../../src/validation/rules/service/svc002';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC002, [
  { title: 'port 99999', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 99999, targetPort: 'http' }] }), WEB_PODS], field: 'spec.ports[0].port' },
]);
