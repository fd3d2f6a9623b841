import { NP005 } from '../../../../src/validation/rules/networkpolicy/np005';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, ruleCases } from '../_case';
import { policy, webPolicy } from './_policy';

ruleCases(NP005, [
  {
    title: 'the podSelector matches no pod template',
    pass: [WEB_PODS, webPolicy([])],
    fail: [WEB_PODS, policy('web', { podSelector: { matchLabels: { app: 'wbe' } }, policyTypes: ['Ingress'] })],
    field: 'spec.podSelector',
  },
  {
    title: 'an empty podSelector in a namespace without pods',
    pass: [WEB_PODS, policy('deny-all', { podSelector: {} })],
    fail: [WEB_PODS, policy('deny-all', { podSelector: {} }, { namespace: 'empty' })],
    field: 'spec.podSelector',
  },
]);

describe('NP005 branches', () => {
  test('a matchExpressions selector is read as the API server reads it', () => {
    const p = policy('web', { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] } });
    expect(ids([WEB_PODS, p]).filter((f) => f.includes('NP005'))).toEqual([]);
  });

  test('a policy after objects the semantics do not read is found at its own index', () => {
    const p = policy('web', { podSelector: { matchLabels: { app: 'wbe' } } });
    expect(ids([web(), WEB_PODS, p]).filter((f) => f.includes('NP005'))).toEqual(['2 NP005 spec.podSelector']);
  });
});
