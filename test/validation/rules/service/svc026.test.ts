import { SVC026 } from '../../../../src/validation/rules/service/svc026';
import { svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC026, [
  {
    title: 'an ExternalName Service on port 443',
    pass: [svc('docs', { type: 'ExternalName', externalName: 'docs.example.com', ports: [{ name: 'http', port: 80 }] })],
    fail: [svc('docs', { type: 'ExternalName', externalName: 'docs.example.com', ports: [{ name: 'web', port: 443 }] })],
    field: 'spec.ports[0]',
  },
  {
    title: 'an ExternalName Service with a port named https',
    pass: [svc('docs', { type: 'ExternalName', externalName: 'docs.example.com' })],
    fail: [svc('docs', { type: 'ExternalName', externalName: 'docs.example.com', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 8443 }] })],
    field: 'spec.ports[1]',
  },
]);
