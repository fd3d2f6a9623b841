import { API004 } from '../../../../src/validation/rules/api/api004';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(API004, [
  { title: 'a port number as a string', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: '80', targetPort: 'http' }] }), WEB_PODS], field: 'spec.ports[0].port' },
]);
