import { API003 } from '../../../../src/validation/rules/api/api003';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(API003, [
  { title: 'a Service with a tls field', pass: [web(), WEB_PODS], fail: [web({ tls: [{ secretName: 'x' }] }), WEB_PODS], field: 'spec.tls' },
]);
