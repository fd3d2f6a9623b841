import { META005 } from '../../../../src/validation/rules/meta/meta005';
import { ingressClass } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(META005, [
  { title: 'a namespaced IngressClass', pass: [ingressClass({ controller: 'k8s.io/ingress-nginx' })], fail: [ingressClass({ controller: 'k8s.io/ingress-nginx' }, { namespace: 'default' })], field: 'metadata.namespace' },
]);
