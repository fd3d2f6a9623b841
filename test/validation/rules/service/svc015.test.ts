import { SVC015 } from '../../../../src/validation/rules/service/svc015';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(SVC015, [
  { title: 'two families with SingleStack', pass: [web({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] }), WEB_PODS], fail: [web({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] }), WEB_PODS], field: 'spec.ipFamilyPolicy' },
]);

describe('SVC015', () => {
  test('passes: two different IP families', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS])).toEqual([]);
  });

  test('fails if an IP family is repeated', () => {
    // GIVEN
    const manifests = [web({ ipFamilies: ['IPv6', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 SVC015 spec.ipFamilies[1]']);
    expect(messageOf(manifests, 'SVC015', 'spec.ipFamilies[1]')).toMatch(/must not repeat a family/);
  });
});
