import { ManifestChecker } from '../../../../src';
import { ING004 } from '../../../../src/validation/rules/ingress/ing004';
import { WEB_PODS, ingress, rule, web } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(ING004, [
  { title: 'a path without pathType', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', { path: '/', backend: { service: { name: 'web', port: { number: 80 } } } })] })], field: 'spec.rules[0].http.paths[0].pathType' },
]);

test('a missing pathType on a pattern suggests ImplementationSpecific, not Prefix', () => {
  // (nginxinc/kubernetes-ingress examples/ingress-resources/path-regex: `nginx.org/path-regex`)
  const pattern = ingress('tea', { rules: [rule('cafe.example.com', { path: '/tea/[A-Z0-9]', backend: { service: { name: 'web', port: { number: 80 } } } })] });
  const fix = ManifestChecker.check([pattern]).find((f) => f.ruleId === 'ING004')?.fix;
  expect(fix).toBe("use 'ImplementationSpecific' for the pattern '/tea/[A-Z0-9]' (Prefix and Exact compare the path as text)");
});

test('an empty pathType is set, to a value that is not a path type (as the API server says)', () => {
  // (traefik/traefik pkg/provider/kubernetes/ingress/fixtures/Ingress-with-empty-pathType.yml)
  const empty = ingress('web', { rules: [rule('a.example.com', { path: '/', pathType: '', backend: { service: { name: 'web', port: { number: 80 } } } })] });
  const found = ManifestChecker.check([empty]).filter((f) => f.ruleId === 'ING004');
  expect(found.map((f) => [f.value, f.message])).toEqual([["''", "must be one of 'Exact', 'Prefix' or 'ImplementationSpecific'"]]);
});
