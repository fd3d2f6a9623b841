import { Chart, Testing } from 'cdk8s';
import { gatewayApiSchemaProblems, only } from './_schema';
import { Gateway, GrpcRoute, GrpcRouteMatch, InternalWebApp, RouteBackend, StringMatchType } from '../../src';

const shared = () => Gateway.fromGatewayName('shared', { namespace: 'infra' });

test('defaults', () => {
  const chart = Testing.chart();
  new GrpcRoute(chart, 'Orders', { parentRefs: [{ gateway: shared() }], rules: [{ backends: [RouteBackend.serviceName('orders', { port: 50051 })] }] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('matches on service, method, regular expressions and headers; header changes', () => {
  // GIVEN
  const chart = Testing.chart();
  const route = new GrpcRoute(chart, 'Orders', { name: 'orders', parentRefs: [{ gateway: shared(), sectionName: 'grpc' }], hostnames: ['grpc.example.com'] });

  // WHEN
  route.addRule({
    matches: [
      GrpcRouteMatch.method('shop.v1.Orders', 'GetOrder'),
      GrpcRouteMatch.service('shop.v1.Payments', { headers: [{ name: 'x-tenant', value: 'acme' }] }),
      GrpcRouteMatch.regularExpression({ service: 'shop\\.v2\\..*', headers: [{ name: 'x-env', value: 'prod|stage', type: StringMatchType.REGULAR_EXPRESSION }] }),
      GrpcRouteMatch.headers([{ name: 'x-canary', value: 'true' }]),
    ],
    backends: [RouteBackend.serviceName('orders', { port: 50051 })],
    requestHeaders: { set: [{ name: 'x-from', value: 'gateway' }] },
    responseHeaders: { remove: ['x-internal'] },
  });

  // THEN
  expect(only(chart, 'GRPCRoute').spec.rules[0]).toEqual({
    matches: [
      { method: { type: 'Exact', service: 'shop.v1.Orders', method: 'GetOrder' } },
      { method: { type: 'Exact', service: 'shop.v1.Payments' }, headers: [{ name: 'x-tenant', value: 'acme' }] },
      { method: { type: 'RegularExpression', service: 'shop\\.v2\\..*' }, headers: [{ name: 'x-env', value: 'prod|stage', type: 'RegularExpression' }] },
      { headers: [{ name: 'x-canary', value: 'true' }] },
    ],
    filters: [
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-from', value: 'gateway' }] } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { remove: ['x-internal'] } },
    ],
    backendRefs: [{ name: 'orders', port: 50051 }],
  });
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('a backend of this app in another namespace comes with a grant from GRPCRoutes', () => {
  const app = Testing.app();
  const backend = new Chart(app, 'backend', { namespace: 'backend' });
  const web = new Chart(app, 'web', { namespace: 'web' });
  const orders = new InternalWebApp(backend, 'Orders', { image: 'orders:1', serviceName: 'orders', port: 50051 });
  const route = new GrpcRoute(web, 'R', { parentRefs: [{ gateway: shared() }], rules: [{ backends: [RouteBackend.fromWebBackend(orders)] }] });
  expect(route.referenceGrants[0].from).toEqual([{ kind: 'GRPCRoute', namespace: 'web', group: undefined }]);
  expect(Testing.synth(web).filter((m: any) => m.kind === 'ReferenceGrant')[0].spec.to).toEqual([{ group: '', kind: 'Service', name: 'orders' }]);
});

describe('fails if', () => {
  test('fails if a service or method name is invalid', () => {
    expect(() => GrpcRouteMatch.method('shop/v1', 'Get-Order'))
      .toThrow(/`service` must be a fully qualified gRPC service name[\s\S]*`method` must be a gRPC method name/);
    expect(() => GrpcRouteMatch.regularExpression({})).toThrow(/`service` must be set, or `method`/);
    expect(() => GrpcRouteMatch.regularExpression({ method: '(' })).toThrow(/`method` must be a regular expression that compiles/);
    expect(() => GrpcRouteMatch.headers([])).toThrow(/`headers` must list at least one header/);
  });

  test('fails if a rule has no backend, or a match repeats', () => {
    const route = new GrpcRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    expect(() => route.addRule({ backends: [] })).toThrow(/`rules\[0\].backends` must list at least one backend/);
    const b = [RouteBackend.serviceName('a', { port: 80 })];
    route.addRule({ matches: [GrpcRouteMatch.service('a.B')], backends: b });
    expect(() => route.addRule({ matches: [GrpcRouteMatch.service('a.B')], backends: b })).toThrow(/must not be matched twice: rule 0 of the route matches it already/);
    expect(() => route.addRule({ backends: b, requestHeaders: {} })).toThrow(/`rules\[1\].requestHeaders` must set, add or remove at least one header/);
  });

  test('fails if a route has no parent or rule at synth', () => {
    const chart = Testing.chart();
    new GrpcRoute(chart, 'R');
    expect(() => Testing.synth(chart)).toThrow(/\[test\/R\] `parentRefs` must attach the route to at least one Gateway/);
  });
});
