import { Severity } from '../../finding';
import { list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { checkEndpointRange, readIpAddress } from '../net/_ip';

export const SVC012: Rule = {
  id: 'SVC012',
  summary: 'an external IP is not a valid IP address, or is in a range the API server refuses (unspecified, loopback, link-local, link-local multicast)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#external-ips`,
  server: true,
  order: 300,
  carries: ['NET001', 'NET002'],
  check(r) {
    list(map(r.m.spec).externalIPs).forEach((ip, i) => {
      if (typeof ip !== 'string') {
        return;
      }
      const parsed = readIpAddress(r, ip, `spec.externalIPs[${i}]`, 'SVC012');
      if (parsed) {
        checkEndpointRange(r, parsed, ip, `spec.externalIPs[${i}]`, 'SVC012');
      }
    });
  },
};
