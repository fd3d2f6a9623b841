import { EP005 } from '../../../../src/validation/rules/endpoints/ep005';
import { MYSQL, endpoints } from '../../_fixtures';
import { SLICE_OK, ruleCases } from '../_case';

ruleCases(EP005, [
  { title: 'Endpoints on Kubernetes 1.33', options: { kubernetesVersion: '1.33' }, pass: SLICE_OK, fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'apiVersion' },
]);
