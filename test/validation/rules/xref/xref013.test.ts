import { XREF013 } from '../../../../src/validation/rules/xref/xref013';
import { statefulSet, svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF013, [
  { title: 'a StatefulSet whose Service does not exist', pass: [svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], fail: [statefulSet('db', 'db-headless')], field: 'spec.serviceName' },
]);
