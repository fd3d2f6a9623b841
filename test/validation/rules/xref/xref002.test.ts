import { XREF002 } from '../../../../src/validation/rules/xref/xref002';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF002, [
  { title: 'a named targetPort no container declares', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'web' }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
]);
