import { ALB_ACTIONS, ALB_ACTION_PORT } from './_ingress';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { Rule } from '../_rule';

export const ING010: Rule = {
  id: 'ING010',
  summary: 'a backend names an AWS Load Balancer Controller action (port `use-annotation`) whose `alb.ingress.kubernetes.io/actions.<name>` annotation the Ingress does not carry',
  kinds: ['Ingress'],
  severity: Severity.WARNING,
  docsUrl: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#actions',
  check(r) {
    const annotations = map(r.m.annotations);
    const spec = map(r.m.spec);
    const each = (backend: unknown, field: string) => {
      const service = map(map(backend).service);
      const name = service.name;
      if (typeof name === 'string' && map(service.port).name === ALB_ACTION_PORT && typeof annotations[`${ALB_ACTIONS}${name}`] !== 'string') {
        r.report('ING010', `${field}.service.name`, name,
          `names action '${name}' (port \`${ALB_ACTION_PORT}\`), and the Ingress has no annotation \`${ALB_ACTIONS}${name}\`: unless a controller adds it (Argo Rollouts does for its canaries), the AWS Load Balancer Controller cannot build this Ingress`,
          `add the annotation \`${ALB_ACTIONS}${name}\` with the action, or name a Service port instead of \`${ALB_ACTION_PORT}\``);
      }
    };
    if (isMap(spec.defaultBackend)) {
      each(spec.defaultBackend, 'spec.defaultBackend');
    }
    list(spec.rules).forEach((rule, i) => list(map(map(rule).http).paths).forEach((p, j) => each(map(p).backend, `spec.rules[${i}].http.paths[${j}].backend`)));
  },
};
