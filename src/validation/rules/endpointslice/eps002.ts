import { ENDPOINT_WALK } from './_endpointslice';
import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';

const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;

export const EPS002: Rule = {
  id: 'EPS002',
  summary: 'an EndpointSlice has more than 1000 endpoints, or an endpoint has no address or more than 100',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: EPS_DOCS,
  server: true,
  walk: ENDPOINT_WALK,
  check(r) {
    const endpoints = list(r.m.obj.endpoints);
    if (endpoints.length > MAX_ENDPOINTS) {
      r.report('EPS002', 'endpoints', `${endpoints.length} endpoints`, `must have at most ${MAX_ENDPOINTS} endpoints`, 'split the endpoints over several EndpointSlices with the same `kubernetes.io/service-name` label');
    }
    endpoints.forEach((ep, i) => {
      if (!isMap(ep)) {
        return;
      }
      const addresses = list(ep.addresses);
      if (addresses.length === 0) {
        r.report('EPS002', `endpoints[${i}].addresses`, ep.addresses, 'must have at least 1 address', 'give the endpoint\'s address');
      } else if (addresses.length > MAX_ADDRESSES) {
        r.report('EPS002', `endpoints[${i}].addresses`, `${addresses.length} addresses`, `must have at most ${MAX_ADDRESSES} addresses`);
      }
    });
  },
};
