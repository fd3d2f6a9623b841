import { ParentResult, parentsOf } from './_attach';
import { GATEWAY_INDEX, ROUTE_KINDS } from './_index';
import { Severity } from '../../finding';
import { Reporter, list, map } from '../_engine';
import { ManifestSet, Rule } from '../_rule';

const HTTPROUTE = 'https://gateway-api.sigs.k8s.io/api-types/httproute/';

/** Calls `each` with every parentRef result of the current route, its field path and the parentRef. */
function eachParent(r: Reporter, set: ManifestSet, each: (p: ParentResult, field: string, ref: unknown) => void): void {
  const results = parentsOf(r.m, set.part(GATEWAY_INDEX));
  const refs = list(map(r.m.spec).parentRefs);
  for (let i = 0; i < results.length; i++) {
    each(results[i], `spec.parentRefs[${i}]`, refs[i]);
  }
}

export const GW101: Rule = {
  id: 'GW101',
  summary: 'a route\'s parentRef names a Gateway (or ListenerSet) that is not among the manifests',
  kinds: ROUTE_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${HTTPROUTE}#parentrefs`,
  missing: true,
  check(r, set) {
    eachParent(r, set, (p, field) => {
      if (p.kind === 'missing' && !r.isExternal(p.parentKind, p.namespace, p.name)) {
        r.reportMissing('GW101', `${field}.name`, p.name, `names ${p.parentKind} '${p.name}', which is not in namespace '${p.namespace}'`,
          'the route is attached to no Gateway and serves no traffic', `create the ${p.parentKind}, or fix the name (and \`namespace\`) of the parentRef`, p.name);
      }
    });
  },
};

export const GW102: Rule = {
  id: 'GW102',
  summary: 'a route\'s parentRef `sectionName` or `port` names no listener of its Gateway',
  kinds: ROUTE_KINDS,
  severity: Severity.ERROR,
  docsUrl: `${HTTPROUTE}#parentrefs`,
  check(r, set) {
    eachParent(r, set, (p, field, ref) => {
      if (p.kind === 'no-listener') {
        const names = p.listeners.map((l) => `'${l.name}' (port ${String(l.port)})`).join(', ');
        r.report('GW102', field, ref, `selects no listener of ${p.parentKind} '${p.name}' (it has ${names || 'none'}): the route is not accepted there (NoMatchingParent)`,
          'make `sectionName` the name of a listener, and `port` its port (or leave them out)', p.name);
      }
    });
  },
};

export const GW103: Rule = {
  id: 'GW103',
  summary: 'no hostname of a route intersects the hostname of the listeners it attaches to, so it is not accepted there',
  kinds: ROUTE_KINDS,
  severity: Severity.WARNING,
  docsUrl: `${HTTPROUTE}#hostnames`,
  check(r, set) {
    eachParent(r, set, (p, field) => {
      if (p.kind === 'no-hostname') {
        r.report('GW103', 'spec.hostnames', map(r.m.spec).hostnames,
          `has no hostname in common with the listeners of ${p.parentKind} '${p.name}' that admit the route (${p.hostnames.join(', ')}), given by ${field}: the route is not accepted there (NoMatchingListenerHostname)`,
          'add a hostname the listener serves (a `*.` wildcard matches one or more labels, never the bare domain), or fix the listener hostname', p.name);
      }
    });
  },
};

export const GW104: Rule = {
  id: 'GW104',
  summary: 'the listeners a route\'s parentRef selects do not admit routes of its namespace or kind (`allowedRoutes`)',
  kinds: ROUTE_KINDS,
  severity: Severity.WARNING,
  docsUrl: 'https://gateway-api.sigs.k8s.io/guides/multiple-ns/',
  check(r, set) {
    eachParent(r, set, (p, field, ref) => {
      if (p.kind === 'not-allowed') {
        r.report('GW104', field, ref, `is not admitted by ${p.parentKind} '${p.name}': ${p.why} (NotAllowedByListeners)`,
          'set the listener\'s `allowedRoutes` (namespaces.from: All or Selector, kinds) to admit the route, or attach it to another listener', p.name);
      }
    });
  },
};

/** The rules of route attachment. */
export const PARENT_RULES: readonly Rule[] = [GW101, GW102, GW103, GW104];
