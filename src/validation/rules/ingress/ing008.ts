import { CLASS_ANNOTATION, INGRESS_WALK } from './_ingress';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const ING008: Rule = {
  id: 'ING008',
  summary: 'ingressClassName is not a DNS-1123 subdomain, or differs from the `kubernetes.io/ingress.class` annotation',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#ingress-class`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    const className = map(r.m.spec).ingressClassName;
    if (typeof className !== 'string' || className === '') {
      return;
    }
    KubeName.dns1123SubdomainErrors(className).forEach((e) => r.report('ING008', 'spec.ingressClassName', className, e));
    const annotation = map(r.m.annotations)[CLASS_ANNOTATION];
    // The API server refuses the pair on create only when the two name different classes.
    if (annotation !== undefined && annotation !== className) {
      r.report('ING008', `metadata.annotations[${CLASS_ANNOTATION}]`, annotation, `must equal \`spec.ingressClassName\` ('${className}') when both are set`,
        `remove the deprecated '${CLASS_ANNOTATION}' annotation and keep \`ingressClassName: ${className}\``);
    }
  },
};
