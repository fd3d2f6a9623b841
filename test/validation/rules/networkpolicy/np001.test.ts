import { NP001 } from '../../../../src/validation/rules/networkpolicy/np001';
import { WEB_PODS } from '../../_fixtures';
import { ids, ruleCases } from '../_case';
import { policy, webPolicy } from './_policy';

ruleCases(NP001, [
  {
    title: 'a matchExpressions operator is not one of In, NotIn, Exists, DoesNotExist',
    pass: [WEB_PODS, webPolicy([{ from: [{ podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['client'] }] } }] }])],
    fail: [WEB_PODS, webPolicy([{ from: [{ podSelector: { matchExpressions: [{ key: 'role', operator: 'Equals', values: ['client'] }] } }] }])],
    field: 'spec.ingress[0].from[0].podSelector.matchExpressions[0].operator',
  },
  {
    title: 'In has no values',
    pass: [WEB_PODS, webPolicy([{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } }] }])],
    fail: [WEB_PODS, webPolicy([{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: [] }] } }] }])],
    field: 'spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values',
  },
  {
    title: 'a podSelector label value has invalid syntax',
    pass: [WEB_PODS, policy('web', { podSelector: { matchLabels: { app: 'web' } } })],
    fail: [WEB_PODS, policy('web', { podSelector: { matchLabels: { app: 'web!' } } })],
    field: 'spec.podSelector.matchLabels[app]',
  },
]);

describe('NP001 branches', () => {
  test('Exists with values, and a bad key, are reported where they are', () => {
    const found = ids([WEB_PODS, webPolicy([], {
      podSelector: { matchLabels: { 'a/b/c': 'x' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: ['x'] }] },
    })]).filter((f) => f.includes('NP001'));
    expect(found).toEqual([
      '1 NP001 spec.podSelector.matchLabels',
      '1 NP001 spec.podSelector.matchExpressions[0].values',
    ]);
  });
});

test('a `values` that is a string, not a list, is a wrong type (API004), not a missing field', () => {
  // (IBM/network-config-analyzer tests/k8s_testcases/network-policy-checks-bad-path/matchexpressions_values_wrong_form.yaml)
  const p = policy('x', { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: 'web' }] } });
  expect(ids([WEB_PODS, p]).filter((f) => f.includes('matchExpressions[0].values'))).toEqual(['1 API004 spec.podSelector.matchExpressions[0].values']);
});
