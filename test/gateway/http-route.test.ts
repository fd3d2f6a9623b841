import { Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { gatewayApiSchemaProblems, only, synthKind } from './_schema';
import {
  AllowedRoutes, Gateway, GatewayListener, HttpMethod, HttpPathModifier, HttpRoute, HttpRouteFilter, HttpRouteMatch, InternalWebApp,
  RedirectScheme, RouteBackend, StringMatchType, ValidationError, WebBackend,
} from '../../src';

const shared = () => Gateway.fromGatewayName('shared', { namespace: 'infra' });

test('defaults', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new HttpRoute(chart, 'Shop', {
    parentRefs: [{ gateway: shared() }],
    rules: [{ backends: [RouteBackend.serviceName('shop', { port: 80 })] }],
  });

  // THEN
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('a JSON patch lands as written, also with a field the standard-channel CRD does not list', () => {
  // GIVEN
  const chart = Testing.chart();
  const route = new HttpRoute(chart, 'Shop', {
    parentRefs: [{ gateway: shared() }],
    rules: [{ backends: [RouteBackend.serviceName('shop', { port: 80 })] }],
  });

  // WHEN: the experimental channel's retry field, which an implementation may support
  route.resource.addJsonPatch(JsonPatch.add('/spec/rules/0/retry', { attempts: 2, codes: [503] }));

  // THEN
  expect(route.resource.toJson().spec.rules[0]).toEqual({
    backendRefs: [{ name: 'shop', port: 80 }],
    retry: { attempts: 2, codes: [503] },
  });
});

test('matches: path prefix, exact, regex, headers, query parameters and method', () => {
  // GIVEN
  const chart = Testing.chart();
  const route = new HttpRoute(chart, 'Api', { name: 'api', parentRefs: [{ gateway: shared(), sectionName: 'https' }], hostnames: ['api.example.com'] });

  // WHEN
  const rule = route.addRule({
    name: 'v2',
    matches: [
      HttpRouteMatch.pathPrefix('/v2', { headers: [{ name: 'X-Canary', value: 'true' }], method: HttpMethod.GET }),
      HttpRouteMatch.exact('/health'),
      HttpRouteMatch.regularExpression('/users/[0-9]+', { queryParams: [{ name: 'debug', value: '1|true', type: StringMatchType.REGULAR_EXPRESSION }] }),
    ],
    backends: [RouteBackend.serviceName('api-v2', { port: 8080 })],
  });

  // THEN
  expect(rule.index).toBe(0);
  expect(only(chart, 'HTTPRoute').spec).toEqual({
    parentRefs: [{ name: 'shared', namespace: 'infra', sectionName: 'https' }],
    hostnames: ['api.example.com'],
    rules: [{
      name: 'v2',
      matches: [
        { path: { type: 'PathPrefix', value: '/v2' }, headers: [{ name: 'X-Canary', value: 'true' }], method: 'GET' },
        { path: { type: 'Exact', value: '/health' } },
        { path: { type: 'RegularExpression', value: '/users/[0-9]+' }, queryParams: [{ name: 'debug', value: '1|true', type: 'RegularExpression' }] },
      ],
      backendRefs: [{ name: 'api-v2', port: 8080 }],
    }],
  });
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('filters: header modifiers, URL rewrite, redirect; timeouts as Gateway API durations', () => {
  // GIVEN
  const chart = Testing.chart();
  const route = new HttpRoute(chart, 'Shop', { parentRefs: [{ gateway: shared() }] });

  // WHEN
  route.addRule({
    matches: [HttpRouteMatch.pathPrefix('/old')],
    filters: [
      HttpRouteFilter.urlRewrite({ path: HttpPathModifier.prefix('/new') }),
      HttpRouteFilter.requestHeaderModifier({ set: [{ name: 'X-Env', value: 'prod' }], remove: ['X-Debug'] }),
      HttpRouteFilter.responseHeaderModifier({ add: [{ name: 'Cache-Control', value: 'no-store' }] }),
    ],
    backends: [RouteBackend.serviceName('shop', { port: 80 })],
    timeouts: { request: Duration.minutes(1), backendRequest: Duration.millis(1500) },
  });
  route.addRule({
    matches: [HttpRouteMatch.exact('/docs')],
    filters: [HttpRouteFilter.requestRedirect({ hostname: 'docs.example.com', scheme: RedirectScheme.HTTPS, path: HttpPathModifier.fullPath('/'), statusCode: 308 })],
  });

  // THEN
  const rules = only(chart, 'HTTPRoute').spec.rules;
  expect(rules[0].filters).toEqual([
    { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' } } },
    { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Env', value: 'prod' }], remove: ['X-Debug'] } },
    { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'Cache-Control', value: 'no-store' }] } },
  ]);
  expect(rules[0].timeouts).toEqual({ request: '1m', backendRequest: '1s500ms' });
  expect(rules[1]).toEqual({
    matches: [{ path: { type: 'Exact', value: '/docs' } }],
    filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: 'docs.example.com', scheme: 'https', statusCode: 308, path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }],
  });
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('the HTTPS redirect is a rule without backends', () => {
  const chart = Testing.chart();
  new HttpRoute(chart, 'Redirect', { parentRefs: [{ gateway: shared(), sectionName: 'http' }], rules: [{ filters: [HttpRouteFilter.httpsRedirect()] }] });
  expect(only(chart, 'HTTPRoute').spec.rules).toEqual([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }]);
});

test('canary: weighted backends from web apps and outside Services', () => {
  // GIVEN
  const chart = Testing.chart();
  const stable = new InternalWebApp(chart, 'Stable', { image: 'shop:1.4', serviceName: 'shop' });
  const canary = new InternalWebApp(chart, 'Canary', { image: 'shop:1.5', serviceName: 'shop-canary' });

  // WHEN
  const route = new HttpRoute(chart, 'Shop', {
    parentRefs: [{ gateway: shared() }],
    rules: [{ backends: [RouteBackend.fromWebBackend(stable, { weight: 90 }), RouteBackend.fromWebBackend(canary, { weight: 10 })] }],
  });
  route.addRule({ matches: [HttpRouteMatch.pathPrefix('/legacy')], backends: [RouteBackend.fromWebBackend(WebBackend.serviceName('legacy', { port: 8080 }))] });

  // THEN
  const rules = only(chart, 'HTTPRoute').spec.rules;
  expect(rules[0].backendRefs).toEqual([{ name: 'shop', port: 80, weight: 90 }, { name: 'shop-canary', port: 80, weight: 10 }]);
  expect(rules[1].backendRefs).toEqual([{ name: 'legacy', port: 8080 }]);
  expect(route.outsideReferences).toEqual([{ kind: 'Service', name: 'legacy', namespace: undefined, referenceGrantNeeded: false }]);
  expect(route.referenceGrants).toEqual([]);
});

test('a cdk8s-plus Service as backend: its only port, or the port given', () => {
  const chart = Testing.chart();
  const svc = new kplus.Service(chart, 'Svc', { metadata: { name: 'api' }, ports: [{ port: 80 }, { port: 9090 }] });
  expect(() => RouteBackend.service(svc)).toThrow(/`port` must be set: Service 'api' has 2 ports/);
  expect(() => RouteBackend.service(svc, { port: 81 })).toThrow(/`port` must be a port that Service 'api' exposes \(80, 9090\), got 81/);
  expect(RouteBackend.service(svc, { port: 9090 })).toMatchObject({ name: 'api', port: 9090, inApp: true });
});

test('a backend of this app in another namespace comes with its ReferenceGrant; an outside one is listed', () => {
  // GIVEN
  const app = Testing.app();
  const backend = new Chart(app, 'backend', { namespace: 'backend' });
  const web = new Chart(app, 'web', { namespace: 'web' });
  const catalog = new InternalWebApp(backend, 'Catalog', { image: 'catalog:2', serviceName: 'catalog' });

  // WHEN
  const route = new HttpRoute(web, 'Shop', {
    name: 'shop',
    parentRefs: [{ gateway: shared() }],
    rules: [
      { matches: [HttpRouteMatch.pathPrefix('/catalog')], backends: [RouteBackend.fromWebBackend(catalog)] },
      { matches: [HttpRouteMatch.pathPrefix('/billing')], backends: [RouteBackend.serviceName('billing', { port: 443, namespace: 'billing' })] },
    ],
  });

  // THEN
  const manifests = Testing.synth(web);
  expect(manifests.find((m: any) => m.kind === 'HTTPRoute').spec.rules.map((r: any) => r.backendRefs)).toEqual([
    [{ name: 'catalog', namespace: 'backend', port: 80 }],
    [{ name: 'billing', namespace: 'billing', port: 443 }],
  ]);
  expect(manifests.filter((m: any) => m.kind === 'ReferenceGrant')).toEqual([{
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'ReferenceGrant',
    metadata: { name: 'shop-httproute-web', namespace: 'backend' },
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'web' }], to: [{ group: '', kind: 'Service', name: 'catalog' }] },
  }]);
  expect(route.outsideReferences).toEqual([{ kind: 'Service', name: 'billing', namespace: 'billing', referenceGrantNeeded: true }]);
  expect(gatewayApiSchemaProblems(web)).toEqual([]);
});

