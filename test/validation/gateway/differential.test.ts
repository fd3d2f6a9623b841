// Differential test of the Gateway API rules: the whole rule set over the valid set, variants of
// it and many generated routes and Gateways (seeded, so the same every run), compared with the
// findings recorded before the CEL evaluation got its shortcuts (memoized results, values
// converted to CEL once), and with the rules evaluated again without the shortcuts in the same
// run. Re-record with RECORD_GATEWAY_EXPECTATIONS=1 only when a finding is meant to change.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { backendTlsPolicy, gateway, gatewayClass, grpcRoute, httpRoute, listenerSet, referenceGrant, secret, service, tlsGateway, tlsRoute, validSet } from './_fixtures';
import { run } from './_run';
import { celShortcuts } from '../../../src/validation/rules/gateway/_cel';

const EXPECTED = path.join(__dirname, 'differential.expected.json');

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const hostname = fc.oneof(fc.tuple(label, label).map(([a, b]) => `${a}.${b}.example.com`), fc.constantFrom('*.example.com', 'store.example.com', 'Bad_Host', '*'));
/** A value of `good`, or of `bad` too when `bad`. */
function pick<T>(bad: boolean, good: T[], wrong: T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...good, ...(bad ? wrong : []));
}
const port = (bad: boolean) => fc.integer({ min: bad ? 0 : 1, max: bad ? 70000 : 65535 });
const pathMatch = (bad: boolean) => fc.record({
  type: pick(bad, ['Exact', 'PathPrefix', 'RegularExpression'], ['Prefix']),
  value: fc.constantFrom('/', '/a', 'a', '/a//b', '/%2F', '/%2f', '', '/a/../b', '/a/./b', '/a/.', '/a/..', '/#x', '/ok/path', '/\u00e9', '/a b'),
}, { requiredKeys: [] });
const header = (bad: boolean) => fc.record({ type: pick(bad, ['Exact', 'RegularExpression', undefined], []), name: pick(bad, ['x-a', 'X-A'], ['x b', '']), value: fc.constantFrom('1', '', 'v') }, { requiredKeys: ['name', 'value'] });
const match = (bad: boolean) => fc.record({
  path: pathMatch(bad),
  method: pick(bad, ['GET', 'POST'], ['get']),
  headers: fc.array(header(bad), { maxLength: 2 }),
  queryParams: fc.array(fc.record({ name: pick(bad, ['q', 'Q'], ['']), value: fc.constantFrom('1', 'x') }), { maxLength: 2 }),
}, { requiredKeys: [] });
const pathModifier = fc.record({
  type: fc.constantFrom('ReplacePrefixMatch', 'ReplaceFullPath'),
  replacePrefixMatch: fc.constantFrom('/x', 'x'),
  replaceFullPath: fc.constantFrom('/y'),
}, { requiredKeys: ['type'] });
const filter = (bad: boolean) => fc.oneof(
  fc.record({
    type: fc.constant('RequestRedirect'),
    requestRedirect: fc.record({ scheme: pick(bad, ['https', 'http'], ['ftp']), statusCode: pick(bad, [301, 302], [307]), port: port(bad), path: pathModifier }, { requiredKeys: [] }),
  }),
  fc.record({ type: fc.constant('URLRewrite'), urlRewrite: fc.record({ hostname: pick(bad, ['a.example.com'], ['A_B']), path: pathModifier }, { requiredKeys: [] }) }),
  fc.record({
    type: fc.constantFrom('RequestHeaderModifier', 'ResponseHeaderModifier'),
    requestHeaderModifier: fc.record({ add: fc.array(fc.record({ name: fc.constantFrom('x-a', 'x-b'), value: fc.constant('1') }), { maxLength: 2 }) }),
  }, { requiredKeys: ['type'] }),
  fc.record({ type: pick(bad, ['RequestMirror', 'ExtensionRef'], ['Bogus']) }),
);
const backendRef = (bad: boolean) => fc.record({
  name: fc.constantFrom('store-v1', 'nope', 'web-0'),
  port: port(bad),
  kind: pick(bad, ['Service', 'Other'], []),
  group: fc.constantFrom('', 'example.com'),
  namespace: fc.constantFrom('store', 'other'),
  weight: fc.integer({ min: bad ? -1 : 0, max: bad ? 1000001 : 1000000 }),
  filters: fc.array(filter(bad), { maxLength: 2 }),
}, { requiredKeys: ['name'] });
const rule = (bad: boolean) => fc.record({
  name: pick(bad, ['a', 'b'], ['Bad Name']),
  matches: fc.array(match(bad), { maxLength: 3 }),
  filters: fc.array(filter(bad), { maxLength: 3 }),
  backendRefs: fc.array(backendRef(bad), { maxLength: 2 }),
  timeouts: fc.record({ request: pick(bad, ['10s', '1h'], ['x']), backendRequest: fc.constantFrom('5s', '20s') }, { requiredKeys: [] }),
}, { requiredKeys: [] });
const parentRef = (bad: boolean) => fc.record({
  name: fc.constantFrom('shared', 'missing'),
  namespace: fc.constantFrom('infra', 'store'),
  sectionName: fc.constantFrom('http', 'https', 'nope'),
  port: port(bad),
  kind: fc.constantFrom('Gateway', 'ListenerSet'),
}, { requiredKeys: ['name'] });
const route = (bad: boolean) => fc.record({
  name: fc.constantFrom('r1', 'r2', 'r3', 'store'),
  created: fc.constantFrom(undefined, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
  spec: fc.record({
    parentRefs: fc.array(parentRef(bad), { maxLength: 3 }),
    hostnames: fc.array(hostname, { maxLength: 3 }),
    rules: fc.array(rule(bad), { maxLength: 4 }),
  }, { requiredKeys: [] }),
}).map(({ name, created, spec }) => httpRoute(spec, { name, ...(created === undefined ? {} : { creationTimestamp: created }) }));
const listener = fc.record({
  name: fc.constantFrom('http', 'https', 'tls', 'l1'),
  protocol: fc.constantFrom('HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP', 'Weird'),
  port: fc.integer({ min: 0, max: 70000 }),
  hostname: fc.constantFrom('*.example.com', 'a.example.com', 'Bad_Host'),
  tls: fc.record({ mode: fc.constantFrom('Terminate', 'Passthrough'), certificateRefs: fc.array(fc.record({ name: fc.constantFrom('example-com-tls', 'missing') }), { maxLength: 2 }) }, { requiredKeys: [] }),
  allowedRoutes: fc.record({ namespaces: fc.record({ from: fc.constantFrom('All', 'Same', 'Selector') }, { requiredKeys: [] }), kinds: fc.array(fc.record({ kind: fc.constantFrom('HTTPRoute', 'TLSRoute', 'Nope') }), { maxLength: 2 }) }, { requiredKeys: [] }),
}, { requiredKeys: ['name', 'protocol', 'port'] });
const gatewayArb = fc.record({
  listeners: fc.array(listener, { minLength: 0, maxLength: 4 }),
  addresses: fc.array(fc.record({ type: fc.constantFrom('IPAddress', 'Hostname', 'example.com/x'), value: fc.constantFrom('10.0.0.1', '::ffff:1.2.3.4', 'a.example.com', '010.0.0.1', 'x y') }, { requiredKeys: ['value'] }), { maxLength: 2 }),
}, { requiredKeys: [] }).map((spec) => gateway(spec));

/** The sets to check: each a list of manifests, checked together. */
function sets(): any[][] {
  const out: any[][] = [validSet()];
  // The valid set with one object replaced by a variant.
  const variants = [
    httpRoute({ rules: [{ matches: [{ path: { type: 'PathPrefix', value: 'no-slash' } }] }] }),
    grpcRoute({ rules: [{ matches: [{ method: { type: 'Exact' } }] }] }),
    tlsRoute({ hostnames: ['Bad_Host'] }),
    tlsGateway(),
    referenceGrant({ from: [{ group: 'x', kind: 'HTTPRoute', namespace: 'store' }] }),
    backendTlsPolicy(),
    listenerSet(),
    gatewayClass(),
  ];
  for (const v of variants) out.push([...validSet(), v]);
  // Generated routes with the valid set's Gateway, Service and Secret, several to a set (so that
  // routes conflict, GW109, and the memoized results are reused across objects).
  const routes = [...fc.sample(route(true), { seed: 20261130, numRuns: 120 }), ...fc.sample(route(false), { seed: 20261201, numRuns: 240 })];
  for (let i = 0; i < routes.length; i += 4) {
    out.push([gateway(), service(), secret(), ...routes.slice(i, i + 4)]);
  }
  // Generated Gateways with a route.
  for (const g of fc.sample(gatewayArb, { seed: 1130, numRuns: 60 })) {
    out.push([g, secret(), service(), httpRoute()]);
  }
  // The bench's app route, many times over: identical values, so memoized results are hit.
  const bench = Array.from({ length: 50 }, (_x, i) => httpRoute({
    parentRefs: [{ name: 'shared', namespace: 'infra', sectionName: 'https' }],
    hostnames: [`web-${i}.example.com`],
    rules: [{ backendRefs: [{ name: `web-${i}`, port: 80 }], matches: [{ path: { type: 'PathPrefix', value: '/' } }] }],
  }, { name: `web-${i}` }));
  out.push([gateway(), secret(), ...bench]);
  // Routes claiming the same hostnames and matches (GW109), some older than others.
  out.push([gateway(), secret(), ...bench.slice(0, 10).map((r, i) => ({ ...r, metadata: { ...r.metadata, name: `copy-${i}`, creationTimestamp: '2024-01-01T00:00:00Z' } })), ...bench.slice(0, 10)]);
  return out;
}

/** The findings of every set, one line per finding. */
function findings(): string[][] {
  return sets().map((s) => run(s).map((f) => JSON.stringify([f.ruleId, f.manifestIndex, f.kind, f.name, f.field, f.message, f.value, f.fix])));
}

/**
 * What the fixture keeps of a set's findings: `RULE field` of each, and a SHA-256 of the whole
 * findings (messages, values, fixes), so that the file stays small and any change shows.
 */
function digest(lines: string[]): [string, string[]] {
  return [createHash('sha256').update(lines.join('\n')).digest('hex'), lines.map((l) => { const [id, i, , , field] = JSON.parse(l); return `${id} ${i} ${field}`; })];
}

test('the generated sets exercise the CEL rules and the conflicts', () => {
  const all = findings().flat();
  expect(all.length).toBeGreaterThan(500);
  for (const id of ['GW005', 'GW006', 'GW007', 'GW008', 'GW109']) {
    expect(all.some((f) => f.startsWith(`["${id}"`))).toBe(true);
  }
});

test('every finding is the one recorded before the CEL shortcuts', () => {
  const got = findings().map(digest);
  if (process.env.RECORD_GATEWAY_EXPECTATIONS === '1') {
    fs.writeFileSync(EXPECTED, `[\n${got.map((d) => JSON.stringify(d)).join(',\n')}\n]\n`);
  }
  const expected = JSON.parse(fs.readFileSync(EXPECTED, 'utf8'));
  expect(got.length).toBe(expected.length);
  for (let i = 0; i < got.length; i++) {
    expect([i, got[i]]).toEqual([i, expected[i]]);
  }
});

test('the rules find the same without the shortcuts, in the same run', () => {
  const fast = findings();
  const restore = celShortcuts(false);
  try {
    expect(findings()).toEqual(fast);
  } finally {
    celShortcuts(restore);
  }
});
