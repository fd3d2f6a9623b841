import { SEC006 } from '../../../../src/validation/rules/security/sec006';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(SEC006, [
  { title: 'a snippet annotation', options: { security: true }, pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' } })], field: 'metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]' },
]);
