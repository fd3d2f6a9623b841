import { EP003 } from '../../../../src/validation/rules/endpoints/ep003';
import { MYSQL, endpoints } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(EP003, [
  { title: 'port 0', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 0 }] }])], field: 'subsets[0].ports[0].port' },
]);
