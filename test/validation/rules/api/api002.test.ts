import { API002 } from '../../../../src/validation/rules/api/api002';
import { ingress, path, rule } from '../../_fixtures';
import { ING_OK, ids, ruleCases } from '../_case';

ruleCases(API002, [
  {
    title: 'an Ingress under v1',
    pass: ING_OK,
    fail: [{ ...ingress('site', { rules: [rule('a.example.com', path('/'))] }), apiVersion: 'v1' }],
    field: 'apiVersion',
  },
]);

test('a kind of the same name in another API group is a custom resource: unknown, not wrong', () => {
  // GIVEN Calico's NetworkPolicy (IBM/network-config-analyzer tests/calico_testcases) and a
  // Knative Service, next to a built-in group at a version it does not serve
  const calico = {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-tcp-6379', namespace: 'production' },
    spec: { selector: "role == 'database'", types: ['Ingress'], ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [6379] } }] },
  };
  const knative = {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'hello' },
    spec: { template: { spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go:latest' }] } } },
  };
  const wrongVersion = { ...ingress('site', { rules: [rule('a.example.com', path('/'))] }), apiVersion: 'networking.k8s.io/v2' };
  // THEN only the built-in group's wrong version is reported
  expect(ids([calico, knative, wrongVersion], { complete: true })).toEqual(['2 API002 apiVersion']);
});
