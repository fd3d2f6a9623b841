// Property-based tests: routes and Gateways built from random valid input emit objects the CRD
// schemas accept; random bad input gives a ValidationError (never a TypeError or a plain Error).
import { Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { gatewayApiSchemaProblems } from './_schema';
import {
  AllowedRoutes, CertManagerIssuer, CertificateRef, Gateway, GatewayListener, GrpcRoute, GrpcRouteMatch, HttpMethod, HttpPathModifier,
  HttpRoute, HttpRouteFilter, HttpRouteMatch, RouteBackend, StringMatchType, ValidationError,
} from '../../src';

const PARAMS = { seed: 20261130, numRuns: 200 };

const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc.tuple(fc.boolean(), fc.array(label, { minLength: 2, maxLength: 3 })).map(([wild, l]) => `${wild ? '*.' : ''}${l.join('.')}`);
const segment = fc.stringMatching(/^[A-Za-z0-9_~!$&'()*+,;=:@-]{1,6}$/);
const path = fc.array(segment, { maxLength: 3 }).map((segs) => `/${segs.join('/')}`);
const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/);
const value = fc.string({ minLength: 1, maxLength: 30 });
const matchType = fc.option(fc.constantFrom(StringMatchType.EXACT, StringMatchType.REGULAR_EXPRESSION), { nil: undefined });
const named = (max: number) => fc.uniqueArray(
  fc.record({ name: token, value, type: matchType }),
  { maxLength: max, selector: (h) => h.name.toLowerCase() },
);
const method = fc.option(fc.constantFrom(...Object.values(HttpMethod)), { nil: undefined });
const weight = fc.option(fc.integer({ min: 1, max: 1000000 }), { nil: undefined });
const port = fc.integer({ min: 1, max: 65535 });

const httpMatch = fc.tuple(fc.constantFrom('prefix', 'exact', 'regex'), path, named(3), named(3), method).map(([kind, p, headers, queryParams, m]) => {
  const options = { headers, queryParams, method: m };
  if (kind === 'prefix') return HttpRouteMatch.pathPrefix(p, options);
  if (kind === 'exact') return HttpRouteMatch.exact(p, options);
  return HttpRouteMatch.regularExpression(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/.*`, options);
});

const backend = fc.tuple(label, port, weight, fc.option(label, { nil: undefined }))
  .map(([name, p, w, ns]) => RouteBackend.serviceName(name, { port: p, weight: w, namespace: ns }));

const headerFilter = fc.tuple(fc.boolean(), named(2), named(2), fc.uniqueArray(token, { maxLength: 2, selector: (t) => t.toLowerCase() }))
  .filter(([, set, add, remove]) => set.length + add.length + remove.length > 0
    && !remove.some((r) => [...set, ...add].some((h) => h.name.toLowerCase() === r.toLowerCase())))
  .map(([request, set, add, remove]) => {
    const o = { set: set.map(({ name, value: v }) => ({ name, value: v })), add: add.map(({ name, value: v }) => ({ name, value: v })), remove };
    return request ? HttpRouteFilter.requestHeaderModifier(o) : HttpRouteFilter.responseHeaderModifier(o);
  });

const timeouts = fc.option(fc.record({
  request: fc.option(fc.integer({ min: 1, max: 3600000 }).map(Duration.millis), { nil: undefined }),
  backendRequest: fc.option(fc.integer({ min: 1, max: 1000 }).map(Duration.millis), { nil: undefined }),
}), { nil: undefined });

const rule = fc.oneof(
  fc.record({
    matches: fc.uniqueArray(httpMatch, { maxLength: 4, selector: (m) => JSON.stringify(m) }),
    backends: fc.uniqueArray(backend, { minLength: 1, maxLength: 3, selector: (b) => `${b.name}:${b.port}:${b.namespace}` }),
    filters: fc.option(headerFilter.map((f) => [f]), { nil: undefined }),
    timeouts,
  }),
  fc.tuple(fc.constantFrom(301, 302, 308), path).map(([statusCode, p]) => ({
    matches: [HttpRouteMatch.pathPrefix(p)],
    filters: [HttpRouteFilter.requestRedirect({ scheme: undefined, statusCode, path: HttpPathModifier.prefix('/new') })],
  })),
);

function attempt(build: (chart: Chart) => void): string[] | 'validation-error' {
  const chart = new Chart(Testing.app(), 'prop', { namespace: 'web' });
  try {
    build(chart);
    return gatewayApiSchemaProblems(chart);
  } catch (e) {
    if (!ValidationError.isValidationError(e)) {
      throw e;
    }
    return 'validation-error';
  }
}

test('HTTPRoutes from random valid input are accepted by the CRD schema', () => {
  let emitted = 0;
  fc.assert(fc.property(fc.uniqueArray(host, { maxLength: 4 }), fc.array(rule, { minLength: 1, maxLength: 4 }), (hostnames, rules) => {
    const result = attempt((chart) => {
      const route = new HttpRoute(chart, 'R', { parentRefs: [{ gateway: Gateway.fromGatewayName('gw', { namespace: 'infra' }) }], hostnames });
      for (const r of rules) {
        try {
          route.addRule(r as any);
        } catch (e) {
          // a match another rule takes already, or a backendRequest longer than request: refused, as the API would
          if (!ValidationError.isValidationError(e) || !/matched twice|longer than `request`/.test((e as Error).message)) {
            throw e;
          }
        }
      }
    });
    if (result !== 'validation-error') {
      emitted++;
      expect(result).toEqual([]);
    }
  }), PARAMS);
  expect(emitted).toBeGreaterThan(100);
});

test('Gateways from random valid listeners are accepted by the CRD schema', () => {
  const listener = fc.oneof(
    fc.tuple(fc.option(host, { nil: undefined }), port)
      .map(([h, p]) => GatewayListener.http({ hostname: h, port: p, allowedRoutes: AllowedRoutes.all() })),
    fc.tuple(host, port, label).map(([h, p, s]) => GatewayListener.https({ hostname: h, port: p, certificates: [CertificateRef.fromSecretName(s)] })),
    fc.tuple(host, port).map(([h, p]) => GatewayListener.https({ hostname: h, port: p, certManager: CertManagerIssuer.clusterIssuer('le') })),
    fc.tuple(port, fc.dictionary(label, label, { minKeys: 1, maxKeys: 2 }))
      .map(([p, labels]) => GatewayListener.http({ name: 'sel', port: p, allowedRoutes: AllowedRoutes.fromNamespaces(labels) })),
  );
  fc.assert(fc.property(fc.array(listener, { minLength: 1, maxLength: 5 }), (listeners) => {
    const result = attempt((chart) => {
      const gateway = new Gateway(chart, 'G', { gatewayClassName: 'istio' });
      for (const l of listeners) {
        try {
          gateway.addListener(l);
        } catch (e) {
          if (!ValidationError.isValidationError(e)) {
            throw e;
          }
        }
      }
      if (gateway.listeners.length === 0) {
        gateway.addListener(GatewayListener.http({ name: 'fallback', port: 1 }));
      }
    });
    expect(result === 'validation-error' ? [] : result).toEqual([]);
  }), PARAMS);
});

test('GRPCRoutes from random valid input are accepted by the CRD schema', () => {
  const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
  const service = fc.array(ident, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
  const grpcMatch = fc.oneof(
    fc.tuple(service, ident).map(([s, m]) => GrpcRouteMatch.method(s, m)),
    service.map((s) => GrpcRouteMatch.service(s)),
    named(2).filter((h) => h.length > 0).map((h) => GrpcRouteMatch.headers(h)),
  );
  const matchList = fc.uniqueArray(grpcMatch, { maxLength: 5, selector: (m) => JSON.stringify(m) });
  fc.assert(fc.property(matchList, fc.array(backend, { minLength: 1, maxLength: 1 }), (matches, backends) => {
    const result = attempt((chart) => new GrpcRoute(chart, 'G', { parentRefs: [{ gateway: Gateway.fromGatewayName('gw') }], rules: [{ matches, backends }] }));
    expect(result).toEqual([]);
  }), PARAMS);
});

const hostile = fc.oneof(
  fc.string(), fc.constantFrom('', ' ', '10.0.0.1', 'a.com:80', 'https://a.com/x', 'A_B', '*', '*.*.a.com', 'a//b', '%2F', 'x'.repeat(300)),
  fc.constantFrom(null, undefined, 42, NaN, {}, [], -1, 1.5, 70000) as fc.Arbitrary<any>,
);

test('random bad input gives a ValidationError, never a TypeError', () => {
  const builders: Array<(x: any) => unknown> = [
    (x) => HttpRouteMatch.pathPrefix(x),
    (x) => HttpRouteMatch.exact('/a', { headers: [{ name: x, value: x }] }),
    (x) => HttpRouteMatch.regularExpression('/a', { queryParams: x }),
    (x) => HttpRouteFilter.requestHeaderModifier({ set: [{ name: x, value: 'v' }] }),
    (x) => HttpRouteFilter.requestRedirect({ hostname: x }),
    (x) => HttpRouteFilter.httpsRedirect({ statusCode: x }),
    (x) => RouteBackend.serviceName(x, { port: x }),
    (x) => RouteBackend.serviceName('a', { port: 80, weight: x }),
    (x) => RouteBackend.fromWebBackend(x),
    (x) => GatewayListener.http({ hostname: x, port: x }),
    (x) => GatewayListener.https({ certificates: x }),
    (x) => AllowedRoutes.fromNamespaces(x),
    (x) => CertificateRef.fromSecretName(x),
    (x) => Gateway.fromGatewayName(x, { namespace: x }),
    (x) => GrpcRouteMatch.method(x, x),
    (x) => new HttpRoute(new Chart(Testing.app(), 'c'), 'R', { hostnames: [x] }),
    (x) => new HttpRoute(new Chart(Testing.app(), 'c'), 'R', { parentRefs: [{ gateway: Gateway.fromGatewayName('g') }] }).addRule({ matches: x, backends: x }),
    (x) => new Gateway(new Chart(Testing.app(), 'c'), 'G', { gatewayClassName: x, listeners: x }),
  ];
  const valid = (x: any) => typeof x === 'string' && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(x) && x.length < 64;
  fc.assert(fc.property(hostile.filter((x) => !valid(x)), fc.integer({ min: 0, max: builders.length - 1 }), (x, i) => {
    try {
      builders[i](x);
    } catch (e) {
      expect(ValidationError.isValidationError(e)).toBe(true);
    }
  }), { ...PARAMS, numRuns: 600 });
});
