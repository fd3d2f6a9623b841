import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ingressOf } from './_helpers';
import { ManifestChecker, PublicWebApp, Severity, WebTls } from '../../src';

test('an existing Secret by name, for every host routed', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'], tls: WebTls.fromSecretName('shop-tls') });

  // THEN
  expect(ingressOf(chart).spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
  expect(app.tlsSecretName).toBe('shop-tls');
  expect(app.tls.enabled).toBe(true);
  expect(app.urls).toEqual(['https://shop.example.com/']);
});

test('an existing cdk8s-plus Secret, for some hosts only', () => {
  // GIVEN
  const chart = Testing.chart();
  const secret = kplus.Secret.fromSecretName(chart, 'Cert', 'wildcard-example-com');

  // WHEN
  new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    domainNames: ['shop.example.com', 'shop.internal.example.org'],
    tls: WebTls.secret(secret, { hosts: ['*.example.com'] }),
  });

  // THEN
  expect(ingressOf(chart).spec.tls).toEqual([{ hosts: ['*.example.com'], secretName: 'wildcard-example-com' }]);
});

test('cert-manager with a ClusterIssuer: annotation and a derived secret name', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    domainNames: ['shop.example.com'],
    tls: WebTls.certManager({ clusterIssuer: 'letsencrypt-prod' }),
  });
  const ingress = ingressOf(chart);

  // THEN
  expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' });
  expect(ingress.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: `${ingress.metadata.name}-tls` }]);
  expect(app.tlsSecretName).toBe(`${ingress.metadata.name}-tls`);
});

test('cert-manager with an Issuer and a chosen secret name', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    domainNames: ['shop.example.com'],
    tls: WebTls.certManager({ issuer: 'ca-issuer', secretName: 'shop-cert' }),
  });
  const ingress = ingressOf(chart);

  // THEN
  expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/issuer': 'ca-issuer' });
  expect(ingress.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-cert' }]);
});

test('plain HTTP only when asked for', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'], tls: WebTls.none() });

  // THEN
  expect(ingressOf(chart).spec.tls).toBeUndefined();
  expect(app.tlsSecretName).toBeUndefined();
  expect(app.urls).toEqual(['http://shop.example.com/']);
});

test('a TLS host served by no rule is a warning of the checker, not an error', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    domainNames: ['shop.example.com'],
    tls: WebTls.fromSecretName('shop-tls', { hosts: ['shop.example.com', 'blog.example.com'] }),
  });

  // THEN the app synthesizes (the API server accepts it, and no traffic depends on it), and the
  // checker says the certificate's host is routed by nothing (rule XREF010, a warning)
  const manifests = Testing.synth(chart);
  const found = ManifestChecker.check(manifests).filter((f) => f.ruleId === 'XREF010');
  expect(found.map((f) => [f.severity, f.field, f.value])).toEqual([[Severity.WARNING, 'spec.tls[0].hosts[1]', "'blog.example.com'"]]);
  expect(found[0].message).toMatch(/is served by no rule of this Ingress \(rule hosts: 'shop.example.com'\)/);
});

test('a TLS host served by a rule added later passes', () => {
  // GIVEN
  const chart = Testing.chart();
  const app = new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    domainNames: ['shop.example.com'],
    tls: WebTls.fromSecretName('shop-tls', { hosts: ['shop.example.com', 'blog.example.com'] }),
  });

  // WHEN
  app.addPath('/', { host: 'blog.example.com' });

  // THEN
  expect(ingressOf(chart).spec.rules.map((r: any) => r.host)).toEqual(['shop.example.com', 'blog.example.com']);
});

test('fails if cert-manager has no issuer, two issuers, or no host', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  // the factory checks its arguments, as kplus.Peer.ipv4() does
  expect(() => WebTls.certManager({}))
    .toThrow(/\[WebTls.certManager\] `clusterIssuer` must name exactly one cert-manager issuer: set either `clusterIssuer` or `issuer`/);
  expect(() => WebTls.certManager({ issuer: 'a', clusterIssuer: 'b' }))
    .toThrow(/`issuer` must name exactly one cert-manager issuer/);
  new PublicWebApp(chart, 'C', { image: 'a:1', tls: WebTls.certManager({ clusterIssuer: 'letsencrypt' }) });
  expect(() => Testing.synth(chart)).toThrow(/`domainNames` must name at least one host for a cert-manager certificate/);
});

test('fails if a secret name or TLS host is invalid', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  void chart;
  expect(() => WebTls.fromSecretName('Shop_TLS', { hosts: ['https://a.example.com'] }))
    .toThrow(/\[WebTls.fromSecretName\] `secretName` must be a DNS-1123 subdomain[\s\S]*`hosts\[0\]` must be a host name, not a URL/);
  expect(() => WebTls.secret({} as any)).toThrow(/`secret` must be a cdk8s-plus `ISecret`/);
});

test('fails if an HTTPS redirect is asked for without TLS', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new PublicWebApp(chart, 'A', { image: 'a:1', tls: WebTls.none(), httpsRedirect: true }))
    .toThrow(/`httpsRedirect` must not be true with `WebTls.none\(\)`/);
});

test('a domain name without a route is not a TLS host', () => {
  // GIVEN
  const chart = Testing.chart();
  const app = new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'], paths: [], tls: WebTls.fromSecretName('shop-tls') });

  // WHEN
  app.addPath('/', { host: 'www.example.com' });

  // THEN
  expect(ingressOf(chart).spec.tls).toEqual([{ hosts: ['www.example.com'], secretName: 'shop-tls' }]);
  expect(app.hosts).toEqual(['www.example.com']);
});

test('the hosts given are copied: changing the list later changes nothing', () => {
  const chart = Testing.chart();
  const hosts = ['shop.example.com'];
  const tls = WebTls.fromSecretName('shop-tls', { hosts });
  hosts.push('evil.example.com');
  new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'], tls });
  expect(ingressOf(chart).spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
});
