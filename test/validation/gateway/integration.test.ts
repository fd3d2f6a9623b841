// The Gateway API rules run in the checker with every other rule: through ManifestChecker.check,
// the CLI and the safety net, with the same rule about objects outside the checked set.
import { gateway, httpRoute, secret, service, validSet } from './_fixtures';
import { ManifestChecker, Severity } from '../../../src';

function ids(manifests: any[], options = {}): string[] {
  return ManifestChecker.check(manifests, options).map((f) => `${f.manifestIndex} ${f.ruleId} ${f.severity} ${f.field}`);
}

test('a valid Gateway API set passes the whole catalogue', () => {
  const errors = ManifestChecker.check(validSet()).filter((f) => f.severity === Severity.ERROR);
  expect(errors.map((f) => `${f.ruleId} ${f.kind} ${f.field}: ${f.message}`)).toEqual([]);
});

test('an HTTPRoute at an unserved version is API001, a misspelt kind API006', () => {
  expect(ids([{ ...httpRoute(), apiVersion: 'gateway.networking.k8s.io/v1alpha2' }])).toContain('0 API001 error apiVersion');
  expect(ids([{ ...httpRoute(), kind: 'HttpRoute' }])).toEqual(['0 API006 error kind']);
});

test('TCPRoute and UDPRoute are kinds of the v1.6.1 standard channel, checked against their CRDs', () => {
  // GIVEN the two L4 routes of the standard channel since Gateway API v1.6.0 (served at v1 only)
  const l4 = (kind: string, rule: any) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind,
    metadata: { name: 'app', namespace: 'default' },
    spec: { parentRefs: [{ name: 'gw', sectionName: 'foo' }], rules: [rule] },
  });
  // THEN a valid one is no API006 (an unknown kind) and gets no error
  for (const kind of ['TCPRoute', 'UDPRoute']) {
    expect(ManifestChecker.check([l4(kind, { backendRefs: [{ name: 'svc', port: 6000 }] })])
      .filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId)).toEqual([]);
    // AND their CRD's rules hold: a Service backendRef needs a port (CEL), the version must be served
    expect(ids([l4(kind, { backendRefs: [{ name: 'svc' }] })])).toContain('0 GW008 error spec.rules[0].backendRefs[0]');
    expect(ids([{ ...l4(kind, { backendRefs: [{ name: 'svc', port: 6000 }] }), apiVersion: 'gateway.networking.k8s.io/v1alpha2' }]))
      .toContain('0 API001 error apiVersion');
  }
});

test('a parent Gateway or backend Service not among the manifests is a warning, an error in a complete set', () => {
  // GIVEN a route alone
  const route = httpRoute();
  // THEN the Gateway and the Service it names are not among the manifests checked
  const loose = ManifestChecker.check([route]).filter((f) => f.ruleId === 'GW101' || f.ruleId === 'GW105');
  expect(loose.map((f) => f.severity)).toEqual(loose.map(() => Severity.WARNING));
  expect(loose.length).toBeGreaterThan(0);
  expect(loose[0].message).toMatch(/among the manifests checked: unless it is applied from elsewhere/);
  const complete = ManifestChecker.check([route], { complete: true }).filter((f) => f.ruleId === 'GW101' || f.ruleId === 'GW105');
  expect(complete.map((f) => f.severity)).toEqual(complete.map(() => Severity.ERROR));
  // AND with the Gateway, its Secret and the Service in the set, nothing of the route is missing
  // (the Service's pods are not: XREF001)
  const found = ManifestChecker.check([route, gateway(), secret(), service()], { complete: true }).filter((f) => f.severity === Severity.ERROR);
  expect(found.map((f) => `${f.ruleId} ${f.field}`)).toEqual(['XREF001 spec.selector']);
});
