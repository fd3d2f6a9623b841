import { IC001 } from '../../../../src/validation/rules/ingressclass/ic001';
import { ingressClass } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(IC001, [
  { title: 'an IngressClass without controller', pass: [ingressClass({ controller: 'k8s.io/ingress-nginx' })], fail: [ingressClass({})], field: 'spec.controller' },
]);
