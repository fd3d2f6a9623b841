import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ingressOf, synthKind } from './_helpers';
import { InternalWebApp, PublicWebApp, ValidationError, WebBackend, WebPathType, WebTls } from '../../src';

const backend = (name: string, port: any) => ({ service: { name, port } });

test('defaults', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new PublicWebApp(chart, 'Shop', { image: 'shop:1.4' });

  // THEN
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('by default: one Prefix rule for \'/\' on any host, TLS from a Secret named after the Ingress', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1.4' });
  const ingress = ingressOf(chart);

  // THEN
  expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
  expect(ingress.spec).toEqual({
    rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend(app.serviceName, { name: 'http' }) }] } }],
    tls: [{ secretName: `${ingress.metadata.name}-tls` }],
  });
  expect(app.tlsSecretName).toBe(`${ingress.metadata.name}-tls`);
  expect(app.tls.enabled).toBe(true);
  // ClusterIP, the server's default type, is left out
  expect(synthKind(chart, 'Service')[0].spec.type).toBeUndefined();
});

test('domain names get the app\'s paths; urls, hosts and routes are exposed', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', {
    image: 'shop:1.4',
    domainNames: ['shop.example.com', 'www.shop.example.com'],
    paths: ['/', '/static'],
  });

  // THEN
  const rules = ingressOf(chart).spec.rules;
  expect(rules.map((r: any) => [r.host, r.http.paths.map((p: any) => p.path)])).toEqual([
    ['shop.example.com', ['/', '/static']],
    ['www.shop.example.com', ['/', '/static']],
  ]);
  expect(app.urls).toEqual([
    'https://shop.example.com/', 'https://www.shop.example.com/', 'https://shop.example.com/static', 'https://www.shop.example.com/static',
  ]);
  expect(app.hosts).toEqual(['shop.example.com', 'www.shop.example.com']);
  expect(app.routes).toHaveLength(4);
  expect(ingressOf(chart).spec.tls[0].hosts).toEqual(['shop.example.com', 'www.shop.example.com']);
});

test('fanout: paths to this app, another app and any Service, with each pathType', () => {
  // GIVEN
  const chart = Testing.chart();
  const v2 = new InternalWebApp(chart, 'V2', { image: 'api:2', serviceName: 'api-v2' });
  const admin = new kplus.Service(chart, 'Admin', { ports: [{ name: 'http', port: 8000 }] });
  const app = new PublicWebApp(chart, 'Api', { image: 'api:1', serviceName: 'api-v1', domainNames: ['api.example.com'], paths: ['/v1'] });

  // WHEN
  const created = app.addPath('/v2', { backend: v2 });
  app.addPath('/admin', { backend: WebBackend.service(admin), pathType: WebPathType.EXACT });
  app.addPath('/legacy', { backend: WebBackend.serviceName('legacy', { portName: 'web' }), pathType: WebPathType.IMPLEMENTATION_SPECIFIC });

  // THEN
  expect(created).toEqual([{ host: 'api.example.com', path: '/v2', pathType: 'Prefix', backend: v2.toWebBackendConfig(), backends: [{ backend: v2.toWebBackendConfig() }] }]);
  expect(ingressOf(chart).spec.rules).toEqual([{
    host: 'api.example.com',
    http: {
      paths: [
        { path: '/v1', pathType: 'Prefix', backend: backend('api-v1', { name: 'http' }) },
        { path: '/v2', pathType: 'Prefix', backend: backend('api-v2', { name: 'http' }) },
        { path: '/admin', pathType: 'Exact', backend: backend(admin.name, { number: 8000 }) },
        { path: '/legacy', pathType: 'ImplementationSpecific', backend: backend('legacy', { name: 'web' }) },
      ],
    },
  }]);
  expect(app.urls).toEqual(['https://api.example.com/v1']);
  // the Service named by WebBackend.serviceName is not in the app: the code says so, and the
  // Ingress carries no acknowledgement for it
  expect(ingressOf(chart).metadata.annotations).toBeUndefined();
});

test('host-based virtual hosting: a path on another host adds a rule and a TLS host', () => {
  // GIVEN
  const chart = Testing.chart();
  const blog = new InternalWebApp(chart, 'Blog', { image: 'ghost:5', serviceName: 'blog', containerPort: 2368 });
  const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1', serviceName: 'shop', domainNames: ['shop.example.com'] });

  // WHEN
  app.addPath('/', { host: 'blog.example.com', backend: blog });

  // THEN
  const spec = ingressOf(chart).spec;
  expect(spec.rules.map((r: any) => [r.host, r.http.paths[0].backend.service.name])).toEqual([
    ['shop.example.com', 'shop'],
    ['blog.example.com', 'blog'],
  ]);
  expect(spec.tls[0].hosts).toEqual(['shop.example.com', 'blog.example.com']);
  expect(app.hosts).toEqual(['shop.example.com', 'blog.example.com']);
});

