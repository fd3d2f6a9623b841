import { SVC019 } from '../../../../src/validation/rules/service/svc019';
import { svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC019, [
  { title: 'externalName on a ClusterIP Service', pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { externalName: 'db.example.com', clusterIP: 'None' })], field: 'spec.externalName' },
]);
