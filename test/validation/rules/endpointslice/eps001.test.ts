import { EPS001 } from '../../../../src/validation/rules/endpointslice/eps001';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(EPS001, [
  { title: 'addressType in lower case', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { addressType: 'ipv4' })], field: 'addressType' },
]);
