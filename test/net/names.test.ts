import * as fc from 'fast-check';
import { KubeName } from '../../src';

describe('dns1123LabelErrors', () => {
  test.each(['a', 'abc', 'a-b', '0', '123-abc', 'a'.repeat(63)])('accepts %s', (v) => {
    expect(KubeName.dns1123LabelErrors(v)).toEqual([]);
  });

  test('fails if longer than 63 characters', () => {
    expect(KubeName.dns1123LabelErrors('a'.repeat(64)).join()).toMatch(/must be no more than 63 characters \(it has 64\)/);
  });

  test.each(['', 'A', 'a_b', '-a', 'a-', 'a.b', 'ä', 'a b'])('fails if %j', (v) => {
    expect(KubeName.dns1123LabelErrors(v).length).toBeGreaterThan(0);
  });

  test('suggests a fix for upper case and underscores', () => {
    expect(KubeName.dns1123LabelErrors('My_Db').join()).toMatch(/did you mean 'my-db'\?/);
  });
});

describe('dns1123SubdomainErrors', () => {
  const label63 = 'a'.repeat(63);
  const longest = [label63, label63, label63, 'a'.repeat(61)].join('.'); // 253 characters

  test.each(['a', 'example.com', 'a-b.c-d', '0.0', longest])('accepts %s', (v) => {
    expect(KubeName.dns1123SubdomainErrors(v)).toEqual([]);
  });

  test('the longest subdomain has 253 characters', () => {
    expect(longest.length).toBe(253);
  });

  test('fails if longer than 253 characters', () => {
    expect(KubeName.dns1123SubdomainErrors(`${longest}a`).join()).toMatch(/must be no more than 253 characters \(it has 254\)/);
  });

  test.each(['', 'a..b', '.a', 'a.', '-a.b', 'a-.b', 'A.b', 'a_b.c', 'a/b', 'a:80'])('fails if %j', (v) => {
    expect(KubeName.dns1123SubdomainErrors(v).length).toBeGreaterThan(0);
  });
});

describe('wildcardDns1123SubdomainErrors', () => {
  test('accepts a leading wildcard', () => {
    expect(KubeName.wildcardDns1123SubdomainErrors('*.example.com')).toEqual([]);
  });

  test.each(['example.com', '*example.com', 'a.*.example.com', '*.', '*.*.example.com'])('fails if %j', (v) => {
    expect(KubeName.wildcardDns1123SubdomainErrors(v).length).toBeGreaterThan(0);
  });
});

describe('dns1035LabelErrors', () => {
  test.each(['a', 'abc-123', 'a'.repeat(63)])('accepts %s', (v) => {
    expect(KubeName.dns1035LabelErrors(v)).toEqual([]);
  });

  test('fails if it starts with a digit', () => {
    expect(KubeName.dns1035LabelErrors('1db').join()).toMatch(/must be a DNS-1035 label: .*starting with a letter/);
  });

  test('fails if it has an underscore, with a suggestion', () => {
    expect(KubeName.dns1035LabelErrors('orders_db').join()).toMatch(/did you mean 'orders-db'\?/);
  });

  test('fails if longer than 63 characters', () => {
    expect(KubeName.dns1035LabelErrors('a'.repeat(64)).join()).toMatch(/no more than 63 characters/);
  });

  test.each(['', '-a', 'a-', 'a.b', 'A'])('fails if %j', (v) => {
    expect(KubeName.dns1035LabelErrors(v).length).toBeGreaterThan(0);
  });
});

describe('ianaSvcNameErrors', () => {
  test.each(['http', 'h', 'mysql-admin', 'a1', '1a', 'x'.repeat(15), 'a-b-c'])('accepts %s', (v) => {
    expect(KubeName.ianaSvcNameErrors(v)).toEqual([]);
  });

  test('fails if longer than 15 characters', () => {
    expect(KubeName.ianaSvcNameErrors('x'.repeat(16))).toEqual(['must be no more than 15 characters (it has 16)']);
  });

  test('fails if it has no letter', () => {
    expect(KubeName.ianaSvcNameErrors('8080')).toEqual(['must contain at least one letter']);
  });

  test('fails on consecutive hyphens', () => {
    expect(KubeName.ianaSvcNameErrors('a--b')).toEqual(['must not contain consecutive hyphens']);
  });

  test('fails on hyphens at either end', () => {
    expect(KubeName.ianaSvcNameErrors('-http')).toEqual(['must not begin or end with a hyphen']);
    expect(KubeName.ianaSvcNameErrors('http-')).toEqual(['must not begin or end with a hyphen']);
  });

  test('fails on upper case and other characters', () => {
    expect(KubeName.ianaSvcNameErrors('HTTP').join()).toMatch(/only lower-case letters, digits and '-'.*did you mean 'http'/);
    expect(KubeName.ianaSvcNameErrors('http.s').join()).toMatch(/only lower-case letters/);
  });

  test('fails if empty', () => {
    expect(KubeName.ianaSvcNameErrors('')).toHaveLength(1);
  });
});

