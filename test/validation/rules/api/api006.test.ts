import { API006 } from '../../../../src/validation/rules/api/api006';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(API006, [
  { title: 'a misspelt kind', pass: [web(), WEB_PODS], fail: [{ ...web(), kind: 'Servce' }, WEB_PODS], field: 'kind' },
]);
