import { SVC010 } from '../../../../src/validation/rules/service/svc010';
import { svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC010, [
  { title: 'an ExternalName that is a URL', pass: [svc('site', { type: 'ExternalName', externalName: 'www.example.com.' })], fail: [svc('site', { type: 'ExternalName', externalName: 'https://www.example.com/' })], field: 'spec.externalName' },
]);
