import { ING003 } from '../../../../src/validation/rules/ingress/ing003';
import { ingress } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING003, [
  { title: 'an HTTP rule without paths', pass: ING_OK, fail: [ingress('site', { rules: [{ host: 'shop.example.com', http: { paths: [] } }] })], field: 'spec.rules[0].http.paths' },
]);
