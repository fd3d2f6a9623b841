import { SVC024 } from '../../../../src/validation/rules/service/svc024';
import { WEB_PODS, web } from '../../_fixtures';
import { messageOf, ruleCases } from '../_case';

ruleCases(SVC024, [
  { title: 'the removed tolerate-unready-endpoints annotation', pass: [web({ clusterIP: 'None', publishNotReadyAddresses: true }), WEB_PODS], fail: [web({ clusterIP: 'None' }, { annotations: { 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' } }), WEB_PODS], field: 'metadata.annotations[service.alpha.kubernetes.io/tolerate-unready-endpoints]' },
]);

test('with publishNotReadyAddresses set, the message says the field publishes the not-ready pods', () => {
  // (cockroachdb/cockroach cloud/kubernetes keeps the annotation beside the field)
  const field = 'metadata.annotations[service.alpha.kubernetes.io/tolerate-unready-endpoints]';
  const both = web({ clusterIP: 'None', publishNotReadyAddresses: true }, { annotations: { 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' } });
  expect(messageOf([both, WEB_PODS], 'SVC024', field)).toBe('is no longer read by Kubernetes (removed in 1.24); `spec.publishNotReadyAddresses` publishes the not-ready pods');
  const only = web({ clusterIP: 'None' }, { annotations: { 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' } });
  expect(messageOf([only, WEB_PODS], 'SVC024', field)).toBe('is no longer read by Kubernetes (removed in 1.24): not-ready pods are not published');
});