test('a wildcard domain name', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Tenant', { image: 'tenant:1', domainNames: ['*.tenants.example.com'] });

  // THEN
  expect(ingressOf(chart).spec.rules[0].host).toBe('*.tenants.example.com');
  expect(app.urls).toEqual([]);
});

test('a default backend', () => {
  // GIVEN
  const chart = Testing.chart();
  const notFound = new InternalWebApp(chart, 'NotFound', { image: 'nf:1', serviceName: 'not-found' });

  // WHEN
  new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'], defaultBackend: notFound });

  // THEN
  expect(ingressOf(chart).spec.defaultBackend).toEqual(backend('not-found', { name: 'http' }));
});

test('only a default backend, no paths', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new PublicWebApp(chart, 'Catch', { image: 'c:1', paths: [], defaultBackend: WebBackend.serviceName('fallback', { port: 80 }), tls: WebTls.none() });

  // THEN
  expect(ingressOf(chart).spec).toEqual({ defaultBackend: backend('fallback', { number: 80 }) });
});

describe('errors', () => {
  test('fails if host names are IPs, host:port, URLs, upper case or bad wildcards, listing every problem', () => {
    // GIVEN
    const chart = Testing.chart();
    let error: any;

    // WHEN
    try {
      new PublicWebApp(chart, 'Shop', {
        image: 'shop:1',
        domainNames: ['10.0.0.1', 'shop.example.com:8443', 'https://shop.example.com/app', 'Shop.Example.com', 'shop.*.example.com', '**.example.com', 'a_b.example.com'],
      });
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems.map((p: any) => p.field)).toEqual([
      'domainNames[0]', 'domainNames[1]', 'domainNames[2]', 'domainNames[3]', 'domainNames[4]', 'domainNames[5]', 'domainNames[6]',
    ]);
    expect(error.message).toMatch(/`domainNames\[0\]` must be a host name, not an IP address/);
    expect(error.message).toMatch(/`domainNames\[1\]` must be a host name without a port: use 'shop.example.com'/);
    expect(error.message).toMatch(/`domainNames\[2\]` must be a host name, not a URL: use 'shop.example.com'/);
    expect(error.message).toMatch(/`domainNames\[3\]` must be a DNS-1123 subdomain.*did you mean 'shop.example.com'\?/);
    expect(error.message).toMatch(/`domainNames\[4\]` must use a wildcard only as a whole first label/);
    expect(error.message).toMatch(/`domainNames\[5\]` must use a wildcard only as a whole first label/);
    expect(error.message).toMatch(/`domainNames\[6\]` must be a DNS-1123 subdomain/);
  });

  test('fails if a path is not absolute or uses a glob', () => {
    // GIVEN
    const chart = Testing.chart();

    // THEN
    expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', paths: ['api'] })).toThrow(/`paths\[0\]` must be an absolute path: use '\/api', got 'api'/);
    expect(() => new PublicWebApp(chart, 'B', { image: 'a:1', paths: ['/serviceA/*'] }))
      .toThrow(/`paths\[0\]` must not use a glob with pathType 'Prefix': the API server accepts it, but matching is literal, so '\/api\/\*' never matches '\/api\/x'; use pathType 'Prefix' with path '\/serviceA'/);
    expect(() => new PublicWebApp(chart, 'C', { image: 'a:1', paths: ['/a//b', '/a/..'] }))
      .toThrow(/`paths\[0\]` must not contain '\/\/' with pathType 'Prefix'[\s\S]*`paths\[1\]` must not end with '\/..'/);
  });

  test('fails if addPath gets a relative path, a glob or a bad host', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1' });

    // THEN
    expect(() => app.addPath('/images/*', { pathType: WebPathType.EXACT })).toThrow(/`path` must not use a glob with pathType 'Exact'.*use pathType 'Prefix' with path '\/images'/);
    expect(() => app.addPath('v1')).toThrow(/`path` must be an absolute path: use '\/v1'/);
    expect(() => app.addPath('/x', { host: 'http://x.example.com' })).toThrow(/`host` must be a host name, not a URL: use 'x.example.com'/);
  });

  test('fails if a host and path is routed twice in the app', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1.4', domainNames: ['shop.example.com'] });
    app.addPath('/api', { backend: WebBackend.serviceName('api', { port: 8080 }) });

    // THEN
    expect(() => app.addPath('/api', { backend: WebBackend.serviceName('api2', { port: 8080 }) }))
      .toThrow(/`path` must not be routed twice: 'shop.example.com\/api' is already routed to Service 'api'/);
    expect(() => app.addPath('/', { host: 'shop.example.com' })).toThrow(/'shop.example.com\/' is already routed/);
    expect(() => new PublicWebApp(chart, 'Dup', { image: 'a:1', paths: ['/a', '/a'] })).toThrow(/`paths\[1\]` must not be listed twice/);
  });

  test('a host and path routed by two apps of the same chart is reported by the safety net (XREF011)', () => {
    // GIVEN
    const chart = Testing.chart();
    new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'] });

    // WHEN
    new PublicWebApp(chart, 'Shop2', { image: 'shop:2', domainNames: ['shop.example.com'] });

    // THEN
    // a fact between objects: the rule catalogue reports it, not the construct
    expect(() => Testing.synth(chart)).toThrow(/\[test\/Shop2\] \[Ingress\] `spec.rules\[0\].http.paths\[0\].path` is already served for host 'shop.example.com'.*rule XREF011/);
  });

  test('two apps on different hosts of one chart pass', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'] });
    new PublicWebApp(chart, 'Blog', { image: 'blog:1', domainNames: ['blog.example.com'] });

    // THEN
    expect(synthKind(chart, 'Ingress')).toHaveLength(2);
  });

  test('fails if a backend port is not exposed by its Service', () => {
    // GIVEN
    const chart = Testing.chart();
    const api = new InternalWebApp(chart, 'Api', { image: 'api:1', serviceName: 'api' });
    const admin = new kplus.Service(chart, 'Admin', { ports: [{ name: 'http', port: 8000 }] });
    const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1' });

    // THEN
    expect(() => app.addPath('/api', { backend: { toWebBackendConfig: () => ({ ...api.toWebBackendConfig(), portName: undefined, portNumber: 8080 }) } }))
      .toThrow(/`backend.port` must be a port that Service 'api' exposes \(80\), got 8080/);
    expect(() => WebBackend.service(admin, { port: 9000 })).toThrow(/`port` must be a port that Service '.*' exposes \(8000\), got 9000/);
    expect(() => WebBackend.service(admin, { portName: 'web' })).toThrow(/`portName` must be the name of a port of Service '.*' \('http'\), got 'web'/);
    expect(() => WebBackend.serviceName('x', {})).toThrow(/`port` must be set \(or `portName`\)/);
    expect(() => WebBackend.serviceName('Bad_Name', { port: 80, portName: 'http' })).toThrow(/`serviceName` must be a DNS-1035 label[\s\S]*`port` must not be set together with `portName`/);
  });

  test('fails with a ValidationError, not a TypeError, if the Service name cannot be turned into text (found by fuzzing)', () => {
    // GIVEN an object whose toString is not a function, from a JavaScript caller
    const hostile: any = { toString: 'x' };

    // THEN
    expect(() => WebBackend.serviceName(hostile, { port: 80 })).toThrow(ValidationError);
    expect(() => WebBackend.serviceName(hostile, { port: 80 })).toThrow(/`serviceName` must not be empty/);
  });

  test('fails if the Ingress routes nothing', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new PublicWebApp(chart, 'Shop', { image: 'shop:1', paths: [] });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(/`paths` must route at least one path, or the Ingress serves nothing/);
  });

  test('a path added after construction fixes an Ingress that routed nothing', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1', paths: [] });

    // WHEN
    app.addPath('/shop');

    // THEN
    expect(ingressOf(chart).spec.rules[0].http.paths[0].path).toBe('/shop');
  });
});

