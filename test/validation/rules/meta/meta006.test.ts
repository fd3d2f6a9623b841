import { META006 } from '../../../../src/validation/rules/meta/meta006';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(META006, [
  { title: 'an owner reference without uid', pass: [web({}, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '6f7c0e1a-0000-4000-8000-000000000000' }] }), WEB_PODS], fail: [web({}, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }] }), WEB_PODS], field: 'metadata.ownerReferences[0].uid' },
]);
