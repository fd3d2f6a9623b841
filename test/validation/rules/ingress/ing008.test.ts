import { ING008 } from '../../../../src/validation/rules/ingress/ing008';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING008, [
  { title: 'a class annotation that differs from ingressClassName', pass: [...ING_OK.slice(0, 2), ingress('site', { ingressClassName: 'nginx', rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } })], fail: [...ING_OK.slice(0, 2), ingress('site', { ingressClassName: 'nginx', rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } })], field: 'metadata.annotations[kubernetes.io/ingress.class]' },
]);
