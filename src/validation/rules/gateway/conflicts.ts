import { hostnamesIntersect, parentsOf, routeHostnames } from './_attach';
import { GATEWAY_INDEX, GatewayIndex } from './_index';
import { Severity } from '../../finding';
import { Manifest, isMap, list, map, namespaceOf, nameOf } from '../_engine';
import { Rule } from '../_rule';

/** One match of a route claimed on one listener for one hostname. */
interface Claim {
  readonly route: Manifest;
  readonly field: string;
  readonly match: unknown;
  readonly listener: string;
  readonly hostname: string;
}

/** A finding of GW109 for one route. */
interface Lost {
  readonly field: string;
  readonly match: unknown;
  readonly hostname: string;
  readonly listener: string;
  readonly winner: string;
  readonly winnerKind: string;
}

function sorted(items: unknown[], show: (x: Record<string, any>) => string): string {
  return items.filter(isMap).map(show).sort().join('&');
}

/** The match as a canonical text, with the CRD defaults (path PathPrefix '/', type Exact). */
function httpMatchKey(m: Record<string, any>): string {
  const path = map(m.path);
  return [
    `path=${path.type ?? 'PathPrefix'}:${path.value ?? '/'}`,
    `method=${m.method ?? ''}`,
    `headers=${sorted(list(m.headers), (h) => `${h.type ?? 'Exact'}:${String(h.name).toLowerCase()}=${h.value}`)}`,
    `query=${sorted(list(m.queryParams), (q) => `${q.type ?? 'Exact'}:${q.name}=${q.value}`)}`,
  ].join(' ');
}

function grpcMatchKey(m: Record<string, any>): string {
  const method = map(m.method);
  return [
    `method=${method.type ?? 'Exact'}:${method.service ?? ''}/${method.method ?? ''}`,
    `headers=${sorted(list(m.headers), (h) => `${h.type ?? 'Exact'}:${String(h.name).toLowerCase()}=${h.value}`)}`,
  ].join(' ');
}

/** `namespace/name` and the creation time: what decides which of two routes wins. */
function order(route: Manifest, index: GatewayIndex): [string, string] {
  const created = map(route.metadata).creationTimestamp;
  return [typeof created === 'string' ? created : '', `${namespaceOf(route, index.defaultNamespace)}/${nameOf(route)}`];
}

/** Whether `a` wins over `b`: the older, then the first by `namespace/name`. */
function wins(a: Manifest, b: Manifest, index: GatewayIndex): boolean {
  const [ca, na] = order(a, index);
  const [cb, nb] = order(b, index);
  if (ca !== '' && cb !== '' && ca !== cb) return ca < cb;
  return na < nb;
}

/** The claims of every route of the set, grouped; the matches each route loses (computed once per check). */
function losses(index: GatewayIndex): Map<Manifest, Lost[]> {
  const memo = index.memo.get('gw109') as Map<Manifest, Lost[]> | undefined;
  if (memo !== undefined) return memo;
  const claims = new Map<string, Claim>();
  const out = new Map<Manifest, Lost[]>();
  for (const route of index.routes) {
    if (route.kind !== 'HTTPRoute' && route.kind !== 'GRPCRoute') continue;
    const hostnames = routeHostnames(route);
    const seen = new Set<string>();
    for (const parent of parentsOf(route, index)) {
      if (parent.kind !== 'attached') continue;
      for (const l of parent.listeners) {
        const hosts = hostnames.length === 0 ? [l.hostname ?? '*'] : hostnames.filter((h) => l.hostname === undefined || hostnamesIntersect(h, l.hostname));
        list(map(route.spec).rules).forEach((rule, i) => {
          const matches = list(map(rule).matches);
          const each = matches.length === 0 ? [{ field: `spec.rules[${i}]`, match: rule, key: route.kind === 'HTTPRoute' ? httpMatchKey({}) : 'all' }]
            : matches.map((m, j) => ({
              field: `spec.rules[${i}].matches[${j}]`, match: m, key: route.kind === 'HTTPRoute' ? httpMatchKey(map(m)) : grpcMatchKey(map(m)),
            }));
          for (const { field, match, key } of each) {
            for (const hostname of hosts) {
              const claimKey = `${route.kind}|${l.id}|${hostname}|${key}`;
              if (seen.has(claimKey)) continue; // the same route twice: its own first rule wins, not a conflict between routes
              seen.add(claimKey);
              const claim: Claim = { route, field, match, listener: l.id, hostname };
              const other = claims.get(claimKey);
              if (other === undefined) {
                claims.set(claimKey, claim);
                continue;
              }
              const [winner, loser] = wins(other.route, route, index) ? [other, claim] : [claim, other];
              claims.set(claimKey, winner);
              const lost = out.get(loser.route) ?? [];
              const winnerName = order(winner.route, index)[1];
              lost.push({
                field: loser.field, match: loser.match, hostname, listener: l.id, winner: winnerName, winnerKind: String(winner.route.kind),
              });
              out.set(loser.route, lost);
            }
          }
        });
      }
    }
  }
  index.memo.set('gw109', out);
  return out;
}

export const GW109: Rule = {
  id: 'GW109',
  summary: 'two routes claim the same hostname, path and match on one listener: only the older one (then the first by namespace/name) gets the requests',
  kinds: ['HTTPRoute', 'GRPCRoute'],
  severity: Severity.WARNING,
  docsUrl: 'https://gateway-api.sigs.k8s.io/api-types/httproute/#merging',
  check(r, set) {
    for (const lost of losses(set.part(GATEWAY_INDEX)).get(r.m) ?? []) {
      const [, ns, gw, listener] = lost.listener.split('/');
      r.report('GW109', lost.field, lost.match,
        `claims the same hostname '${lost.hostname}' and match as ${lost.winnerKind} '${lost.winner}' on listener '${listener}' of '${ns}/${gw}': the older route gets these requests, and with equal creation times '${lost.winner}' (first by namespace/name)`,
        'give the two routes different hostnames or matches, or merge their rules into one route', lost.winner);
    }
  },
};