test('one grant per target namespace, naming each Service once', () => {
  const app = Testing.app();
  const backend = new Chart(app, 'backend', { namespace: 'backend' });
  const web = new Chart(app, 'web', { namespace: 'web' });
  const a = new InternalWebApp(backend, 'A', { image: 'a:1', serviceName: 'a' });
  const b = new InternalWebApp(backend, 'B', { image: 'b:1', serviceName: 'b' });
  const route = new HttpRoute(web, 'R', { parentRefs: [{ gateway: shared() }] });
  route.addRule({ matches: [HttpRouteMatch.pathPrefix('/a')], backends: [RouteBackend.fromWebBackend(a)] });
  route.addRule({ matches: [HttpRouteMatch.pathPrefix('/a2')], backends: [RouteBackend.fromWebBackend(a)] });
  route.addRule({ matches: [HttpRouteMatch.pathPrefix('/b')], backends: [RouteBackend.fromWebBackend(b)] });
  expect(route.referenceGrants).toHaveLength(1);
  expect(route.referenceGrants[0].to).toEqual([{ kind: 'Service', name: 'a', group: undefined }, { kind: 'Service', name: 'b', group: undefined }]);
});

test('routes are checked against the listeners of a Gateway of this app', () => {
  // GIVEN
  const app = Testing.app();
  const infra = new Chart(app, 'infra', { namespace: 'infra' });
  const web = new Chart(app, 'web', { namespace: 'web' });
  const gateway = new Gateway(infra, 'Public', { gatewayClassName: 'istio', name: 'public', listeners: [GatewayListener.http()] });

  // WHEN
  new HttpRoute(web, 'A', { parentRefs: [{ gateway, sectionName: 'https' }], rules: [{ backends: [RouteBackend.serviceName('a', { port: 80 })] }] });
  new HttpRoute(web, 'B', { parentRefs: [{ gateway, sectionName: 'http' }], rules: [{ backends: [RouteBackend.serviceName('b', { port: 80 })] }] });

  // THEN
  expect(() => app.synth()).toThrow(/\[web\/A\] `parentRefs\[0\].sectionName` must name a listener of Gateway 'public' \('http'\), got 'https'[\s\S]*\[web\/B\] `parentRefs\[0\]` must reach a listener that admits a HTTPRoute from namespace 'web': 'http' allows only namespace 'infra'/);
});

