import { POD002 } from '../../../../src/validation/rules/workloads/pod002';
import { messageOf, ruleCases, withProbe } from '../_case';

ruleCases(POD002, [
  { title: 'a probe on a port number the container does not declare', pass: [withProbe({ tcpSocket: { port: 8080 } })], fail: [withProbe({ tcpSocket: { port: 9090 } })], field: 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port' },
]);

test('the message says the container may listen on a port it does not declare', () => {
  // (cert-manager's webhook probes its --healthz-port 6080, which it does not list in `ports`)
  const message = messageOf([withProbe({ tcpSocket: { port: 9090 } })], 'POD002', 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port');
  expect(message).toMatch(/^is not a port that container '.*' declares \(8080\): unless the container listens on it without declaring it \(its command or configuration may name it\), the probe fails$/);
});
