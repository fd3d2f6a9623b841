import { XREF011 } from '../../../../src/validation/rules/xref/xref011';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(XREF011, [
  { title: 'a host and path served by two Ingresses', pass: [...ING_OK, ingress('other', { rules: [rule('shop.example.com', path('/api'))] })], fail: [...ING_OK, ingress('other', { rules: [rule('shop.example.com', path('/'))] })], field: 'spec.rules[0].http.paths[0].path' },
]);
