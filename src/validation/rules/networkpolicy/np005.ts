import { NP_DOCS, POLICIES, isPolicy } from './_np';
import { Severity } from '../../finding';
import { list, map, namespaceOf } from '../_engine';
import { Rule } from '../_rule';

export const NP005: Rule = {
  id: 'NP005',
  summary: 'a NetworkPolicy selects no pod template in its namespace among the manifests',
  kinds: ['NetworkPolicy'],
  severity: Severity.ERROR,
  docsUrl: `${NP_DOCS}#networkpolicy-resource`,
  missing: true,
  one: true,
  order: 1010,
  uses: [POLICIES],
  check(r, set) {
    if (!isPolicy(r.m)) {
      return;
    }
    const model = set.part(POLICIES).model;
    const policy = model.policies.find((p) => p.manifestIndex === r.m.index);
    if (policy === undefined || !policy.podSelector.valid) {
      return; // (NP001)
    }
    if (model.selectedPods(policy).length === 0) {
      const ns = namespaceOf(r.m, r.settings.namespace);
      const selector = map(map(r.m.spec).podSelector);
      if (Object.keys(map(selector.matchLabels)).length === 0 && list(selector.matchExpressions).length === 0) {
        // every pod of the namespace: a namespace-wide policy (a default deny) in a namespace with no pods
        r.reportMissing('NP005', 'spec.podSelector', {}, `selects every pod of namespace '${ns}', and there is no pod template in it`,
          'the policy isolates no pod: is it in the namespace of the pods it should protect?',
          'put the policy in the namespace of the workloads (`metadata.namespace`), or acknowledge this if that namespace\'s pods are created elsewhere');
        return;
      }
      r.reportMissing('NP005', 'spec.podSelector', map(r.m.spec).podSelector ?? {}, `selects no pod template in namespace '${ns}'`,
        'the policy isolates no pod and its rules allow nothing',
        'make `podSelector` match the labels of a workload\'s pod template (or acknowledge this if the pods are created elsewhere)');
    }
  },
};
