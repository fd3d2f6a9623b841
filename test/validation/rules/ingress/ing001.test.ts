import { ING001 } from '../../../../src/validation/rules/ingress/ing001';
import { ingress } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING001, [
  { title: 'an Ingress with neither rules nor default backend', pass: ING_OK, fail: [ingress('site', {})], field: 'spec' },
]);
