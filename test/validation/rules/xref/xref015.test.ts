import { XREF015 } from '../../../../src/validation/rules/xref/xref015';
import { WEB_PODS, deployment, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF015, [
  { title: 'a numeric targetPort that only the pods declaring ports lack', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), WEB_PODS, deployment('web-canary', { app: 'web' }, [])], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), WEB_PODS, deployment('web-canary', { app: 'web' }, [])], field: 'spec.ports[0].targetPort' },
  { title: 'a numeric targetPort that the pods, which all declare their ports, do not declare', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
]);
