import { API001 } from '../../../../src/validation/rules/api/api001';
import { ingress, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(API001, [
  {
    title: 'a networking.k8s.io/v1beta1 Ingress',
    pass: ING_OK,
    fail: [{ ...ingress('old', { rules: [rule('a.example.com', { path: '/', backend: { serviceName: 'web', servicePort: 80 } })] }), apiVersion: 'networking.k8s.io/v1beta1' }],
    field: 'apiVersion',
  },
]);
