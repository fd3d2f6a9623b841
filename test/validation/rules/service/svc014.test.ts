import { SVC014 } from '../../../../src/validation/rules/service/svc014';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(SVC014, [
  { title: 'externalTrafficPolicy on a ClusterIP Service', pass: [web({ type: 'NodePort', externalTrafficPolicy: 'Local' }), WEB_PODS], fail: [web({ externalTrafficPolicy: 'Local' }), WEB_PODS], field: 'spec.externalTrafficPolicy' },
]);

describe('SVC014', () => {
  test('passes: healthCheckNodePort on a LoadBalancer with externalTrafficPolicy Local', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }), WEB_PODS])).toEqual([]);
  });

  test('fails if healthCheckNodePort is set where it does not apply', () => {
    // GIVEN a LoadBalancer with the Cluster policy, and a NodePort with the Local policy
    const cluster = [web({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', healthCheckNodePort: 30100 }), WEB_PODS];
    const nodePort = [web({ type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 30100 }), WEB_PODS];
    // WHEN / THEN
    expect(ids(cluster)).toEqual(['0 SVC014 spec.healthCheckNodePort']);
    expect(ids(nodePort)).toEqual(['0 SVC014 spec.healthCheckNodePort']);
    expect(messageOf(cluster, 'SVC014', 'spec.healthCheckNodePort')).toMatch(/may only be set on a LoadBalancer Service with `externalTrafficPolicy: Local`/);
  });
});
