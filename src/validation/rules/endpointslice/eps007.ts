import { ENDPOINT_WALK } from './_endpointslice';
import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';

const MAX_ADDRESSES = 100;

export const EPS007: Rule = {
  id: 'EPS007',
  summary: 'an endpoint has several addresses: consumers use only the first one',
  kinds: ['EndpointSlice'],
  severity: Severity.WARNING,
  docsUrl: EPS_DOCS,
  walk: ENDPOINT_WALK,
  check(r) {
    list(r.m.obj.endpoints).forEach((ep, i) => {
      const addresses = isMap(ep) ? list(ep.addresses) : [];
      // (more than 100 is EPS002's)
      if (addresses.length > 1 && addresses.length <= MAX_ADDRESSES) {
        r.report('EPS007', `endpoints[${i}].addresses`, addresses, 'has more than one address: kube-proxy uses only the first one (the API lets every consumer use only the first)', 'make one endpoint per address');
      }
    });
  },
};
