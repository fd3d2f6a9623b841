import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { gatewayApiSchemaProblems, only, synthKind } from './_schema';
import {
  AllowedRoutes, CertManagerIssuer, CertificateRef, Gateway, GatewayListener, GatewayProtocol, RouteKind, RouteNamespaces, ValidationError,
} from '../../src';

test('defaults', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new Gateway(chart, 'Public', { gatewayClassName: 'istio', listeners: [GatewayListener.http()] });

  // THEN
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('HTTP and HTTPS listeners with a Secret, allowedRoutes from labelled namespaces', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const gateway = new Gateway(chart, 'Public', { gatewayClassName: 'eg', name: 'public', namespace: 'infra' });
  const http = gateway.addListener(GatewayListener.http({ allowedRoutes: AllowedRoutes.all() }));
  gateway.addListener(GatewayListener.https({
    hostname: '*.example.com',
    certificates: [CertificateRef.fromSecretName('wildcard-tls')],
    allowedRoutes: AllowedRoutes.fromNamespaces({ 'gateway-access': 'public' }, { kinds: [RouteKind.HTTP_ROUTE] }),
  }));

  // THEN
  expect(http).toEqual({ name: 'http', port: 80, protocol: 'HTTP', hostname: undefined, allowedRoutesFrom: RouteNamespaces.ALL, allowedRouteKinds: undefined });
  expect(only(chart, 'Gateway').spec.listeners).toEqual([
    { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
    {
      name: 'https-wildcard.example.com',
      port: 443,
      protocol: 'HTTPS',
      hostname: '*.example.com',
      tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'wildcard-tls' }] },
      allowedRoutes: {
        namespaces: { from: 'Selector', selector: { matchLabels: { 'gateway-access': 'public' } } },
        kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
      },
    },
  ]);
  expect(gateway.toGatewayRef()).toEqual({ name: 'public', namespace: 'infra', listeners: gateway.listeners });
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('cert-manager: the issuer annotation on the Gateway and a Secret per host', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new Gateway(chart, 'Public', {
    gatewayClassName: 'istio',
    listeners: [
      GatewayListener.https({ hostname: 'shop.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt') }),
      GatewayListener.https({ name: 'blog', hostname: 'blog.example.com', certManager: CertManagerIssuer.clusterIssuer('letsencrypt'), secretName: 'blog-tls' }),
    ],
  });
  const gateway = only(chart, 'Gateway');

  // THEN
  expect(gateway.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
  expect(gateway.spec.listeners.map((l: any) => [l.name, l.tls.certificateRefs])).toEqual([
    ['https-shop.example.com', [{ kind: 'Secret', name: 'shop.example.com-tls' }]],
    ['blog', [{ kind: 'Secret', name: 'blog-tls' }]],
  ]);
});

test('a namespaced Issuer uses its own annotation', () => {
  const chart = Testing.chart();
  new Gateway(chart, 'Public', { gatewayClassName: 'istio', listeners: [GatewayListener.https({ hostname: 'a.example.com', certManager: CertManagerIssuer.issuer('ca') })] });
  expect(only(chart, 'Gateway').metadata.annotations).toEqual({ 'cert-manager.io/issuer': 'ca' });
});

test('a certificate Secret of this app in another namespace comes with its ReferenceGrant', () => {
  // GIVEN
  const app = Testing.app();
  const certs = new Chart(app, 'certs', { namespace: 'certs' });
  const infra = new Chart(app, 'infra', { namespace: 'infra' });
  const secret = new kplus.Secret(certs, 'Tls', { metadata: { name: 'shop-tls' }, type: 'kubernetes.io/tls' });

  // WHEN
  const gateway = new Gateway(infra, 'Public', {
    gatewayClassName: 'istio',
    name: 'public',
    listeners: [GatewayListener.https({ certificates: [CertificateRef.fromSecret(secret), CertificateRef.fromSecretName('legacy-tls', { namespace: 'legacy' })] })],
  });

  // THEN
  const manifests = Testing.synth(infra);
  expect(manifests.find((m: any) => m.kind === 'Gateway').spec.listeners[0].tls.certificateRefs).toEqual([
    { kind: 'Secret', name: 'shop-tls', namespace: 'certs' },
    { kind: 'Secret', name: 'legacy-tls', namespace: 'legacy' },
  ]);
  expect(manifests.find((m: any) => m.kind === 'ReferenceGrant')).toEqual({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'ReferenceGrant',
    metadata: { name: 'public-gateway-infra', namespace: 'certs' },
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra' }], to: [{ group: '', kind: 'Secret', name: 'shop-tls' }] },
  });
  expect(gateway.referenceGrants).toHaveLength(1);
  expect(gateway.outsideReferences).toEqual([{ kind: 'Secret', name: 'legacy-tls', namespace: 'legacy', referenceGrantNeeded: true }]);
  expect(gatewayApiSchemaProblems(infra)).toEqual([]);
});

test('fromGatewayName: an existing Gateway, with or without its listeners', () => {
  const plain = Gateway.fromGatewayName('shared', { namespace: 'infra' });
  expect(plain.toGatewayRef()).toEqual({ name: 'shared', namespace: 'infra', listeners: undefined });
  const known = Gateway.fromGatewayName('shared', { listeners: [{ name: 'https', port: 443, protocol: GatewayProtocol.HTTPS }] });
  expect(known.toGatewayRef().listeners).toEqual([{ name: 'https', port: 443, protocol: 'HTTPS' }]);
});

test('isGateway', () => {
  const chart = Testing.chart();
  expect(Gateway.isGateway(new Gateway(chart, 'G', { gatewayClassName: 'istio', listeners: [GatewayListener.http()] }))).toBe(true);
  expect(Gateway.isGateway(Gateway.fromGatewayName('x'))).toBe(false);
});

