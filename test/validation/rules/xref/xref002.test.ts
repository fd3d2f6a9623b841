import { XREF002 } from '../../../../src/validation/rules/xref/xref002';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, ruleCases } from '../_case';

ruleCases(XREF002, [
  { title: 'a named targetPort no container declares', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'web' }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
]);

test('a pod or template without containers declares nothing known: no port finding against it', () => {
  // GIVEN a partial Pod (a test tool's assertion, open-telemetry/opentelemetry-operator
  // tests/e2e/operator-metrics/assert-operator.yaml): labels and status, no spec
  const partial = { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'web' } }, status: { phase: 'Running' } };
  // THEN the named targetPort is not reported against it: such a template is left out
  const found = ids([web({ ports: [{ name: 'http', port: 80, targetPort: 'http' }] }), partial]);
  expect(found.filter((f) => f.includes('XREF002'))).toEqual([]);
});