test('a listener that allows every namespace admits the route; a later listener fixes a sectionName', () => {
  const app = Testing.app();
  const infra = new Chart(app, 'infra', { namespace: 'infra' });
  const web = new Chart(app, 'web', { namespace: 'web' });
  const gateway = new Gateway(infra, 'Public', { gatewayClassName: 'istio', name: 'public', listeners: [GatewayListener.http({ allowedRoutes: AllowedRoutes.all() })] });
  new HttpRoute(web, 'A', { parentRefs: [{ gateway, sectionName: 'admin' }], rules: [{ backends: [RouteBackend.serviceName('a', { port: 80 })] }] });
  gateway.addListener(GatewayListener.http({ name: 'admin', port: 8080, allowedRoutes: AllowedRoutes.all() }));
  expect(() => app.synth()).not.toThrow();
});

test('fails if no listener of the Gateway serves the route\'s host names', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'infra', { namespace: 'infra' });
  const gateway = Gateway.fromGatewayName('public', { listeners: [{ name: 'shop', port: 443, protocol: 'HTTPS', hostname: '*.shop.example.com' }] });
  new HttpRoute(chart, 'Ok', { parentRefs: [{ gateway }], hostnames: ['eu.shop.example.com'], rules: [{ backends: [RouteBackend.serviceName('a', { port: 80 })] }] });
  expect(() => app.synth()).not.toThrow();
  new HttpRoute(chart, 'Blog', { parentRefs: [{ gateway }], hostnames: ['blog.example.com'], rules: [{ backends: [RouteBackend.serviceName('a', { port: 80 })] }] });
  expect(() => app.synth()).toThrow(/\[infra\/Blog\] `parentRefs\[0\]` must reach a listener that serves one of the route's host names \(blog.example.com\): 'shop' serves '\*.shop.example.com'/);
});

