import { Severity } from '../../finding';
import { list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SEC001: Rule = {
  id: 'SEC001',
  summary: 'a Service uses `externalIPs`: whoever can edit Services can claim any address this way (CVE-2020-8554)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#external-ips`,
  profile: 'security',
  order: 810,
  check(r) {
    list(map(r.m.spec).externalIPs).forEach((ip, i) => {
      r.report('SEC001', `spec.externalIPs[${i}]`, ip, 'lets the Service claim an address: whoever can edit Services can intercept traffic to any address this way (CVE-2020-8554)',
        'use a LoadBalancer Service, and block `externalIPs` with an admission policy');
    });
  },
};
