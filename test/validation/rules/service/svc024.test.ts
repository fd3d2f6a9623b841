import { SVC024 } from '../../../../src/validation/rules/service/svc024';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC024, [
  { title: 'the removed tolerate-unready-endpoints annotation', pass: [web({ clusterIP: 'None', publishNotReadyAddresses: true }), WEB_PODS], fail: [web({ clusterIP: 'None' }, { annotations: { 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' } }), WEB_PODS], field: 'metadata.annotations[service.alpha.kubernetes.io/tolerate-unready-endpoints]' },
]);
