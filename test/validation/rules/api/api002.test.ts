import { API002 } from '../../../../src/validation/rules/api/api002';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(API002, [
  {
    title: 'an Ingress under v1',
    pass: ING_OK,
    fail: [{ ...ingress('site', { rules: [rule('a.example.com', path('/'))] }), apiVersion: 'v1' }],
    field: 'apiVersion',
  },
]);
