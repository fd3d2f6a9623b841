import { ING004 } from '../../../../src/validation/rules/ingress/ing004';
import { WEB_PODS, ingress, rule, web } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING004, [
  { title: 'a path without pathType', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', { path: '/', backend: { service: { name: 'web', port: { number: 80 } } } })] })], field: 'spec.rules[0].http.paths[0].pathType' },
]);
