import { ACK002 } from '../../../../src/validation/rules/ack/ack002';
import { web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(ACK002, [
  { title: 'an acknowledgement of a server rule', pass: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001: pods are created by an operator' } })], fail: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001: by an operator; SVC002: we like it' } })], field: 'metadata.annotations[service-patterns.cdk8s.io/acknowledge]' },
]);
