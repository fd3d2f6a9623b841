import { ENDPOINT_WALK } from './_endpointslice';
import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';
import { checkOneBackend, checkServerRange, serverReading } from '../net/_ip';

export const EPS004: Rule = {
  id: 'EPS004',
  summary: 'an endpoint address is in a range the API server refuses for endpoints (unspecified, loopback, link-local such as the metadata service, link-local multicast)',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: EPS_DOCS,
  server: true,
  walk: ENDPOINT_WALK,
  carries: ['NET002'],
  check(r) {
    const addressType = r.m.obj.addressType;
    if (addressType !== 'IPv4' && addressType !== 'IPv6') {
      return;
    }
    list(r.m.obj.endpoints).forEach((ep, i) => {
      if (!isMap(ep)) {
        return;
      }
      list(ep.addresses).forEach((address, j) => {
        // (EPS003 reads the address, and reports one the server rejects or of the other family)
        const ip = typeof address === 'string' ? serverReading(address) : undefined;
        if (ip !== undefined && ip.family === addressType) {
          const field = `endpoints[${i}].addresses[${j}]`;
          checkServerRange(r, ip, address, field, 'EPS004');
          checkOneBackend(r, ip, address, field);
        }
      });
    });
  },
};
