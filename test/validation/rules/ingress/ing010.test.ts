import { ManifestChecker } from '../../../../src';
import { ING010 } from '../../../../src/validation/rules/ingress/ing010';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ruleCases } from '../_case';

const ACTION = 'alb.ingress.kubernetes.io/actions.ssl-redirect';
const REDIRECT = '{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}';
const withAction = (annotations: Record<string, string>) => ingress('site', {
  ingressClassName: 'alb',
  rules: [rule('shop.example.com', path('/', 'ssl-redirect', { name: 'use-annotation' }), path('/api', 'web'))],
}, { annotations });

ruleCases(ING010, [
  {
    title: 'an action backend without its annotation',
    pass: [...ING_OK.slice(0, 2), withAction({ [ACTION]: REDIRECT })],
    fail: [...ING_OK.slice(0, 2), withAction({})],
    field: 'spec.rules[0].http.paths[0].backend.service.name',
  },
]);

test('an action backend is never a Service: with or without its annotation, no Service or port finding', () => {
  // GIVEN the shape Argo Rollouts documents for its ALB canaries: the backend names the stable
  // Service as an action, port `use-annotation`, and the rollout controller adds the annotation
  // (argoproj/argo-rollouts docs/features/traffic-management/alb.md)
  const found = ManifestChecker.check([...ING_OK.slice(0, 2), withAction({})], { complete: true });
  // THEN only the missing annotation is reported, as a warning
  expect(found.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['ING010 warning']);
  expect(found[0].message).toMatch(/unless a controller adds it \(Argo Rollouts does/);
});
