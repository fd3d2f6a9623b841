import { ManifestChecker } from '../../../../src';
import { API003 } from '../../../../src/validation/rules/api/api003';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(API003, [
  { title: 'a Service with a tls field', pass: [web(), WEB_PODS], fail: [web({ tls: [{ secretName: 'x' }] }), WEB_PODS], field: 'spec.tls' },
]);

test('on a removed version, an unknown field is one of the version to move to (the server refuses the version itself)', () => {
  // (kubernetes/kubernetes test/e2e/testing-manifests/ingress/*/ing.yaml: extensions/v1beta1 `spec.backend`)
  const old = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'x' }, spec: { backend: { serviceName: 'web', servicePort: 80 } } };
  const found = ManifestChecker.check([old]).filter((f) => f.ruleId === 'API003');
  expect(found.map((f) => [f.field, f.message, f.fix])).toEqual([
    ['spec.backend', 'is not a field of a networking.k8s.io/v1 Ingress, the version to move to', 'in networking.k8s.io/v1 use `defaultBackend`'],
  ]);
});
