import { ING005 } from '../../../../src/validation/rules/ingress/ing005';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ING_OK, ids, messageOf, ruleCases } from '../_case';

ruleCases(ING005, [
  { title: 'a relative Prefix path', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('api'))] })], field: 'spec.rules[0].http.paths[0].path' },
]);

describe('ING005', () => {
  const withPath = (p: string, pathType: string) => [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path(p, 'web', { number: 80 }, pathType))] })];
  const FIELD = 'spec.rules[0].http.paths[0].path';

  test('passes: clean Prefix and Exact paths, and an ImplementationSpecific path with any sequence', () => {
    // GIVEN / WHEN / THEN
    expect(ids(withPath('/static/v1.2/app.js', 'Prefix'))).toEqual([]);
    expect(ids(withPath('/a.b/.well-known', 'Exact'))).toEqual([]);
    expect(ids(withPath('/a//b/../c/.', 'ImplementationSpecific'))).toEqual([]);
  });

  test.each([
    ['/a//b', '//'],
    ['/a/./b', '/./'],
    ['/a/../b', '/../'],
    ['/a%2fb', '%2f'],
    ['/a%2Fb', '%2F'],
  ])('fails if a Prefix or Exact path contains a forbidden sequence: %s', (p, seq) => {
    for (const pathType of ['Prefix', 'Exact']) {
      // GIVEN
      const manifests = withPath(p, pathType);
      // WHEN
      const found = ids(manifests);
      // THEN
      expect(found).toEqual([`2 ING005 ${FIELD}`]);
      expect(messageOf(manifests, 'ING005', FIELD)).toMatch(new RegExp(`must not contain '${seq}' when \`pathType\` is '${pathType}'`));
    }
  });

  test.each([
    ['/a/..', '/..'],
    ['/a/.', '/.'],
  ])('fails if a Prefix or Exact path ends with a forbidden suffix: %s', (p, suffix) => {
    for (const pathType of ['Prefix', 'Exact']) {
      // GIVEN
      const manifests = withPath(p, pathType);
      // WHEN
      const found = ids(manifests);
      // THEN
      expect(found).toEqual([`2 ING005 ${FIELD}`]);
      expect(messageOf(manifests, 'ING005', FIELD)).toMatch(new RegExp(`must not end with '${suffix.replace(/\./g, '\\.')}' when \`pathType\` is '${pathType}'`));
    }
  });
});
