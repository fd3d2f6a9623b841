import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { D, FIVE } from '../_links';
import { Rule } from '../_rule';

export const META002: Rule = {
  id: 'META002',
  summary: 'the namespace is not a DNS-1123 label',
  kinds: FIVE,
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/overview/working-with-objects/namespaces/`,
  server: true,
  order: 120,
  check(r) {
    const ns = r.m.namespace;
    // (a namespace on a cluster-scoped IngressClass is META005's)
    if (typeof ns === 'string' && ns !== '' && r.m.kind !== 'IngressClass') {
      for (const e of KubeName.dns1123LabelErrors(ns)) {
        r.report('META002', 'metadata.namespace', ns, e);
      }
    }
  },
};
