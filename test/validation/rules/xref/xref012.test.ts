import { XREF012 } from '../../../../src/validation/rules/xref/xref012';
import { statefulSet, svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF012, [
  { title: 'a StatefulSet whose Service is not headless', pass: [svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], fail: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], field: 'spec.serviceName' },
]);
