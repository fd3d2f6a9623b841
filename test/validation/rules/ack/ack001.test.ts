import { ACK001 } from '../../../../src/validation/rules/ack/ack001';
import { web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(ACK001, [
  { title: 'an acknowledgement without reason', pass: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001: pods are created by an operator' } })], fail: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001' } })], field: 'metadata.annotations[service-patterns.cdk8s.io/acknowledge]' },
]);