test('fails with a ValidationError, not a TypeError, on hostile input', () => {
  // GIVEN
  const chart = Testing.chart();
  let error: any;

  // WHEN
  try {
    new PublicWebApp(chart, 'Shop', {
      image: 'shop:1',
      domainNames: 'shop.example.com' as any,
      paths: null as any,
      additionalPorts: 'metrics' as any,
      env: 'x' as any,
      tls: { secretName: null, hosts: 'a' } as any,
    });
  } catch (e) {
    error = e;
  }

  // THEN
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.problems.map((p: any) => p.field)).toEqual(expect.arrayContaining(['domainNames', 'additionalPorts', 'env', 'tls']));
  // the factory checks its own arguments
  expect(() => WebTls.fromSecretName(null as any, { hosts: 'a' as any })).toThrow(ValidationError);
  try {
    WebTls.fromSecretName(null as any, { hosts: 'a' as any });
  } catch (e: any) {
    expect(e.problems.map((p: any) => p.field)).toEqual(['secretName', 'hosts']);
  }
});

test('fails if a value class prop is a plain value', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', exposure: 'NodePort' as any }))
    .toThrow(/`exposure` must be made with WebExposure.ingress\(\), WebExposure.gateway\(\), WebExposure.nodePort\(\) or WebExposure.loadBalancer\(\), got 'NodePort'/);
  expect(() => new PublicWebApp(chart, 'B', { image: 'a:1', tls: { secretName: 'x' } as any })).toThrow(/`tls` must be made with WebTls/);
});
