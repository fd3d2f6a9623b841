import { SVC004 } from '../../../../src/validation/rules/service/svc004';
import { svc } from '../../_fixtures';
import { DB_PODS, ruleCases } from '../_case';

ruleCases(SVC004, [
  { title: 'protocol in lower case', pass: [svc('dns', { selector: { app: 'db' }, ports: [{ port: 53, protocol: 'UDP' }] }), DB_PODS], fail: [svc('dns', { selector: { app: 'db' }, ports: [{ port: 53, protocol: 'udp' }] }), DB_PODS], field: 'spec.ports[0].protocol' },
]);
