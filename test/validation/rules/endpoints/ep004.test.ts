import { EP004 } from '../../../../src/validation/rules/endpoints/ep004';
import { MYSQL, endpoints } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(EP004, [
  { title: 'a hostname with dots', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17', hostname: 'db-0' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17', hostname: 'db.0' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'subsets[0].addresses[0].hostname' },
]);
