import { SVC016 } from '../../../../src/validation/rules/service/svc016';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(SVC016, [
  { title: 'loadBalancerClass on a NodePort Service', pass: [web({ type: 'LoadBalancer', loadBalancerClass: 'example.com/internal' }), WEB_PODS], fail: [web({ type: 'NodePort', loadBalancerClass: 'example.com/internal' }), WEB_PODS], field: 'spec.loadBalancerClass' },
]);

describe('SVC016', () => {
  test('passes: allocateLoadBalancerNodePorts on a LoadBalancer', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }), WEB_PODS])).toEqual([]);
  });

  test('fails if allocateLoadBalancerNodePorts is set on a Service that is not a LoadBalancer', () => {
    // GIVEN false (still set) on a ClusterIP and true on a NodePort Service
    const clusterIp = [web({ allocateLoadBalancerNodePorts: false }), WEB_PODS];
    const nodePort = [web({ type: 'NodePort', allocateLoadBalancerNodePorts: true }), WEB_PODS];
    // WHEN / THEN
    expect(ids(clusterIp)).toEqual(['0 SVC016 spec.allocateLoadBalancerNodePorts']);
    expect(ids(nodePort)).toEqual(['0 SVC016 spec.allocateLoadBalancerNodePorts']);
    expect(messageOf(clusterIp, 'SVC016', 'spec.allocateLoadBalancerNodePorts')).toMatch(/may only be used when `type` is 'LoadBalancer'/);
  });
});
