import { ManifestChecker } from '../../../../src';
import { XREF011 } from '../../../../src/validation/rules/xref/xref011';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

ruleCases(XREF011, [
  { title: 'a host and path served by two Ingresses', pass: [...ING_OK, ingress('other', { rules: [rule('shop.example.com', path('/api'))] })], fail: [...ING_OK, ingress('other', { rules: [rule('shop.example.com', path('/'))] })], field: 'spec.rules[0].http.paths[0].path' },
]);

test('an Exact path and a Prefix path of the same text are two routes, not a duplicate', () => {
  // GIVEN `/sub/path` served as Exact and as Prefix (istio/istio pilot/pkg/config/kube/ingress/
  // testdata/simple.yaml; the Ingress docs, "Multiple matches": an exact path wins over a prefix
  // path of the same length, so each serves its own requests)
  const both = ingress('foo', { rules: [rule('foohost.bar.com', path('/sub/path', 'web', { number: 80 }, 'Exact'), path('/sub/path'))] });
  // WHEN checked, alone and beside an Ingress serving the same prefix path again
  const alone = ManifestChecker.check([both], { complete: true }).filter((f) => f.ruleId === 'XREF011');
  const twice = ManifestChecker.check([both, ingress('bar', { rules: [rule('foohost.bar.com', path('/sub/path'))] })], { complete: true })
    .filter((f) => f.ruleId === 'XREF011');
  // THEN only the second Prefix path is a duplicate
  expect(alone).toEqual([]);
  expect(twice.map((f) => `${f.name} ${f.field}`)).toEqual(['bar spec.rules[0].http.paths[0].path']);
});
