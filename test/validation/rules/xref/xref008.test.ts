import { XREF008 } from '../../../../src/validation/rules/xref/xref008';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(XREF008, [
  { title: 'an Ingress backend Service that does not exist', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'wbe'))] })], field: 'spec.rules[0].http.paths[0].backend.service.name' },
]);
