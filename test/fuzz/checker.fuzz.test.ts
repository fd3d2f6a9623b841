// Property-based tests of the manifest checker: whatever it is given (any JSON-like value,
// manifest-like objects with hostile fields, valid manifests with one part mutated), it
// returns well-formed findings and never throws, hangs or changes its input.
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { fuzzParams, hostileNumber, hostileString, ipv4, ipv6 } from './_harness';
import {
  ExternalBackend, ExternalService, EndpointObjects, Finding, HeadlessStatefulService, IngressController, InternalWebApp,
  ManifestChecker, PublicWebApp, Severity, ValidationError, WebBackend, WebExposure, WebTls,
} from '../../src';

const RULE_IDS = new Set(ManifestChecker.rules.map((r) => r.id));

/** Valid manifests of every kind the checker knows, as our constructs write them, plus context objects. */
function baseManifests(): any[] {
  const chart = new Chart(Testing.app(), 'base', { namespace: 'shop' });
  const api = new InternalWebApp(chart, 'Api', { serviceName: 'api', image: 'registry.example.com/api:2.0' });
  const shop = new PublicWebApp(chart, 'Shop', {
    serviceName: 'shop',
    image: 'registry.example.com/shop:1.4',
    domainNames: ['shop.example.com', '*.shop.example.com'],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt-prod' }),
    ingressController: IngressController.nginx(),
    defaultBackend: api,
  });
  shop.addPath('/api', { backend: api, host: 'shop.example.com' });
  shop.addPath('/legacy', { backend: WebBackend.serviceName('legacy', { portName: 'http' }) });
  new PublicWebApp(chart, 'Lb', {
    serviceName: 'lb',
    image: 'registry.example.com/shop:1.4',
    exposure: WebExposure.loadBalancer({ sourceRanges: ['203.0.113.0/24'] }),
  });
  new ExternalService(chart, 'Db', {
    serviceName: 'db',
    backend: ExternalBackend.addresses([ipv4(1), ipv4(2), ipv6(1)]),
    ports: [{ name: 'pg', port: 5432 }],
    endpointObjects: EndpointObjects.BOTH,
  });
  new ExternalService(chart, 'Docs', { serviceName: 'docs', backend: ExternalBackend.hostname('docs.example.com'), ports: [{ name: 'https', port: 443 }] });
  new HeadlessStatefulService(chart, 'Etcd', {
    statefulSetName: 'etcd',
    clientService: true,
    containers: [{ image: 'registry.k8s.io/etcd:3.5.9-0', ports: [{ number: 2379, name: 'client' }, { number: 2380, name: 'peer' }] }],
  });
  const manifests = Testing.synth(chart);
  manifests.push(
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'shop', labels: { app: 'debug' } }, spec: { containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 80, name: 'http' }] }] } },
  );
  return manifests;
}

const BASE = baseManifests();

/** Every finding is complete: a known rule, a severity, the object's index, a field and a message. */
function expectWellFormed(findings: Finding[], count: number): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings) {
    const wellFormed = RULE_IDS.has(f.ruleId)
      && (f.severity === Severity.ERROR || f.severity === Severity.WARNING)
      && Number.isInteger(f.manifestIndex) && f.manifestIndex >= 0 && f.manifestIndex < Math.max(count, 1)
      && typeof f.field === 'string' && f.field.length > 0
      && typeof f.message === 'string' && f.message.length > 0
      && typeof f.docsUrl === 'string'
      && (f.value === undefined || typeof f.value === 'string');
    if (!wellFormed) {
      throw new Error(`malformed finding: ${JSON.stringify(f)}`);
    }
  }
}

/** Checks `manifests`, failing on any throw, and verifies the findings and that the input is unchanged. */
function checkSafely(manifests: any, options?: any): Finding[] {
  const before = safeJson(manifests);
  let findings: Finding[];
  try {
    findings = ManifestChecker.check(manifests, options);
  } catch (e) {
    const where = String((e as any)?.stack ?? '').split('\n').slice(1, 4).join('\n');
    throw new Error(`the checker threw ${(e as any)?.name}: ${(e as any)?.message ?? e}\n${where}`);
  }
  expectWellFormed(findings, Array.isArray(manifests) ? manifests.length : 0);
  expect(safeJson(manifests)).toBe(before);
  return findings;
}

function safeJson(x: unknown): string | undefined {
  try {
    return JSON.stringify(x);
  } catch {
    return undefined; // a bigint or a cycle: compare nothing
  }
}

