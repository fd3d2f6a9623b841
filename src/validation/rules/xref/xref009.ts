import { BACKEND_WALK, backendField, serviceBackendsOf } from './_xref';
import { renderValue } from '../../../core/problems';
import { Severity } from '../../finding';
import { SERVICES } from '../_cross';
import { isMap, list, map, namespaceOf } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const XREF009: Rule = {
  id: 'XREF009',
  summary: 'an Ingress backend port is not a port of its Service',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#the-ingress-resource`,
  walk: BACKEND_WALK,
  uses: [SERVICES],
  check(r, set) {
    const ns = namespaceOf(r.m, r.settings.namespace);
    const services = set.part(SERVICES);
    for (const b of serviceBackendsOf(r.m)) {
      const name = b.name;
      const svc = services.get(ns, name);
      const ports = svc ? list(map(svc.spec).ports).filter(isMap) : [];
      if (ports.length === 0) {
        continue; // XREF008, or nothing to compare with
      }
      // (renderValue for values no rule has checked yet: a template literal throws on some objects)
      const port = map(b.service.port);
      if (typeof port.number === 'number' && port.number !== 0 && !ports.some((p) => p.port === port.number)) {
        r.report('XREF009', `${backendField(b)}.service.port.number`, port.number, `is not a port of Service '${name}' (it has ${ports.map((p) => renderValue(p.port)).join(', ')})`,
          'use the Service port (not the container port)');
      } else if (typeof port.name === 'string' && port.name !== '' && !ports.some((p) => p.name === port.name)) {
        r.report('XREF009', `${backendField(b)}.service.port.name`, port.name, `is not a port name of Service '${name}' (it has ${ports.map((p) => renderValue(p.name ?? '')).join(', ')})`,
          'use the name of a Service port');
      }
    }
  },
};
