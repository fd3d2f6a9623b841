import { SEC003 } from '../../../../src/validation/rules/security/sec003';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(SEC003, [
  { title: 'a wildcard host', options: { security: true }, pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('*.example.com', path('/'))] })], field: 'spec.rules[0].host' },
]);
