import { SEC004 } from '../../../../src/validation/rules/security/sec004';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SEC004, [
  { title: 'a NodePort Service', options: { security: true }, pass: [web(), WEB_PODS], fail: [web({ type: 'NodePort' }), WEB_PODS], field: 'spec.type' },
]);
