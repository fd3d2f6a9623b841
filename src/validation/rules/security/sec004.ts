import { Severity } from '../../finding';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { serviceType } from '../service/_service';

export const SEC004: Rule = {
  id: 'SEC004',
  summary: 'a Service opens a port on every node (type NodePort)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#type-nodeport`,
  profile: 'security',
  one: true,
  order: 830,
  check(r) {
    if (serviceType(r.m) === 'NodePort') {
      r.report('SEC004', 'spec.type', 'NodePort', 'opens the port on every node of the cluster, to every network the nodes are on', 'use an Ingress or a LoadBalancer with source ranges');
    }
  },
};
