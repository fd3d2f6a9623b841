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

test('AWS Load Balancer Controller Ingresses collide only within one IngressGroup', () => {
  // GIVEN two ALB Ingresses serving the same path (argoproj/argo-rollouts test/e2e/functional/
  // alb-canary-multi-ingress-rollout.yaml): without `group.name` each is an implicit group of
  // its own, with a load balancer of its own (the controller's IngressGroup docs)
  const alb = (name: string, annotations: Record<string, string>) =>
    ingress(name, { rules: [rule(undefined, path('/', 'web', { number: 80 }, 'ImplementationSpecific'))] }, { annotations: { 'kubernetes.io/ingress.class': 'alb', ...annotations } });
  const xref011 = (set: any[]) => ManifestChecker.check(set, { complete: false }).filter((f) => f.ruleId === 'XREF011').map((f) => `${f.name}: ${f.message}`);
  expect(xref011([alb('a', {}), alb('b', {})])).toEqual([]);
  expect(xref011([alb('a', { 'alb.ingress.kubernetes.io/group.name': 'shop' }), alb('b', {})])).toEqual([]);
  // WHEN both join one group THEN they share a load balancer, and the second path collides
  const group = { 'alb.ingress.kubernetes.io/group.name': 'shop' };
  expect(xref011([alb('a', group), alb('b', group)])).toEqual([expect.stringMatching(/^b: is already served for host '\*' by Ingress 'default\/a' .*\(class 'alb'\) \(IngressGroup 'shop'\)/)]);
});
