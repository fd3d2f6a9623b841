import { compareNames, podSelectorOf, portNamesOf, reportAbsentPorts } from './_xref';
import { Severity } from '../../finding';
import { BACKENDS, SERVICES, SERVICE_NAME_LABEL } from '../_cross';
import { Reporter, isMap, list, map, nameOf, namespaceOf } from '../_engine';
import { SVC_DOCS } from '../_links';
import { ManifestSet, Rule } from '../_rule';
import { serviceType } from '../service/_service';

/** The port names of a slice against those of its Service (and, on its first slice, the union of all). */
function checkSlice(r: Reporter, set: ManifestSet): void {
  const serviceName = isMap(r.m.labels) ? r.m.labels[SERVICE_NAME_LABEL] : undefined;
  if (typeof serviceName !== 'string' || serviceName === '') {
    return; // XREF005
  }
  const ns = namespaceOf(r.m, r.settings.namespace);
  const svc = set.part(SERVICES).get(ns, serviceName);
  if (!svc || serviceType(svc) === 'ExternalName' || podSelectorOf(svc) !== undefined) {
    return; // XREF004, no ports to compare with, or a Service whose own slices the controller writes
  }
  const wanted = portNamesOf(map(svc.spec).ports);
  if (wanted.length === 0) {
    return; // the Service has no ports to compare with
  }
  const ports = r.m.obj.ports;
  compareNames(r, svc, wanted, ports, 'ports');
  const all = set.part(BACKENDS).slicesOf(ns, serviceName);
  if (all && all.first === r.m) {
    // once per Service, on its first slice
    reportAbsentPorts(r, svc, wanted, all.names, all.count > 1, 'ports', () => (list(ports).length === 0 ? undefined : portNamesOf(ports)));
  }
}

/** The port names of an Endpoints object against those of its Service. */
function checkEndpoints(r: Reporter, set: ManifestSet): void {
  const svc = set.part(SERVICES).get(namespaceOf(r.m, r.settings.namespace), nameOf(r.m));
  if (!svc || serviceType(svc) === 'ExternalName' || podSelectorOf(svc) !== undefined) {
    return; // XREF007, no ports to compare with, or a Service whose Endpoints the controller writes
  }
  const wanted = portNamesOf(map(svc.spec).ports);
  const have = new Set<string>();
  let compared = false;
  const subsets = list(r.m.obj.subsets);
  subsets.forEach((subset, i) => {
    if (wanted.length > 0) {
      compareNames(r, svc, wanted, map(subset).ports, `subsets[${i}].ports`);
      compared = true;
    }
    portNamesOf(map(subset).ports).forEach((name) => have.add(name));
  });
  if (compared) {
    reportAbsentPorts(r, svc, wanted, have, subsets.length > 1, subsets.length === 1 ? 'subsets[0].ports' : 'subsets', () => [...have]);
  }
}

export const XREF006: Rule = {
  id: 'XREF006',
  summary: 'the port names of an EndpointSlice or Endpoints differ from those of its Service without selector',
  kinds: ['EndpointSlice', 'Endpoints'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#services-without-selectors`,
  order: 1050,
  uses: [SERVICES, BACKENDS],
  check(r, set) {
    if (r.m.kind === 'EndpointSlice') {
      checkSlice(r, set);
    } else {
      checkEndpoints(r, set);
    }
  },
};
