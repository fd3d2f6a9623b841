import { XREF005 } from '../../../../src/validation/rules/xref/xref005';
import { MYSQL, slice } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(XREF005, [
  { title: 'a slice without service-name label', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', undefined)], field: 'metadata.labels' },
]);
