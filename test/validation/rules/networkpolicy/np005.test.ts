import { ManifestChecker, Severity } from '../../../../src';
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

test('an empty podSelector is a namespace-wide policy: the finding asks whether the namespace is right', () => {
  // GIVEN a default deny alone in its file (metallb/metallb config/networkpolicies/deny_all.yaml)
  const denyAll = policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, { namespace: 'metallb-system' });
  // WHEN checked on its own THEN a warning says what is missing, and advises on the namespace
  const found = ManifestChecker.check([denyAll]).filter((f) => f.ruleId === 'NP005');
  expect(found.map((f) => [f.severity, f.message, f.fix])).toEqual([[
    Severity.WARNING,
    expect.stringMatching(/^selects every pod of namespace 'metallb-system', and there is no pod template in it among the manifests checked: .*is it in the namespace of the pods it should protect\?$/),
    expect.stringMatching(/^put the policy in the namespace of the workloads/),
  ]]);
});
