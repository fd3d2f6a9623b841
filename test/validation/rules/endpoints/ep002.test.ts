import { EP002 } from '../../../../src/validation/rules/endpoints/ep002';
import { MYSQL, endpoints } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(EP002, [
  { title: 'a link-local address', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '169.254.169.254' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'subsets[0].addresses[0].ip' },
]);
