import { NP004 } from '../../../../src/validation/rules/networkpolicy/np004';
import { WEB_PODS } from '../../_fixtures';
import { ids, ruleCases } from '../_case';
import { webPolicy } from './_policy';

ruleCases(NP004, [
  {
    title: 'a policy type is not Ingress or Egress',
    pass: [WEB_PODS, webPolicy([], { policyTypes: ['Ingress', 'Egress'] })],
    fail: [WEB_PODS, webPolicy([], { policyTypes: ['Ingress', 'egress'] })],
    field: 'spec.policyTypes[1]',
  },
]);

describe('NP004 branches', () => {
  test('more than two types', () => {
    expect(ids([WEB_PODS, webPolicy([], { policyTypes: ['Ingress', 'Egress', 'Ingress'] })]).filter((f) => f.includes('NP004')))
      .toEqual(['1 NP004 spec.policyTypes']);
  });
});
