import { Testing } from 'cdk8s';
import { ingressOf, synthKind } from './_helpers';
import { IngressController, NginxBackendProtocol, PublicWebApp, WebTls } from '../../src';

function annotationsOf(props: any): { className: any; annotations: any } {
  const chart = Testing.chart();
  new PublicWebApp(chart, 'Shop', { image: 'shop:1', domainNames: ['shop.example.com'], tls: WebTls.fromSecretName('shop-tls'), ...props });
  const ingress = ingressOf(chart);
  return { className: ingress.spec.ingressClassName, annotations: ingress.metadata.annotations };
}

test('the cluster default: no class, no annotations', () => {
  expect(annotationsOf({})).toEqual({ className: undefined, annotations: undefined });
});

test('ingress-nginx redirects to HTTPS when TLS is on', () => {
  expect(annotationsOf({ ingressController: IngressController.nginx() })).toEqual({
    className: 'nginx',
    annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
  });
});

test('ingress-nginx: redirect off, forced redirect, body size and backend protocol', () => {
  expect(annotationsOf({ ingressController: IngressController.nginx(), httpsRedirect: false }).annotations)
    .toEqual({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' });
  expect(annotationsOf({
    ingressController: IngressController.nginx({ className: 'nginx-public', forceSslRedirect: true, proxyBodySize: '8m', backendProtocol: NginxBackendProtocol.GRPC }),
  })).toEqual({
    className: 'nginx-public',
    annotations: {
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
      'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.ingress.kubernetes.io/backend-protocol': 'GRPC',
    },
  });
});

test('ingress-nginx without TLS writes no redirect annotation', () => {
  expect(annotationsOf({ ingressController: IngressController.nginx(), tls: WebTls.none() }).annotations).toBeUndefined();
});

test('Traefik with TLS: the secure entry point only, router.tls', () => {
  expect(annotationsOf({ ingressController: IngressController.traefik() })).toEqual({
    className: 'traefik',
    annotations: {
      'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
      'traefik.ingress.kubernetes.io/router.tls': 'true',
    },
  });
});

test('Traefik with a redirect Middleware: a second Ingress on the plain entry point only redirects', () => {
  // GIVEN
  const chart = Testing.chart();
  const app = new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    serviceName: 'shop',
    domainNames: ['shop.example.com'],
    ingressController: IngressController.traefik({ redirectMiddleware: 'traefik-redirect-https@kubernetescrd' }),
  });
  // WHEN
  const [main, redirect] = synthKind(chart, 'Ingress');
  // THEN the TLS router serves HTTPS only: a TLS router ignores plain HTTP
  expect(main.metadata.annotations).toEqual({
    'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
    'traefik.ingress.kubernetes.io/router.tls': 'true',
  });
  // AND the redirect router has the same rules, no TLS, the Middleware on the plain entry point
  expect(redirect.metadata.annotations).toEqual({
    'traefik.ingress.kubernetes.io/router.entrypoints': 'web',
    'traefik.ingress.kubernetes.io/router.middlewares': 'traefik-redirect-https@kubernetescrd',
  });
  expect(redirect.spec).toEqual({ ingressClassName: 'traefik', rules: main.spec.rules });
  expect(app.redirectIngress).toBeDefined();
});

test('Traefik with a redirect Middleware but the redirect turned off: no redirect Ingress', () => {
  const chart = Testing.chart();
  const app = new PublicWebApp(chart, 'Shop', {
    image: 'shop:1',
    domainNames: ['shop.example.com'],
    httpsRedirect: false,
    ingressController: IngressController.traefik({ redirectMiddleware: 'traefik-redirect-https@kubernetescrd' }),
  });
  expect(synthKind(chart, 'Ingress')).toHaveLength(1);
  expect(app.redirectIngress).toBeUndefined();
});

test('nginx forceSslRedirect without a TLS section (TLS ends at a load balancer in front)', () => {
  expect(annotationsOf({ ingressController: IngressController.nginx({ forceSslRedirect: true }), tls: WebTls.none() }).annotations).toEqual({
    'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
  });
});

test('Traefik without TLS: the plain entry point', () => {
  expect(annotationsOf({ ingressController: IngressController.traefik({ plainEntryPoint: 'http' }), tls: WebTls.none() }).annotations)
    .toEqual({ 'traefik.ingress.kubernetes.io/router.entrypoints': 'http' });
});

test('a custom controller: class, annotations, TLS and redirect annotations', () => {
  const controller = IngressController.custom({
    className: 'haproxy',
    annotations: { 'haproxy.org/timeout-client': '30s' },
    tlsAnnotations: { 'haproxy.org/ssl-passthrough': 'false' },
    redirectAnnotations: { 'haproxy.org/ssl-redirect': 'true' },
  });
  expect(annotationsOf({ ingressController: controller })).toEqual({
    className: 'haproxy',
    annotations: { 'haproxy.org/timeout-client': '30s', 'haproxy.org/ssl-passthrough': 'false', 'haproxy.org/ssl-redirect': 'true' },
  });
  expect(annotationsOf({ ingressController: controller, httpsRedirect: false }).annotations)
    .toEqual({ 'haproxy.org/timeout-client': '30s', 'haproxy.org/ssl-passthrough': 'false' });
});

test('user annotations are added last', () => {
  expect(annotationsOf({ ingressController: IngressController.nginx(), annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false', 'team': 'shop' } }).annotations)
    .toEqual({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false', 'team': 'shop' });
});

test('external-dns host names on request', () => {
  expect(annotationsOf({ externalDns: true, domainNames: ['shop.example.com', '*.shop.example.com'] }).annotations)
    .toEqual({ 'external-dns.alpha.kubernetes.io/hostname': 'shop.example.com' });
});

test('fails if a snippet annotation is used without the explicit opt-in', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new PublicWebApp(chart, 'A', {
    image: 'a:1',
    annotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' },
  })).toThrow(/`annotations.nginx.ingress.kubernetes.io\/configuration-snippet` must not inject raw controller configuration.*CVE-2021-25742.*`allowSnippetAnnotations: true`/);
  expect(() => new PublicWebApp(chart, 'B', {
    image: 'a:1',
    ingressController: IngressController.custom({ annotations: { 'nginx.ingress.kubernetes.io/server-snippet': 'x' } }),
  })).toThrow(/`ingressController.nginx.ingress.kubernetes.io\/server-snippet` must not inject raw controller configuration/);
  expect(() => new PublicWebApp(chart, 'C', { image: 'a:1', annotations: { 'nginx.ingress.kubernetes.io/auth-snippet': 'x' } })).toThrow(/CVE-2021-25742/);
});

test('a snippet annotation passes with allowSnippetAnnotations', () => {
  expect(annotationsOf({
    annotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' },
    allowSnippetAnnotations: true,
  }).annotations).toEqual({ 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' });
});

test('fails if an annotation key or class name is invalid', () => {
  // GIVEN
  const chart = Testing.chart();

  // THEN
  expect(() => new PublicWebApp(chart, 'A', {
    image: 'a:1',
    annotations: { 'bad key!': 'x', 'count': 3 as any },
    ingressController: IngressController.custom({ className: 'Public_Nginx' }),
  })).toThrow(/`ingressController.className` must be a DNS-1123 subdomain[\s\S]*`annotations.bad key!` name part must consist[\s\S]*`annotations.count` must be a string/);
});
