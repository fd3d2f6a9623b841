import { SVC020 } from '../../../../src/validation/rules/service/svc020';
import { svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC020, [
  { title: 'an ExternalName that is an IP literal', pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { type: 'ExternalName', externalName: '10.0.4.17' })], field: 'spec.externalName' },
]);
