import { XREF003 } from '../../../../src/validation/rules/xref/xref003';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF003, [
  { title: 'a numeric targetPort no container declares', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
]);
