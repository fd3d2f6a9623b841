import { ManifestChecker } from '../../../../src';
import { SVC011 } from '../../../../src/validation/rules/service/svc011';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(SVC011, [
  { title: 'a ClientIP timeout over one day', pass: [web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS], fail: [web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 100000 } } }), WEB_PODS], field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds' },
]);

describe('SVC011', () => {
  test('passes: sessionAffinityConfig with ClientIP affinity', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS])).toEqual([]);
  });

  test('warns (SVC022) if sessionAffinityConfig is set while sessionAffinity is None (explicitly or by default): defaulting drops it', () => {
    // GIVEN
    const explicit = [web({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS];
    const byDefault = [web({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS];
    // WHEN / THEN
    expect(ids(explicit)).toEqual(['0 SVC022 spec.sessionAffinityConfig']);
    expect(ids(byDefault)).toEqual(['0 SVC022 spec.sessionAffinityConfig']);
    expect(ManifestChecker.check(explicit)[0].severity).toBe('warning');
    expect(messageOf(explicit, 'SVC022', 'spec.sessionAffinityConfig')).toMatch(/is dropped by the API server because `sessionAffinity` is 'None'/);
  });
});