/** Keys that collide with Object.prototype members or are special to JavaScript. */
const trickyKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'length', '0', '', ' ');

/** Values for a field: anything JSON-like, hostile strings and numbers, prototype-ish maps. */
const hostileValue: fc.Arbitrary<any> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2 }),
  hostileString,
  hostileNumber,
  trickyKey.map((k) => JSON.parse(`{${JSON.stringify(k)}: {"name": "x"}}`)),
  fc.constantFrom(null, undefined, '', [], {}, [null], [{}], -1, 0, 1e21, 'None', 'TCP', 'IPv4', 'IPv6', 'FQDN', 'Prefix'),
);

/** Every path to a value inside `root` (root itself excluded). */
function pathsOf(root: any): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (x: any, at: (string | number)[]): void => {
    if (Array.isArray(x)) {
      x.forEach((v, i) => {
        out.push([...at, i]);
        walk(v, [...at, i]);
      });
    } else if (x !== null && typeof x === 'object') {
      for (const k of Object.keys(x)) {
        out.push([...at, k]);
        walk(x[k], [...at, k]);
      }
    }
  };
  walk(root, []);
  return out;
}

type Mutation = { readonly at: number; readonly op: 'set' | 'delete' | 'duplicate' | 'addKey'; readonly value: any; readonly key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'set', 'delete', 'duplicate', 'addKey') as fc.Arbitrary<Mutation['op']>,
  value: hostileValue,
  key: fc.oneof(trickyKey, fc.constantFrom('spec', 'ports', 'selector', 'clusterIP', 'type', 'status', 'unknownField'), hostileString),
});

/** A copy of `manifests` with each mutation applied at a path chosen by its `at`. */
function mutate(manifests: any[], mutations: Mutation[]): any[] {
  const copy = JSON.parse(JSON.stringify(manifests));
  for (const m of mutations) {
    const paths = pathsOf(copy);
    if (paths.length === 0) {
      break;
    }
    const path = paths[m.at % paths.length];
    const parent = path.slice(0, -1).reduce((x: any, k) => x[k], copy);
    const key = path[path.length - 1];
    switch (m.op) {
      case 'set':
        parent[key] = m.value;
        break;
      case 'delete':
        if (Array.isArray(parent)) {
          parent.splice(key as number, 1);
        } else {
          delete parent[key];
        }
        break;
      case 'duplicate':
        if (Array.isArray(parent)) {
          parent.push(JSON.parse(JSON.stringify(parent[key as number] ?? null)));
        } else {
          parent[`${String(key)}-copy`] = parent[key];
        }
        break;
      case 'addKey':
        if (parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key])) {
          Object.defineProperty(parent[key], m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        }
        break;
    }
  }
  return copy;
}

const SERVED_KINDS: [string, string][] = [
  ['v1', 'Service'], ['v1', 'Endpoints'], ['discovery.k8s.io/v1', 'EndpointSlice'], ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'IngressClass'], ['v1', 'Pod'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'Deployment'],
  ['extensions/v1beta1', 'Ingress'], ['discovery.k8s.io/v1beta1', 'EndpointSlice'], ['v1', 'ConfigMap'],
];

/** Objects with a real apiVersion and kind and hostile everything else, so the per-kind rules run. */
const manifestLike: fc.Arbitrary<any> = fc.record({
  typeMeta: fc.oneof(fc.constantFrom(...SERVED_KINDS), fc.tuple(hostileValue, hostileValue)),
  metadata: fc.oneof(
    fc.record({
      name: fc.oneof(fc.constantFrom('shop', 'api', 'db'), hostileValue),
      namespace: fc.option(fc.oneof(fc.constantFrom('shop'), hostileValue), { nil: undefined }),
      labels: fc.option(fc.oneof(fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), hostileValue), { nil: undefined }),
      annotations: fc.option(fc.oneof(
        fc.dictionary(fc.oneof(fc.constant(ManifestChecker.ACKNOWLEDGE_ANNOTATION), hostileString), fc.oneof(
          fc.constantFrom('XREF001: pods come from an operator', 'SVC001: no', 'ACK001: x', 'xref008', 'NOPE1: x', ';;', '\n', 'toString: x', 'constructor1: x'),
          hostileValue,
        ), { maxKeys: 2 }),
        hostileValue,
      ), { nil: undefined }),
    }, { requiredKeys: [] }),
    hostileValue,
  ),
  spec: hostileValue,
  extra: fc.dictionary(fc.oneof(trickyKey, fc.constantFrom('subsets', 'endpoints', 'ports', 'addressType', 'controller')), hostileValue, { maxKeys: 3 }),
}).map(({ typeMeta, metadata, spec, extra }) => ({ ...extra, apiVersion: typeMeta[0], kind: typeMeta[1], metadata, spec }));

