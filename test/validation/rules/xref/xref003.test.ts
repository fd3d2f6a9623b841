import { ManifestChecker } from '../../../../src';
import { XREF003 } from '../../../../src/validation/rules/xref/xref003';
import { WEB_PODS, deployment, web } from '../../_fixtures';
import { ruleCases } from '../_case';

/** A Deployment `web` whose container forwards host port 80 to its port 8080. */
const HOST_PORTED = deployment('web', { app: 'web' }, [{ name: 'http', containerPort: 8080, hostPort: 80 }]);

ruleCases(XREF003, [
  { title: 'a numeric targetPort that is the hostPort, not the container port', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), HOST_PORTED], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 80 }] }), HOST_PORTED], field: 'spec.ports[0].targetPort' },
]);

test('a numeric targetPort merely not declared is no error: containers may listen on ports they do not declare', () => {
  // GIVEN a Service whose targetPort the pods do not declare (the istio/istio sample
  // samples/grpc-echo/grpc-echo.yaml: the echo app is told by its args to listen on 18080 and
  // 19090, and declares only its other ports; the core v1 Container `ports` field: not
  // specifying a port there does not prevent it from being exposed)
  const manifests = [web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), WEB_PODS];
  // WHEN checked as a complete set
  const findings = ManifestChecker.check(manifests, { complete: true });
  // THEN XREF003 says nothing, XREF015 warns
  expect(findings.filter((f) => f.ruleId === 'XREF003')).toEqual([]);
  expect(findings.filter((f) => f.ruleId === 'XREF015').map((f) => f.severity)).toEqual(['warning']);
});
