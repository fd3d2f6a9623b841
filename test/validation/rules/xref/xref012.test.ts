import { ManifestChecker, Severity } from '../../../../src';
import { XREF012 } from '../../../../src/validation/rules/xref/xref012';
import { statefulSet, svc } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF012, [
  { title: 'a StatefulSet whose Service is not headless', pass: [svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], fail: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], field: 'spec.serviceName' },
]);

test('the message says what is at stake: the per-pod names, which only a headless Service is promised', () => {
  const found = ManifestChecker.check([svc('db', { selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], { complete: true })
    .filter((f) => f.ruleId === 'XREF012');
  expect(found.map((f) => [f.severity, f.message])).toEqual([[Severity.WARNING, expect.stringMatching(/^names Service 'db', which is not headless: per-pod DNS names \(`db-0.db`\) are promised only for a headless Service/)]]);
});
