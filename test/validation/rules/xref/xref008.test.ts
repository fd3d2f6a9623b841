import { XREF008 } from '../../../../src/validation/rules/xref/xref008';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, messageOf, ruleCases } from '../_case';

ruleCases(XREF008, [
  { title: 'an Ingress backend Service that does not exist', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'wbe'))] })], field: 'spec.rules[0].http.paths[0].backend.service.name' },
]);

test('the message names no single status code: controllers answer a missing backend differently', () => {
  const missing = ingress('cafe', { ingressClassName: 'nginx', rules: [rule('cafe.example.com', path('/tea', 'tea-svc'))] });
  expect(messageOf([missing], 'XREF008', 'spec.rules[0].http.paths[0].backend.service.name'))
    .toMatch(/answers requests for this path with a server error \(503 from ingress-nginx, 502 from NGINX Ingress Controller\)$/);
});

test('on GKE the whole Ingress is not programmed (ingress-gce fails its translation)', () => {
  // (GoogleCloudPlatform/gke-networking-recipes ingress/single-cluster/ingress-custom-grpc-health-check)
  const gce = ingress('fe', { rules: [rule(undefined, path('/', 'fe'))] }, { annotations: { 'kubernetes.io/ingress.class': 'gce' } });
  expect(messageOf([gce], 'XREF008', 'spec.rules[0].http.paths[0].backend.service.name'))
    .toMatch(/unless it is applied from elsewhere, ingress-gce programs no path of this Ingress \(a missing Service fails its translation\)$/);
});

test('for the default backend the message speaks of the requests no rule takes', () => {
  const dflt = ingress('web', { defaultBackend: { service: { name: 'gone', port: { number: 80 } } } });
  expect(messageOf([dflt], 'XREF008', 'spec.defaultBackend.service.name')).toMatch(/the controller answers the requests no rule takes with a server error/);
});
