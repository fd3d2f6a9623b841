import { XREF014 } from '../../../../src/validation/rules/xref/xref014';
import { MYSQL } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(XREF014, [
  { title: 'a selector-less Service with no slice or Endpoints', pass: SLICE_OK, fail: [MYSQL], field: 'spec.selector' },
]);
