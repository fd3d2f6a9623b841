import { ENDPOINT_WALK } from './_endpointslice';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';
import { readIpAddress } from '../net/_ip';

export const EPS003: Rule = {
  id: 'EPS003',
  summary: 'an endpoint address does not match the slice addressType',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: `${EPS_DOCS}#address-types`,
  server: true,
  walk: ENDPOINT_WALK,
  carries: ['NET001'],
  check(r) {
    const addressType = r.m.obj.addressType;
    if (addressType !== 'FQDN' && addressType !== 'IPv4' && addressType !== 'IPv6') {
      return; // EPS001 reports it
    }
    list(r.m.obj.endpoints).forEach((ep, i) => {
      if (!isMap(ep)) {
        return;
      }
      list(ep.addresses).forEach((address, j) => {
        if (typeof address !== 'string') {
          return;
        }
        const field = `endpoints[${i}].addresses[${j}]`;
        if (addressType === 'FQDN') {
          const name = address.endsWith('.') ? address.slice(0, -1) : address;
          const errors = KubeName.dns1123SubdomainErrors(name);
          errors.forEach((e) => r.report('EPS003', field, address, e, 'an FQDN slice holds DNS names'));
          if (errors.length === 0 && !name.includes('.')) {
            r.report('EPS003', field, address, 'must be a fully qualified domain name with at least two labels separated by \'.\'', `e.g. '${name}.example.com'`);
          }
          return;
        }
        const ip = readIpAddress(r, address, field, 'EPS003');
        if (ip !== undefined && ip.family !== addressType) {
          r.report('EPS003', field, address, `must be an ${addressType} address, as \`addressType\` says`, `put ${ip.family} addresses in a separate EndpointSlice with \`addressType: ${ip.family}\``);
        }
      });
    });
  },
};
