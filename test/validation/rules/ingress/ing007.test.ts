import { ING007 } from '../../../../src/validation/rules/ingress/ing007';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING007, [
  { title: 'a TLS host with an underscore', pass: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }], rules: [rule('shop.example.com', path('/'))] })], fail: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['shop_example.com'], secretName: 'tls' }], rules: [rule('shop_example.com', path('/'))] })], field: 'spec.tls[0].hosts[0]' },
]);