describe('qualifiedNameErrors (label and annotation keys)', () => {
  test.each(['app', 'App.Name_1', 'kubernetes.io/service-name', 'example.com/x', 'a'.repeat(63), `${'a'.repeat(253)}/b`])('accepts %s', (v) => {
    expect(KubeName.qualifiedNameErrors(v)).toEqual([]);
  });

  test.each([
    ['', /must not be empty/],
    ['/a', /empty prefix/],
    ['a/', /empty name part/],
    ['a/b/c', /at most one '\/'/],
    ['Example.com/a', /prefix part must be a DNS-1123 subdomain/],
    ['_a', /name part must consist of alphanumeric/],
    ['a'.repeat(64), /name part must be no more than 63 characters/],
    [`${'a'.repeat(254)}/b`, /prefix part must be no more than 253 characters/],
  ])('fails if %j', (v, re) => {
    expect(KubeName.qualifiedNameErrors(v as string).join('; ')).toMatch(re as RegExp);
  });
});

describe('labelValueErrors', () => {
  test.each(['', 'a', 'A-b_c.d', 'a'.repeat(63)])('accepts %j', (v) => {
    expect(KubeName.labelValueErrors(v)).toEqual([]);
  });

  test.each(['a'.repeat(64), '-a', 'a-', 'a/b', 'a b'])('fails if %j', (v) => {
    expect(KubeName.labelValueErrors(v).length).toBeGreaterThan(0);
  });
});

describe('a "did you mean" suggestion is itself of the form asked for', () => {
  // The oracle is the Kubernetes definition of each form (apimachinery's IsDNS1123Label,
  // IsDNS1123Subdomain, IsDNS1035Label, IsValidPortName), written here as regular expressions:
  // a suggestion must match it (its length is judged on its own).
  const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
  const forms: [string, (v: string) => string[], RegExp][] = [
    ['DNS-1123 label', KubeName.dns1123LabelErrors, new RegExp(`^${LABEL}$`)],
    ['DNS-1123 subdomain', KubeName.dns1123SubdomainErrors, new RegExp(`^${LABEL}(\\.${LABEL})*$`)],
    ['DNS-1035 label', KubeName.dns1035LabelErrors, /^[a-z]([-a-z0-9]*[a-z0-9])?$/],
    ['IANA service name', KubeName.ianaSvcNameErrors, /^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/],
  ];
  const value = fc.string({ unit: fc.constantFrom(...'aZ_9-.${}! '.split('')), minLength: 1, maxLength: 12 });

  test.each(forms)('%s', (_name, errorsOf, form) => {
    let suggested = 0;
    fc.assert(fc.property(value, (v) => {
      const m = /did you mean '([^']*)'\?/.exec(errorsOf(v).join('\n'));
      if (m !== null) {
        suggested++;
        expect(m[1]).toMatch(form);
      }
    }), { numRuns: 500, seed: 20261130 });
    expect(suggested).toBeGreaterThan(0);
  });

  test('no suggestion for a value that lower case cannot fix (gke-networking-recipes: foo.${DOMAIN}.com; a port name abc-def12_)', () => {
    expect(KubeName.ianaSvcNameErrors('abc-def12_').join()).not.toMatch(/did you mean/);
    expect(KubeName.dns1123SubdomainErrors('foo.${DOMAIN}.com').join()).not.toMatch(/did you mean/);
    expect(KubeName.dns1123SubdomainErrors('Foo.Example.com').join()).toMatch(/did you mean 'foo.example.com'\?/);
  });
});
