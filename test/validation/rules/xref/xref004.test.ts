import { XREF004 } from '../../../../src/validation/rules/xref/xref004';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(XREF004, [
  { title: 'a slice for a Service that does not exist', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysq1')], field: 'metadata.labels[kubernetes.io/service-name]' },
]);
