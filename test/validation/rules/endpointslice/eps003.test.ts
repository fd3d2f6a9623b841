import { EPS003 } from '../../../../src/validation/rules/endpointslice/eps003';
import { MYSQL, slice } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(EPS003, [
  { title: 'an IPv6 address in an IPv4 slice', pass: [MYSQL, slice('mysql-1', 'mysql', { addressType: 'IPv6', endpoints: [{ addresses: ['2001:db8::17'] }] })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['2001:db8::17'] }] })], field: 'endpoints[0].addresses[0]' },
]);
