// Property-based tests: generated HTTPRoutes and Gateways, with the limits read from the CRD
// files themselves (not from the generated data) as the oracle.
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { gateway, httpRoute, secret, service } from './_fixtures';
import { run } from './_run';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const CRDS: string = require('../../../scripts/generate-gateway-data.js').crdDir();

/** The v1 schema of `spec` in a CRD file. */
function specSchema(file: string): any {
  const crd = YAML.parse(fs.readFileSync(path.join(CRDS, file), 'utf8'));
  return crd.spec.versions.find((v: any) => v.name === 'v1').schema.openAPIV3Schema.properties.spec;
}

const ROUTE = specSchema('httproutes.yaml');
const GATEWAY = specSchema('gateways.yaml');
const MAX_HOSTNAMES: number = ROUTE.properties.hostnames.maxItems;
const MAX_HOSTNAME_LENGTH: number = ROUTE.properties.hostnames.items.maxLength;
const MAX_LISTENERS: number = GATEWAY.properties.listeners.maxItems;
const MAX_RULES: number = ROUTE.properties.rules.maxItems;
const PATH_RULES: string[] = ROUTE.properties.rules.items.properties.matches.items.properties.path['x-kubernetes-validations'].map((v: any) => v.message);

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
const hostname = fc.tuple(label, label).map(([a, b]) => `${a}.${b}.example.com`);
const RUNS = { numRuns: 60 };

test('the oracle reads the limits of the CRD files', () => {
  expect([MAX_HOSTNAMES, MAX_HOSTNAME_LENGTH, MAX_LISTENERS, MAX_RULES]).toEqual([16, 253, 64, 16]);
  expect(PATH_RULES).toContain('value must be an absolute path and start with \'/\' when type one of [\'Exact\', \'PathPrefix\']');
});

test('more hostnames than the CRD\'s maxItems are reported, and only then', () => {
  fc.assert(fc.property(fc.uniqueArray(hostname, { minLength: 0, maxLength: MAX_HOSTNAMES + 8 }), (hosts) => {
    const found = run([httpRoute({ hostnames: hosts })]).filter((f) => f.ruleId === 'GW005' && f.field === 'spec.hostnames');
    expect(found.length).toBe(hosts.length > MAX_HOSTNAMES ? 1 : 0);
  }), RUNS);
});

test('a hostname longer than the CRD\'s maxLength is reported', () => {
  fc.assert(fc.property(fc.integer({ min: 200, max: 300 }), (length) => {
    const host = `${'a.'.repeat(Math.ceil(length / 2)).slice(0, length - 12)}example.com`.replace(/^\./, 'a');
    const found = run([httpRoute({ hostnames: [host] })]).filter((f) => f.ruleId === 'GW005' && f.field === 'spec.hostnames[0]');
    expect(found.length).toBe([...host].length > MAX_HOSTNAME_LENGTH ? 1 : 0);
  }), RUNS);
});

test('more listeners than the CRD\'s maxItems are reported, and only then', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: MAX_LISTENERS + 10 }), (n) => {
    const listeners = Array.from({ length: n }, (_x, i) => ({ name: `l${i}`, protocol: 'HTTP', port: 1000 + i }));
    const found = run([gateway({ listeners })]).filter((f) => f.ruleId === 'GW005' && f.field === 'spec.listeners');
    expect(found.length).toBe(n > MAX_LISTENERS ? 1 : 0);
  }), { numRuns: 30 });
});

test('an Exact or PathPrefix path without leading \'/\' is reported with the CRD\'s message; a clean absolute path is not', () => {
  const segment = fc.stringMatching(/^[a-zA-Z0-9_~-]{1,12}$/);
  fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('Exact', 'PathPrefix'), fc.boolean(), (segments, type, absolute) => {
    const value = `${absolute ? '/' : ''}${segments.join('/')}`;
    const route = httpRoute({ rules: [{ matches: [{ path: { type, value } }], backendRefs: [{ name: 'store-v1', port: 8080 }] }] });
    const found = run([route, service(), gateway(), secret()]);
    const messages = found.filter((f) => f.ruleId === 'GW008' && f.field === 'spec.rules[0].matches[0].path').map((f) => f.message.toLowerCase());
    if (absolute) {
      expect(found).toEqual([]);
    } else {
      expect(messages).toContain(PATH_RULES[0].toLowerCase());
    }
  }), RUNS);
});

test('random routes built from valid parts never make the checker throw, and every finding has a field and a fix', () => {
  const match = fc.record({
    path: fc.record({ type: fc.constantFrom('Exact', 'PathPrefix', 'RegularExpression', 'Prefix'), value: fc.constantFrom('/', '/a', 'a', '/a//b', '/%2F', '') }),
    method: fc.option(fc.constantFrom('GET', 'POST', 'get'), { nil: undefined }),
  }, { requiredKeys: ['path'] });
  const rule = fc.record({
    matches: fc.array(match, { maxLength: 3 }),
    backendRefs: fc.array(fc.record({ name: fc.constantFrom('store-v1', 'nope'), port: fc.option(fc.integer({ min: 0, max: 70000 }), { nil: undefined }) }), { maxLength: 2 }),
  });
  fc.assert(fc.property(fc.array(rule, { maxLength: MAX_RULES + 2 }), fc.array(hostname, { maxLength: 3 }), (rules, hostnames) => {
    const found = run([httpRoute({ rules, hostnames }), service(), gateway(), secret()]);
    for (const f of found) {
      expect(f.field).toBeTruthy();
      expect(f.fix).toBeTruthy();
    }
    if (rules.length > MAX_RULES) {
      expect(found.some((f) => f.ruleId === 'GW005' && f.field === 'spec.rules')).toBe(true);
    }
  }), { numRuns: 80 });
});
