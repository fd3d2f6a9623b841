// The example of docs/checker.md, compiled and run here so that it stays true.
import { Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import * as YAML from 'yaml';
import { ManifestChecker, Severity } from '../../src';

const MANIFESTS = `
apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  ports:
    - name: mysql
      port: 30056
      targetPort: 3306
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: mysql-1
  labels:
    kubernetes.io/service-name: mysql
addressType: IPv4
endpoints:
  - addresses: ["169.254.169.254"]
ports:
  - name: db
    port: 3306
`;

// --- docs example: start
function report(yamlText: string): string[] {
  const manifests = YAML.parseAllDocuments(yamlText).map((doc) => doc.toJS());
  const findings = ManifestChecker.check(manifests, { nodePortRange: '30000-32767' });
  return findings
    .filter((f) => f.severity === Severity.ERROR)
    .map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.field}: ${f.message}`);
}
// --- docs example: end

// --- docs example 2: start
function checkChart(chart: Chart): string[] {
  // Any chart, built with this library or not: its objects as plain manifests.
  const findings = ManifestChecker.check(chart.toJson(), { skipRules: ['XREF001'] });
  return findings.map((f) => `${f.severity} ${f.ruleId} ${f.kind}/${f.name} \`${f.field}\` ${f.message}`);
}
// --- docs example 2: end

test('the docs example reports the slice\'s errors', () => {
  expect(report(MANIFESTS)).toEqual([
    'EPS004 EndpointSlice/mysql-1 endpoints[0].addresses[0]: must not be a link-local address (169.254.0.0/16, fe80::/10): it only works on one link, and 169.254.169.254 is the cloud metadata service',
    'XREF006 EndpointSlice/mysql-1 ports[0].name: must be the name of a port of Service \'mysql\' (\'mysql\'): traffic to that port never reaches this backend',
    'XREF006 EndpointSlice/mysql-1 ports: has no port for the port \'mysql\' of Service \'mysql\': traffic to it goes nowhere',
  ]);
});

test('the second docs example checks any chart', () => {
  // GIVEN a chart with a hand-written Service on a port that does not exist
  const chart = Testing.chart();
  new k8s.KubeService(chart, 'Web', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 99999 }] } });
  // THEN
  expect(checkChart(chart)).toEqual(['error SVC002 Service/web `spec.ports[0].port` must be between 1 and 65535']);
});
