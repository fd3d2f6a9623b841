import { SVC023 } from '../../../../src/validation/rules/service/svc023';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(SVC023, [
  { title: 'topology annotations that disagree', pass: [web({}, { annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Auto' } }), WEB_PODS], fail: [web({}, { annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Disabled' } }), WEB_PODS], field: 'metadata.annotations[service.kubernetes.io/topology-mode]' },
]);
