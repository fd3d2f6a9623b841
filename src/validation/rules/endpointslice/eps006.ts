import { ENDPOINT_WALK } from './_endpointslice';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { EPS_DOCS } from '../_links';
import { Rule } from '../_rule';

const MAX_ZONE_HINTS = 8;

export const EPS006: Rule = {
  id: 'EPS006',
  summary: 'an endpoint hostname, nodeName or zone hint is invalid',
  kinds: ['EndpointSlice'],
  severity: Severity.ERROR,
  docsUrl: EPS_DOCS,
  server: true,
  walk: ENDPOINT_WALK,
  check(r) {
    list(r.m.obj.endpoints).forEach((ep, i) => {
      if (!isMap(ep)) {
        return;
      }
      const at = `endpoints[${i}]`;
      if (typeof ep.hostname === 'string' && ep.hostname !== '') {
        KubeName.dns1123LabelErrors(ep.hostname).forEach((e) => r.report('EPS006', `${at}.hostname`, ep.hostname, e));
      }
      if (typeof ep.nodeName === 'string' && ep.nodeName !== '') {
        KubeName.dns1123SubdomainErrors(ep.nodeName).forEach((e) => r.report('EPS006', `${at}.nodeName`, ep.nodeName, e));
      }
      const zones = list(map(ep.hints).forZones);
      if (zones.length > MAX_ZONE_HINTS) {
        r.report('EPS006', `${at}.hints.forZones`, `${zones.length} zones`, `must have at most ${MAX_ZONE_HINTS} entries`);
      }
      zones.forEach((z, k) => {
        if (!isMap(z) || typeof z.name !== 'string' || z.name === '') {
          r.report('EPS006', `${at}.hints.forZones[${k}].name`, isMap(z) ? z.name : z, 'is required', 'give the zone name');
        }
      });
    });
  },
};
