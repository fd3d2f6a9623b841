import { isDeepStrictEqual } from 'util';
import { parse } from '@bufbuild/cel';
import { ExprSchema } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { equals } from '@bufbuild/protobuf';
import { gateway, grpcRoute, httpRoute, secret, service, tlsGateway, validSet } from './_fixtures';
import { run } from './_run';
import { CelContext, Reads, celShortcuts, celValueOf, compileRule, evaluateMessage, kubernetesIsIP, readsOf } from '../../../src/validation/rules/gateway/_cel';
import { readSyntaxTree } from '../../../src/validation/rules/gateway/_cel-tree';
import { CRD_DATA } from '../../../src/validation/rules/gateway/_crd-data';
import { applyDefaults } from '../../../src/validation/rules/gateway/_walk';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parsedRule } = require('../../../scripts/generate-gateway-data.js') as { parsedRule: (rule: string) => string };

describe('the Kubernetes CEL functions', () => {
  test.each([
    ['10.0.0.1', true],
    ['2001:db8::1', true],
    ['010.0.0.1', false], // leading zeros: netip.ParseAddr refuses them
    ['fe80::1%eth0', false], // a zone
    ['::ffff:10.0.0.1', false], // IPv4-mapped
    ['example.com', false],
  ])('isIP(%s) is %s', (s, expected) => {
    expect(kubernetesIsIP(s)).toBe(expected);
  });

  test('split, substring, matches with an RE2 (?i) flag, exists_one', () => {
    expect(compileRule('self.split("/")[0].size() < 253')('example.com/owner')).toBe(true);
    expect(compileRule('self.startsWith("*.") && self.substring(2) == "example.com"')('*.example.com')).toBe(true);
    expect(compileRule('self.matches(r"""^(?i)\\.?[a-z_][a-z_0-9]*$""")')('Com_Example')).toBe(true);
    expect(compileRule('self.exists_one(x, x == 1)')([1n, 2n])).toBe(true);
  });

  test('a messageExpression gives the message when it evaluates to a string', () => {
    expect(evaluateMessage('"port " + string(self.port) + " is taken"', { port: 80n })).toBe('port 80 is taken');
    expect(evaluateMessage('self.nope', {})).toBeUndefined();
  });

  test('an evaluation error is reported as the API server reports it, not thrown', () => {
    expect(compileRule('self.a == 1')({})).toMatch(/no such key|a/);
  });

  test('a memoized result is kept per CEL value: an int, a double and a string of one number are three values', () => {
    const rule = compileRule('type(self) == int');
    expect([rule(1n), rule(1), rule('1'), rule(1n), rule(1)]).toEqual([true, false, false, true, false]);
    const keyed = compileRule('self.all(k, k == "a") && type(self.a) == int');
    expect([keyed({ a: 1n }), keyed({ a: 1 }), keyed({ a: 1n, b: 1n }), keyed({ a: 1n })]).toEqual([true, false, false, true]);
    const listed = compileRule('self[0] == "x"');
    expect([listed(['x', 'y']), listed(['y', 'x']), listed(['x', 'y'])]).toEqual([true, false, true]);
  });

  test('a rule\'s memo key is made of what it reads: values that differ elsewhere share a result, values that differ there do not', () => {
    const shown = (r: Reads): unknown => ({
      ...(r.whole === true ? { whole: true } : {}),
      ...(r.size === true ? { size: true } : {}),
      ...(r.items !== undefined ? { items: shown(r.items) } : {}),
      ...(r.fields !== undefined ? { fields: Object.fromEntries([...r.fields].map(([k, v]) => [k, shown(v)])) } : {}),
    });
    const rule = 'has(self.backendRefs) && size(self.backendRefs) > 0 ? self.filters.all(f, !has(f.x)) : self.matches[0].type == "A"';
    expect(shown(readsOf(parse(rule).expr))).toEqual({
      fields: { backendRefs: { size: true }, filters: { items: { fields: { x: {} } } }, matches: { items: { fields: { type: { whole: true } } } } },
    });
    // A part used otherwise than by selection, index or iteration is read whole; so is a part
    // iterated by a two-variable comprehension or indexed by a computed value.
    expect(shown(readsOf(parse('self.a == self.b.c || "x" in self.d || self.e[self.f.size()] == 1').expr))).toEqual({
      fields: { a: { whole: true }, b: { fields: { c: { whole: true } } }, d: { whole: true }, e: { whole: true }, f: { size: true } },
    });
    // Presence, a list's length, a map's entries when iterated or counted, a value of another
    // shape: each gives its own result.
    const has = compileRule('has(self.a) && !has(self.b)');
    expect([has({ a: 1n, c: 'x' }), has({ a: null, c: 'y' }), has({ c: 'x' }), has({ a: 1n, b: 1n }), has({ a: 'z' })]).toEqual([true, true, false, false, true]);
    const sized = compileRule('self.x.size() > 1');
    expect([sized({ x: [1n, 2n] }), sized({ x: [1n] }), sized({ x: 'ab' }), sized({ x: 'a' }), sized({ x: { a: 1n, b: 2n } }), sized({ x: { a: 1n } })])
      .toEqual([true, false, true, false, true, false]);
    const items = compileRule('self.all(i, i.n == 1)');
    expect([items([{ n: 1n, m: 2n }]), items([{ n: 1n, m: 3n }, { n: 2n }]), items({ n: 1n }), items([{ n: 1n }])])
      .toEqual([true, false, expect.any(String), true]);
    const indexed = compileRule('self[1].n == 1');
    expect([indexed([{ n: 2n }, { n: 1n }]), indexed([{ n: 1n }]), indexed([{ n: 1n }, { n: 1n, o: 1n }])]).toEqual([true, expect.any(String), true]);
    // A rule whose result is a part of `self` reads that part whole.
    expect(shown(readsOf(parse('self.a.enabled').expr))).toEqual({ fields: { a: { fields: { enabled: { whole: true } } } } });
    const bare = compileRule('self.enabled');
    expect([bare({ enabled: true }), bare({ enabled: false }), bare({ enabled: true })]).toEqual([true, false, true]);
    const selected = compileRule('self.a.b == 1');
    expect([selected({ a: { b: 1n } }), selected({ a: [1n] }), selected({ a: 'b' }), selected({ a: { b: 1 } })]).toEqual([true, expect.any(String), expect.any(String), true]);
  });

  // The same message, and the same plain objects (the evaluator reads their fields directly).
  const sameTree = (ast: string, rule: string) => {
    const read = readSyntaxTree(ast);
    const parsed = parse(rule).expr!;
    return { rule, same: equals(ExprSchema, read, parsed) && isDeepStrictEqual(read, parsed) };
  };

  test('the syntax tree kept with each CRD rule is the one the parser gives for its text', () => {
    expect(CRD_DATA.rules.length).toBeGreaterThan(50);
    for (const r of CRD_DATA.rules) {
      expect(r.ast).toBeDefined();
      expect(sameTree(r.ast!, r.rule)).toEqual({ rule: r.rule, same: true });
    }
  });

  test('the compact syntax tree keeps every kind of expression and constant', () => {
    const rules = [
      'self.a.b == 1 && has(self.c) && self.d[0] in [1u, 2.5, -3, "s", b"\\xff", null, true]',
      'size(self) > 0 ? self.all(x, x.matches("^a")) : self.exists_one(k, v, k == v)',
      '{"k": self.x, 1: [self.y]}["k"] == google.protobuf.Int64Value{value: 5}.value',
      'self.map(x, x * 2).filter(y, y > 9223372036854775807u)',
      '!(self.x.y.z == -1.5) || self.a.split("/")[0].size() < 253',
    ];
    for (const rule of rules) {
      expect(sameTree(parsedRule(rule), rule)).toEqual({ rule, same: true });
    }
  });

  test('a rule gives the same results before and after it stops keeping them (values that seldom repeat)', () => {
    const rule = 'self.all(h, !h.startsWith("x"))';
    const hosts = Array.from({ length: 600 }, (_, i) => [i % 7 === 0 ? `x${i}.example.com` : `h${i}.example.com`]);
    const compiled = compileRule(rule);
    const previous = celShortcuts(false);
    const plain = hosts.map((h) => compileRule(rule)(h));
    celShortcuts(previous);
    expect(hosts.map((h) => compiled(h))).toEqual(plain);
    expect(plain.filter((r) => r !== true)).toHaveLength(86);
  });

  test('values converted to CEL once per context evaluate as the plain values do', () => {
    const context = new CelContext();
    const value = { matches: [{ path: { type: 'Exact', value: '/a' } }], n: 2n, f: 1.5, none: null };
    const rules = ['self.matches[0].path.value == "/a"', 'self.n + 1 == 3', 'self.f == 1.5', 'self.none == null', 'has(self.missing)', 'self.matches.all(m, m.path.type == "Exact")'];
    const previous = celShortcuts(false);
    let plain: unknown[];
    try {
      plain = rules.map((r) => compileRule(r)(value));
    } finally {
      celShortcuts(previous);
    }
    expect(rules.map((r) => compileRule(r)(value, context))).toEqual(plain);
    expect(plain).toEqual([true, true, true, true, false, true]);
    expect(celValueOf(value, context)).toBe(celValueOf(value, context));
  });
});

