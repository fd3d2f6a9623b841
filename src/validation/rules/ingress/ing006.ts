import { INGRESS_WALK, checkReference, forEachPath } from './_ingress';
import { KubeName } from '../../../net/names';
import { PortRules } from '../../../net/port';
import { Severity } from '../../finding';
import { Reporter, absent, isMap, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

function checkBackend(r: Reporter, backend: Record<string, any>, at: string): void {
  const svc = backend.service;
  const hasService = isMap(svc);
  const hasResource = isMap(backend.resource);
  if (hasService && hasResource) {
    r.report('ING006', at, undefined, 'must not have both `service` and `resource`', 'keep one of them');
    return;
  }
  if (hasResource) {
    const res = backend.resource;
    checkReference(r, 'ING006', res, `${at}.resource`);
    if (typeof res.apiGroup === 'string' && res.apiGroup !== '') {
      KubeName.dns1123SubdomainErrors(res.apiGroup).forEach((e) => r.report('ING006', `${at}.resource.apiGroup`, res.apiGroup, e));
    }
    return;
  }
  if (!hasService) {
    r.report('ING006', at, undefined, 'must have a `service` (or a `resource`)', 'give `service: { name, port: { number } }`');
    return;
  }
  const name = svc.name;
  if (absent(name)) {
    r.report('ING006', `${at}.service.name`, undefined, 'is required', 'name the Service that receives the traffic');
  } else if (typeof name === 'string') {
    KubeName.dns1035LabelErrors(name).forEach((e) => r.report('ING006', `${at}.service.name`, name, e));
  }
  const port = map(svc.port);
  const hasName = typeof port.name === 'string' && port.name !== '';
  const hasNumber = typeof port.number === 'number' && port.number !== 0;
  if (hasName && hasNumber) {
    r.report('ING006', `${at}.service.port`, port, 'must not have both `name` and `number`', 'keep one of them');
  } else if (hasName) {
    KubeName.ianaSvcNameErrors(port.name).forEach((e) => r.report('ING006', `${at}.service.port.name`, port.name, e));
  } else if (hasNumber) {
    PortRules.portNumberErrors(port.number).forEach((e) => r.report('ING006', `${at}.service.port.number`, port.number, e));
  } else {
    r.report('ING006', `${at}.service.port`, svc.port, 'must have a port `name` or `number`', 'give the Service port, e.g. { number: 80 }');
  }
}

export const ING006: Rule = {
  id: 'ING006',
  summary: 'a backend is not exactly one of a Service (name and port) or a resource',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#resource-backend`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    const defaultBackend = map(r.m.spec).defaultBackend;
    if (isMap(defaultBackend)) {
      checkBackend(r, defaultBackend, 'spec.defaultBackend');
    }
    forEachPath(r, (p, i, j) => {
      const at = `spec.rules[${i}].http.paths[${j}].backend`;
      if (!isMap(p.backend)) {
        r.report('ING006', at, p.backend, 'is required', 'give a `service` with `name` and `port`');
      } else {
        checkBackend(r, p.backend, at);
      }
    });
  },
};
