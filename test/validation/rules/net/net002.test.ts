import { NET002 } from '../../../../src/validation/rules/net/net002';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(NET002, [
  { title: 'a global multicast address as endpoint', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['239.1.2.3'] }] })], field: 'endpoints[0].addresses[0]' },
]);
