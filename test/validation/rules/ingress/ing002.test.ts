import { ING002 } from '../../../../src/validation/rules/ingress/ing002';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING002, [
  { title: 'an IP address as host', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('203.0.113.10', path('/'))] })], field: 'spec.rules[0].host' },
]);
