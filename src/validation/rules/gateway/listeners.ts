import { kindsOfProtocol, tlsModeOf } from './_attach';
import { GATEWAY_GROUP, ROUTE_KINDS } from './_index';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { Rule } from '../_rule';

export const GW110: Rule = {
  id: 'GW110',
  summary: 'a listener\'s `allowedRoutes.kinds` lists a Gateway API kind that is not a route kind, or a route kind its protocol does not carry',
  kinds: ['Gateway', 'ListenerSet'],
  severity: Severity.WARNING,
  docsUrl: 'https://gateway-api.sigs.k8s.io/reference/spec/#routegroupkind',
  check(r) {
    list(map(r.m.spec).listeners).forEach((l, i) => {
      if (!isMap(l)) return;
      const protocol = typeof l.protocol === 'string' ? l.protocol : '';
      const carried = kindsOfProtocol({ protocol, tlsMode: tlsModeOf(l) });
      const kinds = list(map(l.allowedRoutes).kinds);
      const invalid = kinds.map((k) => (isMap(k) && (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && typeof k.kind === 'string' ? why(k.kind, protocol, carried) : undefined));
      const none = invalid.every((w) => w !== undefined) ? ', and with no other kind the listener admits no route' : '';
      invalid.forEach((w, j) => {
        if (w !== undefined) {
          r.report('GW110', `spec.listeners[${i}].allowedRoutes.kinds[${j}]`, map(kinds[j]).kind,
            `${w}: the listener's ResolvedRefs condition is False (InvalidRouteKinds)${none}`,
            carried !== undefined ? `list kinds that protocol ${protocol} carries (${carried.join(', ')}), or leave \`kinds\` out to take them all`
              : `list route kinds of the Gateway API (${ROUTE_KINDS.join(', ')})`);
        }
      });
    });
  },
};

/** Why a kind of the Gateway API group is not one the listener can take, or undefined when it is. */
function why(kind: string, protocol: string, carried: readonly string[] | undefined): string | undefined {
  if (!ROUTE_KINDS.includes(kind)) {
    return `is not a route kind of the Gateway API (${ROUTE_KINDS.join(', ')})`;
  }
  if (carried !== undefined && !carried.includes(kind)) {
    return `is a route kind that protocol ${protocol} does not carry (it takes ${carried.join(' and ')})`;
  }
  return undefined;
}
