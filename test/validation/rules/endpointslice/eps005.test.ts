import { EPS005 } from '../../../../src/validation/rules/endpointslice/eps005';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(EPS005, [
  { title: 'two ports with the same name', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { ports: [{ name: 'mysql', port: 3306 }, { name: 'mysql', port: 3307 }] })], field: 'ports[1].name' },
]);
