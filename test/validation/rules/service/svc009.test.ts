import { SVC009 } from '../../../../src/validation/rules/service/svc009';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(SVC009, [
  { title: 'a headless NodePort Service', pass: [web({ clusterIP: 'None' }), WEB_PODS], fail: [web({ type: 'NodePort', clusterIP: 'None' }), WEB_PODS], field: 'spec.clusterIP' },
]);

describe('SVC009', () => {
  test('passes: clusterIPs[0] equal to clusterIP, and one cluster IP per family', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] }), WEB_PODS])).toEqual([]);
    expect(ids([web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS])).toEqual([]);
  });

  test('fails if clusterIPs[0] differs from clusterIP', () => {
    // GIVEN
    const manifests = [web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.11'] }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 SVC009 spec.clusterIPs[0]']);
    expect(messageOf(manifests, 'SVC009', 'spec.clusterIPs[0]')).toMatch(/must be equal to `clusterIP` \('10\.96\.0\.10'\)/);
  });

  test('fails if two cluster IPs are of the same family', () => {
    // GIVEN
    const manifests = [web({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', '10.96.0.11'], ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 SVC009 spec.clusterIPs[1]']);
    expect(messageOf(manifests, 'SVC009', 'spec.clusterIPs[1]')).toMatch(/must be of the other IP family than spec\.clusterIPs\[0\]/);
  });
});
