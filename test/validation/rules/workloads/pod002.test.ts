import { POD002 } from '../../../../src/validation/rules/workloads/pod002';
import { ruleCases, withProbe } from '../_case';

ruleCases(POD002, [
  { title: 'a probe on a port number the container does not declare', pass: [withProbe({ tcpSocket: { port: 8080 } })], fail: [withProbe({ tcpSocket: { port: 9090 } })], field: 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port' },
]);
