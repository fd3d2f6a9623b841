import { NET001 } from '../../../../src/validation/rules/net/net001';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(NET001, [
  { title: 'leading zeros in an endpoint address', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['010.0.4.17'] }] })], field: 'endpoints[0].addresses[0]' },
]);
