import { META002 } from '../../../../src/validation/rules/meta/meta002';
import { deployment, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(META002, [
  { title: 'an invalid namespace', pass: [web({}, { namespace: 'shop' }), deployment('web', { app: 'web' }, undefined, { namespace: 'shop' })], fail: [web({}, { namespace: 'Shop' })], field: 'metadata.namespace' },
]);
