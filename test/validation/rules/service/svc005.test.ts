import { SVC005 } from '../../../../src/validation/rules/service/svc005';
import { svc } from '../../_fixtures';
import { DB_PODS, ruleCases } from '../_case';

ruleCases(SVC005, [
  { title: 'the same port twice', pass: [svc('dns', { selector: { app: 'db' }, ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }] }), DB_PODS], fail: [svc('dns', { selector: { app: 'db' }, ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53 }] }), DB_PODS], field: 'spec.ports[1]' },
]);
