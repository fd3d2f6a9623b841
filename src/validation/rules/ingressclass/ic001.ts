import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

const MAX_CONTROLLER_LENGTH = 250;

export const IC001: Rule = {
  id: 'IC001',
  summary: 'an IngressClass needs `spec.controller`, a domain-prefixed path of at most 250 characters',
  kinds: ['IngressClass'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#ingress-class`,
  server: true,
  order: 610,
  check(r) {
    const controller = map(r.m.spec).controller;
    if (typeof controller !== 'string' || controller === '') {
      r.report('IC001', 'spec.controller', controller, 'is required', 'name the controller as a domain-prefixed path, e.g. \'k8s.io/ingress-nginx\'');
      return;
    }
    if (controller.length > MAX_CONTROLLER_LENGTH) {
      r.report('IC001', 'spec.controller', controller, `must be no more than ${MAX_CONTROLLER_LENGTH} characters (it has ${controller.length})`);
    }
    const slash = controller.indexOf('/');
    if (slash <= 0 || slash === controller.length - 1) {
      r.report('IC001', 'spec.controller', controller, 'must be a domain-prefixed path such as \'example.com/ingress-controller\'');
    } else {
      KubeName.dns1123SubdomainErrors(controller.slice(0, slash)).forEach((e) => r.report('IC001', 'spec.controller', controller, `domain part ${e}`));
      if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(controller.slice(slash + 1))) {
        r.report('IC001', 'spec.controller', controller, 'path part must contain only characters valid in a URL path');
      }
    }
  },
};
