import { EPS007 } from '../../../../src/validation/rules/endpointslice/eps007';
import { MYSQL, slice } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(EPS007, [
  { title: 'two addresses in one endpoint', pass: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'] }, { addresses: ['10.0.4.18'] }] })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17', '10.0.4.18'] }] })], field: 'endpoints[0].addresses' },
]);
