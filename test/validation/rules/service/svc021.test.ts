import { SVC021 } from '../../../../src/validation/rules/service/svc021';
import { WEB_PODS, svc, web } from '../../_fixtures';
import { DB_PODS, ruleCases } from '../_case';

ruleCases(SVC021, [
  {
    title: 'the same node port in two Services',
    pass: [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS, svc('api', { type: 'NodePort', selector: { app: 'db' }, ports: [{ port: 80, nodePort: 30081 }] }), DB_PODS],
    fail: [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS, svc('api', { type: 'NodePort', selector: { app: 'db' }, ports: [{ port: 80, nodePort: 30080 }] }), DB_PODS],
    field: 'spec.ports[0].nodePort',
  },
]);
