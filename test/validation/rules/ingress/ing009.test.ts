import { ING009 } from '../../../../src/validation/rules/ingress/ing009';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING009, [
  { title: 'a rule host that no TLS entry covers', pass: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['*.example.com'], secretName: 'tls' }], rules: [rule('shop.example.com', path('/'))] })], fail: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }], rules: [rule('shop.example.com', path('/')), rule('www.example.com', path('/'))] })], field: 'spec.rules[1].host' },
]);
