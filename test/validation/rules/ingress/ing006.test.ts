import { ING006 } from '../../../../src/validation/rules/ingress/ing006';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { INGRESS_OK, ING_OK, ids, messageOf, ruleCases } from '../_case';

ruleCases(ING006, [
  { title: 'a backend with port name and number', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { number: 80, name: 'http' }))] })], field: 'spec.rules[0].http.paths[0].backend.service.port' },
]);

describe('ING006', () => {
  test('passes: a backend with a service only', () => {
    // GIVEN / WHEN / THEN
    expect(ids(INGRESS_OK)).toEqual([]);
  });

  test('fails if a backend has both `service` and `resource`', () => {
    // GIVEN
    const backend = { service: { name: 'web', port: { number: 80 } }, resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } };
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', { path: '/', pathType: 'Prefix', backend })] })];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['2 ING006 spec.rules[0].http.paths[0].backend']);
    expect(messageOf(manifests, 'ING006', 'spec.rules[0].http.paths[0].backend')).toMatch(/must not have both `service` and `resource`/);
  });
});