describe('fails if', () => {
  test('fails if the class name, name or namespace is invalid, listing every problem', () => {
    const chart = Testing.chart();
    expect(() => new Gateway(chart, 'G', { gatewayClassName: '', name: 'Bad_Name', namespace: 'a.b' }))
      .toThrow(/`gatewayClassName` must be the name of a GatewayClass[\s\S]*`name` must be a DNS-1123 subdomain[\s\S]*`namespace` must be a DNS-1123 label/);
  });

  test('fails if the Gateway has no listener at synth', () => {
    const chart = Testing.chart();
    new Gateway(chart, 'G', { gatewayClassName: 'istio' });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/G\] `listeners` must have at least one listener/);
  });

  test('fails if two listeners share a name, or port, protocol and host name', () => {
    const chart = Testing.chart();
    const gateway = new Gateway(chart, 'G', { gatewayClassName: 'istio', listeners: [GatewayListener.http()] });
    expect(() => gateway.addListener(GatewayListener.http({ port: 8080 }))).toThrow(/`listeners` must not have two listeners of the same name, got 'http'/);
    expect(() => gateway.addListener(GatewayListener.http({ name: 'other' }))).toThrow(/must not repeat the port, protocol and host name of listener 'http'/);
    expect(() => gateway.addListener(GatewayListener.https({ port: 80, certificates: [CertificateRef.fromSecretName('x')] }))).toThrow(/must not serve port 80 with two protocols/);
  });

  test('fails if two listeners name different cert-manager issuers', () => {
    const chart = Testing.chart();
    const gateway = new Gateway(chart, 'G', { gatewayClassName: 'istio', listeners: [GatewayListener.https({ hostname: 'a.example.com', certManager: CertManagerIssuer.clusterIssuer('le') })] });
    expect(() => gateway.addListener(GatewayListener.https({ hostname: 'b.example.com', certManager: CertManagerIssuer.issuer('ca') })))
      .toThrow(/must use the cert-manager issuer of listener 'https-a.example.com' \('le'\): cert-manager reads one issuer annotation per Gateway/);
  });

  test('fails if an HTTPS listener has no certificate, or both kinds', () => {
    expect(() => GatewayListener.https({})).toThrow(/`certificates` must be set \(or `certManager`\): an HTTPS listener needs a certificate/);
    expect(() => GatewayListener.https({ hostname: 'a.example.com', certificates: [CertificateRef.fromSecretName('x')], certManager: CertManagerIssuer.clusterIssuer('le') }))
      .toThrow(/`certManager` must not be set together with `certificates`/);
    expect(() => GatewayListener.https({ certManager: CertManagerIssuer.clusterIssuer('le') })).toThrow(/`hostname` must be set with `certManager`/);
    expect(() => GatewayListener.https({ certificates: [] })).toThrow(/`certificates` must list at least one certificate/);
    expect(() => GatewayListener.https({ certificates: [CertificateRef.fromSecretName('x')], secretName: 'y' })).toThrow(/`secretName` applies only with `certManager`/);
  });

  test('fails if a listener port, host name or name is invalid', () => {
    expect(() => GatewayListener.http({ port: 0, hostname: 'Shop.Example.com', name: 'a_b' }))
      .toThrow(/`port` must be between 1 and 65535, got 0[\s\S]*`hostname` must be a lower-case DNS name[\s\S]*`name` must be a DNS-1123 subdomain/);
    expect(() => GatewayListener.http({ hostname: '10.0.0.1' })).toThrow(/must be a host name, not an IP address/);
  });

  test('fails if allowedRoutes has no labels or bad kinds', () => {
    expect(() => AllowedRoutes.fromNamespaces({})).toThrow(/`matchLabels` must have at least one label/);
    expect(() => AllowedRoutes.fromNamespaces({ 'bad key!': 'x' })).toThrow(/`matchLabels.bad key!`/);
    expect(() => AllowedRoutes.all({ kinds: ['TCPRoute' as any] })).toThrow(/`kinds\[0\]` must be RouteKind.HTTP_ROUTE or RouteKind.GRPC_ROUTE/);
    expect(() => AllowedRoutes.all({ kinds: [] })).toThrow(/`kinds` must list at least one route kind/);
  });

  test('fails if fromGatewayName gets invalid input', () => {
    expect(() => Gateway.fromGatewayName('Bad', { namespace: 'x_y' })).toThrow(/`gatewayName` must be a DNS-1123 subdomain[\s\S]*`namespace` must be a DNS-1123 label/);
    expect(() => Gateway.fromGatewayName('g', { listeners: [{ name: 'a', port: 80, protocol: 'HTTP' }, { name: 'a', port: 81, protocol: 'HTTP' }] }))
      .toThrow(/`listeners\[1\].name` must not be listed twice/);
  });

  test('fails with a ValidationError, not a TypeError, for JavaScript values of the wrong type', () => {
    const chart = Testing.chart();
    const gateway = new Gateway(chart, 'G', { gatewayClassName: 'istio', listeners: [GatewayListener.http()] });
    expect(() => gateway.addListener({ name: 'x' } as any)).toThrow(ValidationError);
    expect(() => CertificateRef.fromSecret({} as any)).toThrow(/`secret` must be a cdk8s-plus `ISecret`/);
  });
});

test('listener names follow the host name', () => {
  expect(GatewayListener.http({ hostname: '*.example.com' }).name).toBe('http-wildcard.example.com');
  expect(synthKind(Testing.chart(), 'Gateway')).toEqual([]);
});