describe('defaulting before the CEL rules', () => {
  test('a rule without matches gets the default PathPrefix \'/\' match, which the CEL rules read', () => {
    const node = CRD_DATA.kinds.HTTPRoute.versions.v1.p!.spec;
    const spec: any = applyDefaults({ rules: [{ backendRefs: [{ name: 'a', port: 80 }] }] }, node);
    expect(spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(spec.rules[0].backendRefs[0]).toMatchObject({ group: '', kind: 'Service', weight: 1 });
    // The total-matches rule indexes `self[i].matches` and would fail without the default.
    expect(run([httpRoute({ rules: [{ backendRefs: [{ name: 'store-v1', port: 8080 }] }] }), service(), gateway(), secret()])).toEqual([]);
  });

  test('a null of a non-nullable field is dropped and defaulted', () => {
    expect(run([httpRoute({ hostnames: null }), service(), gateway(), secret()]).filter((f) => f.ruleId.startsWith('GW0'))).toEqual([]);
  });
});

test('a few hundred valid objects pass every Gateway API rule (their cost is measured by `npm run bench:checker`)', () => {
  const set: any[] = [gateway(), secret(), service(), tlsGateway()];
  for (let i = 0; i < 100; i++) {
    const r = httpRoute({}, { name: `store-${i}` });
    r.spec.hostnames = [`s${i}.example.com`];
    const g = grpcRoute();
    g.metadata.name = `grpc-${i}`;
    g.spec.hostnames = [`g${i}.example.com`];
    set.push(r, g, ...validSet().filter((o) => o.kind === 'TLSRoute' || o.kind === 'BackendTLSPolicy'));
  }
  const found = run(set);
  expect([...new Set(found.map((f) => `${f.ruleId} ${f.kind} ${f.field}`))]).toEqual([]);
});
