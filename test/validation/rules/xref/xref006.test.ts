import { XREF006 } from '../../../../src/validation/rules/xref/xref006';
import { MYSQL, WEB_PODS, slice, web } from '../../_fixtures';
import { SLICE_OK, ids, ruleCases } from '../_case';

ruleCases(XREF006, [
  { title: 'a slice port name that differs from the Service', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { ports: [{ name: 'db', port: 3306 }] })], field: 'ports[0].name' },
]);

test('a slice of a Service with a selector is not compared: the controller writes that Service\'s own slices', () => {
  // GIVEN a hand-written extra slice for a Service that selects pods (traefik/traefik
  // pkg/provider/kubernetes/crd/fixtures/services.yml): kube-proxy joins it to the controller's
  // slices, which carry the Service's port names, so the Service's traffic reaches its pods
  const extra = slice('web-extra', 'web', { ports: [{ port: 8080 }] });
  // THEN no port-name finding
  expect(ids([web(), WEB_PODS, extra]).filter((f) => f.includes('XREF006'))).toEqual([]);
});
