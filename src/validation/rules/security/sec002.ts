import { IpAddress, IpAddressScope } from '../../../net/ip';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { serviceType } from '../service/_service';

/** Host names of cloud metadata services and of the node itself. */
const METADATA_HOSTS = new Set([
  'localhost', 'localhost.localdomain', 'metadata', 'metadata.google.internal', 'metadata.azure.internal', 'instance-data', 'instance-data.ec2.internal',
]);

export const SEC002: Rule = {
  id: 'SEC002',
  summary: 'an ExternalName points at localhost, a loopback or link-local address, or a cloud metadata host',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#externalname`,
  profile: 'security',
  one: true,
  order: 820,
  check(r) {
    const externalName = map(r.m.spec).externalName;
    if (serviceType(r.m) !== 'ExternalName' || typeof externalName !== 'string') {
      return;
    }
    const host = externalName.replace(/\.$/, '').toLowerCase();
    const ip = IpAddress.isValid(host) ? IpAddress.parse(host) : undefined;
    const local = ip !== undefined && [IpAddressScope.LOOPBACK, IpAddressScope.LINK_LOCAL, IpAddressScope.UNSPECIFIED].includes(ip.scope);
    if (METADATA_HOSTS.has(host) || host.endsWith('.localhost') || local) {
      r.report('SEC002', 'spec.externalName', externalName,
        'points at the node itself or a cloud metadata service: pods that trust the Service name reach it, and so does anything that proxies by Service name',
        'point the ExternalName at the real backend');
    }
  },
};
