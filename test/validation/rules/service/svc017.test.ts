import { SVC017 } from '../../../../src/validation/rules/service/svc017';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC017, [
  { title: 'an appProtocol with a space', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'kubernetes.io/h2c' }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'http 2' }] }), WEB_PODS], field: 'spec.ports[0].appProtocol' },
]);
