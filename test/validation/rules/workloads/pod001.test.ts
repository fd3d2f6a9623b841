import { POD001 } from '../../../../src/validation/rules/workloads/pod001';
import { ruleCases, withProbe } from '../_case';

ruleCases(POD001, [
  { title: 'a probe on a port name the container does not declare', pass: [withProbe({ httpGet: { path: '/', port: 'http' } })], fail: [withProbe({ httpGet: { path: '/', port: 'web' } })], field: 'spec.template.spec.containers[0].readinessProbe.httpGet.port' },
]);