describe('fails if', () => {
  test('fails if a route has no parent or no rule at synth', () => {
    const chart = Testing.chart();
    new HttpRoute(chart, 'R');
    expect(() => Testing.synth(chart)).toThrow(/`parentRefs` must attach the route to at least one Gateway[\s\S]*`rules` must have at least one rule/);
  });

  test('fails if a path breaks the CRD rules for its type', () => {
    expect(() => HttpRouteMatch.pathPrefix('v1')).toThrow(/`path` must be an absolute path starting with '\/' for PathPrefix, got 'v1'; did you mean '\/v1'\?/);
    expect(() => HttpRouteMatch.exact('/a//b/./c')).toThrow(/must not contain '\/\/' for Exact[\s\S]*must not contain '\/.\/' for Exact/);
    expect(() => HttpRouteMatch.pathPrefix('/a/..')).toThrow(/must not end with '\/.' or '\/..'/);
    expect(() => HttpRouteMatch.pathPrefix('/a%2fb')).toThrow(/must not contain '%2f'/);
    expect(() => HttpRouteMatch.pathPrefix('/a b')).toThrow(/must contain only the characters of a URL path/);
    expect(() => HttpRouteMatch.pathPrefix('/x#y')).toThrow(/must not contain '#'/);
    expect(() => HttpRouteMatch.pathPrefix('/' + 'a'.repeat(1024))).toThrow(/must be no more than 1024 characters/);
    expect(() => HttpRouteMatch.regularExpression('/(unclosed')).toThrow(/must be a regular expression that compiles/);
  });

  test('fails if header or query matches are invalid or repeated', () => {
    expect(() => HttpRouteMatch.pathPrefix('/', { headers: [{ name: 'X Bad', value: '' }] }))
      .toThrow(/`headers\[0\].name` must be an HTTP token[\s\S]*`headers\[0\].value` must be a non-empty string/);
    expect(() => HttpRouteMatch.pathPrefix('/', { headers: [{ name: 'x-a', value: '1' }, { name: 'X-A', value: '2' }] })).toThrow(/`headers\[1\].name` must not be listed twice/);
    expect(() => HttpRouteMatch.pathPrefix('/', { queryParams: [{ name: 'q', value: 'x'.repeat(1025) }] })).toThrow(/must be no more than 1024 characters/);
    expect(() => HttpRouteMatch.pathPrefix('/', { method: 'FETCH' as any })).toThrow(/`method` must be one of 'GET'/);
    expect(() => HttpRouteMatch.pathPrefix('/', { headers: Array.from({ length: 17 }, (_, i) => ({ name: `h${i}`, value: 'v' })) })).toThrow(/`headers` must have at most 16 items/);
  });

  test('fails if a rule has no backend and no redirect, or a redirect with backends', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    expect(() => route.addRule({})).toThrow(/`rules\[0\].backends` must list at least one backend \(or a filter must redirect\)/);
    expect(() => route.addRule({ filters: [HttpRouteFilter.httpsRedirect()], backends: [RouteBackend.serviceName('a', { port: 80 })] }))
      .toThrow(/`rules\[0\].backends` must be empty in a rule that redirects/);
  });

  test('fails if a filter type repeats, or a redirect meets a rewrite', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    const b = [RouteBackend.serviceName('a', { port: 80 })];
    const h = HttpRouteFilter.requestHeaderModifier({ remove: ['x'] });
    expect(() => route.addRule({ backends: b, filters: [h, h] })).toThrow(/`rules\[0\].filters\[1\]` must not repeat a filter type in a rule/);
    expect(() => route.addRule({ filters: [HttpRouteFilter.httpsRedirect(), HttpRouteFilter.urlRewrite({ hostname: 'a.example.com' })] }))
      .toThrow(/must not both redirect and rewrite/);
  });

  test('fails if a prefix replacement has not exactly one PathPrefix match', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    expect(() => route.addRule({
      matches: [HttpRouteMatch.exact('/a')],
      filters: [HttpRouteFilter.urlRewrite({ path: HttpPathModifier.prefix('/b') })],
      backends: [RouteBackend.serviceName('a', { port: 80 })],
    })).toThrow(/`rules\[0\].matches` must be exactly one PathPrefix match when a filter replaces the prefix/);
  });

  test('fails if a match is routed twice in a route (a rule without matches is the prefix \'/\')', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    const b = [RouteBackend.serviceName('a', { port: 80 })];
    route.addRule({ backends: b });
    expect(() => route.addRule({ matches: [HttpRouteMatch.pathPrefix('/')], backends: b })).toThrow(/`rules\[1\].matches\[0\]` must not be matched twice: rule 0 of the route matches it already/);
    route.addRule({ matches: [HttpRouteMatch.exact('/a')], backends: b });
    expect(() => route.addRule({ matches: [HttpRouteMatch.exact('/a')], backends: b })).toThrow(/rule 1 of the route matches it already/);
    expect(() => route.addRule({ matches: [HttpRouteMatch.exact('/b'), HttpRouteMatch.exact('/b')], backends: b })).toThrow(/`rules\[2\].matches\[1\]` must not be listed twice/);
  });

  test('fails if a timeout is not a Gateway API duration, or backendRequest exceeds request', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    const b = [RouteBackend.serviceName('a', { port: 80 })];
    expect(() => route.addRule({ backends: b, timeouts: { request: Duration.seconds(5), backendRequest: Duration.seconds(10) } }))
      .toThrow(/`rules\[0\].timeouts.backendRequest` must not be longer than `request` \(5s\), got '10s'/);
    expect(() => route.addRule({ backends: b, timeouts: { request: Duration.hours(100000) } })).toThrow(/must be a whole number of milliseconds of at most 99999 hours/);
    expect(() => route.addRule({ backends: b, timeouts: { request: '10s' as any } })).toThrow(/must be a cdk8s `Duration`/);
  });

  test('fails if a route has more rules, matches, backends or host names than the CRD allows', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    const b = [RouteBackend.serviceName('a', { port: 80 })];
    for (let i = 0; i < 16; i++) {
      route.addRule({ matches: Array.from({ length: 8 }, (_, j) => HttpRouteMatch.exact(`/r${i}/m${j}`)), backends: b });
    }
    expect(() => route.addRule({ matches: [HttpRouteMatch.exact('/x')], backends: b }))
      .toThrow(/`rules\[16\].matches` must keep the route at 128 matches or fewer[\s\S]*`rules` must have at most 16 rules/);
    const other = new HttpRoute(Testing.chart(), 'O', { parentRefs: [{ gateway: shared() }] });
    expect(() => other.addRule({ matches: Array.from({ length: 65 }, (_, j) => HttpRouteMatch.exact(`/m${j}`)), backends: b })).toThrow(/`rules\[0\].matches` must have at most 64 items/);
    expect(() => other.addRule({ backends: Array.from({ length: 17 }, (_, j) => RouteBackend.serviceName(`s${j}`, { port: 80 })) })).toThrow(/`rules\[0\].backends` must have at most 16 items/);
    for (let i = 0; i < 16; i++) other.addHostname(`h${i}.example.com`);
    expect(() => other.addHostname('h16.example.com')).toThrow(/`hostnames` must have at most 16 items/);
  });

  test('fails if a weight is out of range, or every weight is 0', () => {
    expect(() => RouteBackend.serviceName('a', { port: 80, weight: 1000001 })).toThrow(/`weight` must be a whole number from 0 to 1000000, got 1000001/);
    expect(() => RouteBackend.serviceName('a', { port: 80, weight: 1.5 })).toThrow(/`weight` must be a whole number/);
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    expect(() => route.addRule({ backends: [RouteBackend.serviceName('a', { port: 80, weight: 0 })] })).toThrow(/must not all have weight 0/);
    expect(() => route.addRule({ backends: [RouteBackend.serviceName('a', { port: 80 }), RouteBackend.serviceName('a', { port: 80 })] }))
      .toThrow(/must not list the same Service and port twice in a rule/);
  });

  test('fails if a backend port is only known by name', () => {
    expect(() => RouteBackend.fromWebBackend(WebBackend.serviceName('a', { portName: 'http' }))).toThrow(/`backend.port` must be known by number: a route names a Service port by number, got 'http'/);
    expect(() => RouteBackend.fromWebBackend({} as any)).toThrow(/`backend` must be an `IWebBackend`/);
    expect(() => RouteBackend.serviceName('Bad_Name', { port: 70000, namespace: 'X' }))
      .toThrow(/`serviceName` must be a DNS-1035 label[\s\S]*`namespace` must be a DNS-1123 label[\s\S]*`port` must be between 1 and 65535/);
  });

  test('fails if a host name is invalid or repeated', () => {
    expect(() => new HttpRoute(Testing.chart(), 'R', { hostnames: ['https://shop.example.com'] })).toThrow(/`hostnames` must be a lower-case DNS name/);
    const route = new HttpRoute(Testing.chart(), 'R2', { hostnames: ['a.example.com'] });
    expect(() => route.addHostname('a.example.com')).toThrow(/`hostnames` must not be listed twice, got 'a.example.com'/);
  });

  test('fails if the route attaches to one Gateway twice without distinct sectionNames', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    expect(() => route.addParentRef({ gateway: shared(), sectionName: 'http' })).toThrow(/must be set on every reference to Gateway 'shared' when the route attaches to it more than once/);
    const other = new HttpRoute(Testing.chart(), 'O', { parentRefs: [{ gateway: shared(), sectionName: 'http' }] });
    expect(() => other.addParentRef({ gateway: shared(), sectionName: 'http' })).toThrow(/must not repeat a listener of Gateway 'shared'/);
    expect(() => other.addParentRef({ gateway: {} as any })).toThrow(/`parentRefs.gateway` must be an `IGateway`/);
  });

  test('fails if filters get invalid options', () => {
    expect(() => HttpRouteFilter.requestRedirect({})).toThrow(/a redirect to the same URL loops/);
    expect(() => HttpRouteFilter.httpsRedirect({ statusCode: 200 })).toThrow(/`statusCode` must be 301, 302, 303, 307 or 308, got 200/);
    expect(() => HttpRouteFilter.requestHeaderModifier({})).toThrow(/must set, add or remove at least one header/);
    expect(() => HttpRouteFilter.requestHeaderModifier({ set: [{ name: 'x', value: '1' }], remove: ['X'] })).toThrow(/`options.remove\[0\]` must not also be set or added/);
    expect(() => HttpRouteFilter.urlRewrite({})).toThrow(/must set `hostname` or `path`/);
    expect(() => HttpPathModifier.fullPath('x')).toThrow(/must be an absolute path/);
  });

  test('fails with a ValidationError for JavaScript values of the wrong type', () => {
    const route = new HttpRoute(Testing.chart(), 'R', { parentRefs: [{ gateway: shared() }] });
    expect(() => route.addRule({ matches: ['/a' as any], backends: ['svc' as any], filters: [{} as any] })).toThrow(ValidationError);
    expect(() => route.addRule({ matches: ['/a' as any] })).toThrow(/`rules\[0\].matches\[0\]` must be made with HttpRouteMatch.pathPrefix\(\)/);
  });
});

test('getters return copies', () => {
  const route = new HttpRoute(Testing.chart(), 'R', { hostnames: ['a.example.com'] });
  route.hostnames.push('b.example.com');
  expect(route.hostnames).toEqual(['a.example.com']);
  expect(synthKind(Testing.chart(), 'HTTPRoute')).toEqual([]);
});
