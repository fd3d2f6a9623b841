import { META007 } from '../../../../src/validation/rules/meta/meta007';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(META007, [
  { title: 'a finalizer without a domain', pass: [web({}, { finalizers: ['example.com/cleanup', 'kubernetes'] }), WEB_PODS], fail: [web({}, { finalizers: ['cleanup'] }), WEB_PODS], field: 'metadata.finalizers[0]' },
]);
