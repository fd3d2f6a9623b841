import { ADDRESS_TYPES } from './_endpointslice';
import { Severity } from '../../finding';
import { oneOf } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';

export const EPS001: Rule = {
  id: 'EPS001',
  summary: 'addressType is missing or not IPv4, IPv6 or FQDN',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: `${EPS_DOCS}#address-types`,
  server: true,
  order: 230,
  check(r) {
    const addressType = r.m.obj.addressType;
    if (typeof addressType !== 'string' || addressType === '') {
      r.report('EPS001', 'addressType', addressType, 'is required', `use one of ${oneOf(ADDRESS_TYPES)}`);
    } else if (!ADDRESS_TYPES.includes(addressType)) {
      const fixed = ADDRESS_TYPES.find((t) => t.toLowerCase() === addressType.toLowerCase());
      r.report('EPS001', 'addressType', addressType, `must be one of ${oneOf(ADDRESS_TYPES)}`, fixed ? `did you mean '${fixed}'?` : undefined);
    }
  },
};
