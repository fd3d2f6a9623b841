import { SVC007 } from '../../../../src/validation/rules/service/svc007';
import { WEB_PODS, deployment, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(SVC007, [
  { title: 'a nodePort on a ClusterIP Service', pass: [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS], field: 'spec.ports[0].nodePort' },
]);

describe('SVC007', () => {
  const nodePorts = (second: any) => web({
    type: 'NodePort',
    ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }, { name: 'alt', port: 8080, targetPort: 'http', ...second }],
  });

  test('passes: distinct node ports, or one node port for TCP and UDP', () => {
    // GIVEN / WHEN / THEN
    expect(ids([nodePorts({ nodePort: 30081 }), WEB_PODS])).toEqual([]);
    const udpPods = deployment('web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: 'UDP' }]);
    expect(ids([nodePorts({ nodePort: 30080, protocol: 'UDP', targetPort: 'dns' }), udpPods])).toEqual([]);
  });

  test('fails if two ports of a Service have the same node port and protocol', () => {
    // GIVEN
    const manifests = [nodePorts({ nodePort: 30080 }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN the second one is reported
    expect(found).toEqual(['0 SVC007 spec.ports[1].nodePort']);
    expect(messageOf(manifests, 'SVC007', 'spec.ports[1].nodePort')).toMatch(/must be unique: spec\.ports\[0\] has the same node port and protocol/);
  });
});
