import { EPS004 } from '../../../../src/validation/rules/endpointslice/eps004';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(EPS004, [
  { title: 'a loopback address', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['127.0.0.1'] }] })], field: 'endpoints[0].addresses[0]' },
  { title: 'a link-local multicast address', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['224.0.0.251'] }] })], field: 'endpoints[0].addresses[0]' },
]);
