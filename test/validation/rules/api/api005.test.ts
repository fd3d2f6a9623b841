import { API005 } from '../../../../src/validation/rules/api/api005';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(API005, [
  { title: 'a document without kind', pass: [web(), WEB_PODS], fail: [{ apiVersion: 'v1', metadata: { name: 'x' } }], field: 'kind' },
]);
