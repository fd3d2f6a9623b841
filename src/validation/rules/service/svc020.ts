import { serviceType } from './_service';
import { IpAddress } from '../../../net/ip';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC020: Rule = {
  id: 'SVC020',
  summary: 'an externalName is an IP address: DNS resolves it to nothing (a CNAME must name a host)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#externalname`,
  one: true,
  order: 281,
  check(r) {
    const name = map(r.m.spec).externalName;
    if (typeof name !== 'string' || name === '' || serviceType(r.m) !== 'ExternalName') {
      return;
    }
    const clean = name.endsWith('.') ? name.slice(0, -1) : name;
    // (a name that is not a DNS name is SVC010's)
    if (IpAddress.isValid(clean) && KubeName.dns1123SubdomainErrors(clean).length === 0) {
      r.report('SVC020', 'spec.externalName', name, 'is an IP address: an ExternalName is a DNS CNAME, and a CNAME to an IP address resolves to nothing',
        'for an IP backend use a Service without selector plus an EndpointSlice with that address');
    }
  },
};
