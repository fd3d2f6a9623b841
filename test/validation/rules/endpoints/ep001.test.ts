import { EP001 } from '../../../../src/validation/rules/endpoints/ep001';
import { MYSQL, endpoints } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(EP001, [
  { title: 'an empty subset', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ ports: [{ name: 'mysql', port: 3306 }] }])], field: 'subsets[0]' },
]);
