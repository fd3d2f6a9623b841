import { META003 } from '../../../../src/validation/rules/meta/meta003';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(META003, [
  { title: 'a label value with a space', pass: [web({}, { labels: { tier: 'front' } }), WEB_PODS], fail: [web({}, { labels: { tier: 'front end' } }), WEB_PODS], field: 'metadata.labels[tier]' },
]);
