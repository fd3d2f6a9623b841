import { SVC003 } from '../../../../src/validation/rules/service/svc003';
import { svc } from '../../_fixtures';
import { DB_PODS, ruleCases } from '../_case';

ruleCases(SVC003, [
  { title: 'two ports without names', pass: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'a', port: 1 }, { name: 'b', port: 2 }] }), DB_PODS], fail: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'a', port: 1 }, { port: 2 }] }), DB_PODS], field: 'spec.ports[1].name' },
]);