describe('ManifestChecker.check under hostile input', () => {
  test('the valid base manifests have no error finding (the mutations start from valid input)', () => {
    const errors = checkSafely(BASE).filter((f) => f.severity === Severity.ERROR);
    expect(errors).toEqual([]);
  });

  test('never throws on any value in place of the list of manifests', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (x) => {
      checkSafely(x);
    }), fuzzParams());
  });

  test('never throws on a list of any JSON values and reports each non-object', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3 })), { maxLength: 6 }), (list) => {
      const findings = checkSafely(list);
      list.forEach((x, i) => {
        if (x === null || typeof x !== 'object' || Array.isArray(x)) {
          expect(findings.some((f) => f.manifestIndex === i)).toBe(true);
        }
      });
    }), fuzzParams());
  });

  test('never throws on manifest-like objects of the known kinds with hostile fields', () => {
    let withFindings = 0;
    fc.assert(fc.property(fc.array(manifestLike, { minLength: 1, maxLength: 5 }), (list) => {
      if (checkSafely(list).length > 0) {
        withFindings++;
      }
    }), fuzzParams());
    expect(withFindings).toBeGreaterThan(0);
  });

  test('never throws on valid manifests with a few parts replaced, removed, duplicated or added', () => {
    let clean = 0;
    let flagged = 0;
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const mutated = mutate(BASE, mutations);
      const errors = checkSafely(mutated).filter((f) => f.severity === Severity.ERROR);
      if (errors.length === 0) {
        clean++;
      } else {
        flagged++;
      }
    }), fuzzParams());
    expect(clean).toBeGreaterThan(0);
    expect(flagged).toBeGreaterThan(0);
  });

  // Not random: every field of the base manifests in turn, replaced by each of a few values that
  // broke rules before (an object whose toString is not a function cannot be put in a message).
  test('never throws when any single field of valid manifests is replaced by a hostile value', () => {
    const values: any[] = [{ toString: { name: 'x' } }, null, [], {}, [{ toString: 1 }], -1, 1e21, '', 'None', true];
    let checked = 0;
    for (const [i, m] of BASE.entries()) {
      const paths = pathsOf(m);
      for (const path of paths) {
        for (const value of values) {
          const copy = JSON.parse(JSON.stringify(BASE));
          const parent = path.slice(0, -1).reduce((x: any, k) => x[k], copy[i]);
          parent[path[path.length - 1]] = value;
          try {
            checkSafely(copy);
          } catch (e) {
            throw new Error(`manifest ${i} ${path.join('.')} = ${JSON.stringify(value)}: ${(e as Error).message}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  test('hostile options are refused with a ValidationError naming the option, never another error', () => {
    const options = fc.oneof(
      fc.record({
        nodePortRange: fc.option(fc.oneof(fc.constantFrom('30000-32767', '1-65535', '0-10', '5-4', ' 30000-32767 '), hostileValue), { nil: undefined }),
        skipRules: fc.option(fc.oneof(fc.array(fc.oneof(fc.constantFrom('XREF001', 'svc001', ' EPS007 ', 'toString', '__proto__'), hostileValue), { maxLength: 3 }), hostileValue), { nil: undefined }),
        includeAcknowledged: fc.option(hostileValue, { nil: undefined }),
      }),
      hostileValue,
    );
    let refused = 0;
    fc.assert(fc.property(options, (o) => {
      const manifests = BASE.slice(0, 3);
      let findings: Finding[];
      try {
        findings = ManifestChecker.check(manifests, o);
      } catch (e) {
        if (!ValidationError.isValidationError(e)) {
          throw new Error(`expected a ValidationError, got ${(e as any)?.name}: ${(e as any)?.message ?? e}`);
        }
        refused++;
        for (const p of (e as ValidationError).problems) {
          expect(p.field).toMatch(/^(nodePortRange|skipRules)/);
        }
        return;
      }
      expectWellFormed(findings, manifests.length);
    }), fuzzParams());
    expect(refused).toBeGreaterThan(0);
  });
});
