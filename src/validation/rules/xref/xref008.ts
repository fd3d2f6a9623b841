import { BACKEND_WALK, backendField, inNamespace, serviceBackendsOf } from './_xref';
import { Severity } from '../../finding';
import { SERVICES, routingOf } from '../_cross';
import { namespaceOf } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

/**
 * What the controller of `className` does with a backend Service that does not exist: the
 * GKE controller (ingress-gce) fails the translation of the whole Ingress and programs none of
 * it; the NGINX-based controllers answer the path's requests with a server error.
 */
function consequenceFor(className: string, defaultBackend: boolean): string {
  return className === 'gce' || className === 'gce-internal'
    ? 'ingress-gce programs no path of this Ingress (a missing Service fails its translation)'
    : `the controller answers ${defaultBackend ? 'the requests no rule takes' : 'requests for this path'} with a server error (503 from ingress-nginx, 502 from NGINX Ingress Controller)`;
}

export const XREF008: Rule = {
  id: 'XREF008',
  summary: 'an Ingress backend names a Service that is not among the manifests in its namespace',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#the-ingress-resource`,
  missing: true,
  walk: BACKEND_WALK,
  uses: [SERVICES],
  check(r, set) {
    const ns = namespaceOf(r.m, r.settings.namespace);
    const services = set.part(SERVICES);
    const className = routingOf(r.m)?.className ?? '';
    for (const b of serviceBackendsOf(r.m)) {
      const name = b.name;
      if (!services.get(ns, name) && !r.isExternal('Service', ns, name)) {
        r.reportMissing('XREF008', `${backendField(b)}.service.name`, name, `names Service '${name}', which is not ${inNamespace(ns)}`,
          consequenceFor(className, b.rule < 0), 'create the Service in the Ingress\'s namespace, or fix the name', name);
      }
    }
  },
};
