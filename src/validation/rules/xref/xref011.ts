import { Severity } from '../../finding';
import { INGRESS_PATHS, ServedPath, forEachServedPath, routingOf } from '../_cross';
import { nameOf } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

/** The field of the path of `spec.rules[rule].http.paths[path]`. */
function pathField(rule: number, path: number): string {
  return `spec.rules[${rule}].http.paths[${path}].path`;
}

/** `Ingress 'ns/name' spec.rules[0].http.paths[0].path`: where a path is served, for messages. */
function describeServed(s: ServedPath): string {
  return `Ingress '${s.ns ? `${s.ns}/` : ''}${nameOf(s.ing)}' ${pathField(s.rule, s.path)}`;
}

export const XREF011: Rule = {
  id: 'XREF011',
  summary: 'the same host and path, matched the same way, are served by two Ingresses (or twice by one) of the same class and entry points',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#name-based-virtual-hosting`,
  order: 1090,
  uses: [INGRESS_PATHS],
  check(r, set) {
    const routing = routingOf(r.m);
    if (routing === undefined) {
      return; // a canary
    }
    const paths = set.part(INGRESS_PATHS);
    const { className, entryPoints } = routing;
    const albGroup = routing.albGroup !== undefined ? ` (IngressGroup '${routing.albGroup}')` : '';
    forEachServedPath(r.m, (host, path, i, j, match) => {
      const first = paths.firstServing(routing, host, path, match);
      if (first !== undefined && (first.ing !== r.m || first.rule !== i || first.path !== j)) {
        r.report('XREF011', pathField(i, j), path, `is already served for host '${host || '*'}' by ${describeServed(first)}${className ? ` (class '${className}')` : ''}${entryPoints ? ` (entry points '${entryPoints}')` : ''}${albGroup}: the controller picks one of them`,
          'serve each host and path from one Ingress only');
      }
    });
  },
};
