import { SVC001 } from '../../../../src/validation/rules/service/svc001';
import { svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC001, [
  { title: 'an externalName without type (so it needs ports)', pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { externalName: 'db.example.com' })], field: 'spec.ports' },
]);
