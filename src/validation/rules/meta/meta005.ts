import { Severity } from '../../finding';
import { D } from '../_links';
import { Rule } from '../_rule';

export const META005: Rule = {
  id: 'META005',
  summary: 'a namespace on a cluster-scoped object (IngressClass) is ignored',
  kinds: ['IngressClass'],
  severity: Severity.WARNING,
  docsUrl: `${D}/concepts/overview/working-with-objects/namespaces/#not-all-objects-are-in-a-namespace`,
  one: true,
  order: 120,
  check(r) {
    const ns = r.m.namespace;
    if (typeof ns === 'string' && ns !== '') {
      r.report('META005', 'metadata.namespace', ns, 'is ignored: an IngressClass is cluster-scoped', 'remove `metadata.namespace`');
    }
  },
};
