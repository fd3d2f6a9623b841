import { XREF006 } from '../../../../src/validation/rules/xref/xref006';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(XREF006, [
  { title: 'a slice port name that differs from the Service', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { ports: [{ name: 'db', port: 3306 }] })], field: 'ports[0].name' },
]);
