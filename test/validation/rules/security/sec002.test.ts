import { SEC002 } from '../../../../src/validation/rules/security/sec002';
import { svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SEC002, [
  { title: 'an ExternalName to the metadata service', options: { security: true }, pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { type: 'ExternalName', externalName: 'metadata.google.internal' })], field: 'spec.externalName' },
]);
