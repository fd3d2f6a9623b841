import { XREF010 } from '../../../../src/validation/rules/xref/xref010';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(XREF010, [
  { title: 'a TLS host no rule serves', pass: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['*.example.com'] }], rules: [rule('shop.example.com', path('/'))] })], fail: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['www.example.com'] }], rules: [rule('shop.example.com', path('/'))] })], field: 'spec.tls[0].hosts[0]' },
]);
