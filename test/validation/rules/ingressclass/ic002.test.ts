import { IC002 } from '../../../../src/validation/rules/ingressclass/ic002';
import { ingressClass } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(IC002, [
  { title: 'namespaced parameters without namespace', pass: [ingressClass({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Params', name: 'p', scope: 'Namespace', namespace: 'ops' } })], fail: [ingressClass({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Params', name: 'p', scope: 'Namespace' } })], field: 'spec.parameters.namespace' },
]);

describe('IC002', () => {
  const params = (more: any) => ingressClass({ controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'Params', name: 'p', ...more } });

  test('passes: Cluster-scoped parameters without namespace, Namespace-scoped with one', () => {
    // GIVEN / WHEN / THEN
    expect(ids([params({ scope: 'Cluster' })])).toEqual([]);
    expect(ids([params({})])).toEqual([]);
    expect(ids([params({ scope: 'Namespace', namespace: 'ops' })])).toEqual([]);
  });

  test('fails if Cluster-scoped parameters (explicitly or by default) have a namespace', () => {
    // GIVEN
    const explicit = [params({ scope: 'Cluster', namespace: 'ops' })];
    const byDefault = [params({ namespace: 'ops' })];
    // WHEN / THEN
    expect(ids(explicit)).toEqual(['0 IC002 spec.parameters.namespace']);
    expect(ids(byDefault)).toEqual(['0 IC002 spec.parameters.namespace']);
    expect(messageOf(explicit, 'IC002', 'spec.parameters.namespace')).toMatch(/must not be set when `scope` is 'Cluster'/);
  });
});
