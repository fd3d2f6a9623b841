import { XREF009 } from '../../../../src/validation/rules/xref/xref009';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, ids, messageOf, ruleCases } from '../_case';

ruleCases(XREF009, [
  { title: 'an Ingress backend port that the Service lacks', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { number: 8080 }))] })], field: 'spec.rules[0].http.paths[0].backend.service.port.number' },
]);

describe('XREF009', () => {
  test('passes: an Ingress backend naming a port of the Service', () => {
    // GIVEN a backend port by name, 'http', which the Service has
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { name: 'http' }))] })];
    // WHEN / THEN
    expect(ids(manifests)).toEqual([]);
  });

  test('fails if an Ingress backend port name is not a port name of the Service', () => {
    // GIVEN a backend port by name, 'https', which the Service (port 'http' only) lacks
    const manifests = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { name: 'https' }))] })];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['2 XREF009 spec.rules[0].http.paths[0].backend.service.port.name']);
    expect(messageOf(manifests, 'XREF009', 'spec.rules[0].http.paths[0].backend.service.port.name'))
      .toMatch(/is not a port name of Service 'web' \(it has 'http'\)/);
  });
});
