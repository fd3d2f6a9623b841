import { XREF007 } from '../../../../src/validation/rules/xref/xref007';
import { MYSQL, endpoints } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF007, [
  { title: 'Endpoints not named like their Service', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql-endpoints', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'metadata.name' },
]);
