// Property-based tests of PublicWebApp through a Gateway: generated apps (HTTPRoutes alone, or next
// to the Ingress) either synthesize into manifests the manifest checker accepts as a complete set,
// or fail with a ValidationError that names the field (never a TypeError or a plain Error).
import { Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  CertificateRef, Gateway, GatewayListener, HttpMethod, InternalWebApp, ManifestChecker, PublicWebApp, Severity, StringMatchType,
  ValidationError, ValidationProblem, WebBackend, WebExposure, WebPathType,
} from '../../src';
import { synthOrNetError } from '../_synth-problems';

const PARAMS = { seed: 20261130, numRuns: 200 };

type Outcome = { ok: true; manifests: any[] } | { ok: false; problems: ValidationProblem[] };

function attempt(build: (chart: Chart) => void): Outcome {
  const chart = new Chart(Testing.app(), 'prop', { namespace: 'web' });
  try {
    build(chart);
    return { ok: true, manifests: synthOrNetError(chart) };
  } catch (e) {
    if (!ValidationError.isValidationError(e)) {
      throw e;
    }
    return { ok: false, problems: (e as ValidationError).problems };
  }
}

/** The checker's errors over the manifests as a complete set; the listener's certificate Secret is managed elsewhere. */
function checkerErrors(manifests: any[]): string[] {
  return ManifestChecker.check(manifests, { complete: true, externalObjects: [{ kind: 'Secret', name: 'edge-tls', namespace: 'web' }] })
    .filter((f) => f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.field}: ${f.message}`);
}

/** A Gateway of the app with an HTTP and an HTTPS listener for every host. */
function gatewayOf(chart: Chart): Gateway {
  return new Gateway(chart, 'Gateway', {
    gatewayClassName: 'eg',
    name: 'edge',
    listeners: [GatewayListener.http(), GatewayListener.https({ certificates: [CertificateRef.fromSecretName('edge-tls')] })],
  });
}

const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc.array(label, { minLength: 2, maxLength: 3 }).map((l) => l.join('.'));
const segment = fc.stringMatching(/^[a-z0-9_~-]{1,6}$/);
const path = fc.array(segment, { maxLength: 3 }).map((segs) => `/${segs.join('/')}`);
const ingressPathType = fc.option(fc.constantFrom(WebPathType.PREFIX, WebPathType.EXACT, WebPathType.IMPLEMENTATION_SPECIFIC), { nil: undefined });
const gatewayPathType = fc.option(
  fc.constantFrom(WebPathType.PREFIX, WebPathType.EXACT, WebPathType.IMPLEMENTATION_SPECIFIC, WebPathType.REGULAR_EXPRESSION), { nil: undefined });
const headerName = fc.stringMatching(/^X-[A-Za-z0-9]{1,6}$/);
const extraPath = fc.record({
  path,
  host: fc.option(host, { nil: undefined }),
  pathType: gatewayPathType,
  header: fc.option(fc.record({
    name: headerName, value: fc.stringMatching(/^[a-z0-9]{1,6}$/), type: fc.constantFrom(StringMatchType.EXACT, undefined),
  }), { nil: undefined }),
  method: fc.option(fc.constantFrom(HttpMethod.GET, HttpMethod.POST), { nil: undefined }),
  weights: fc.option(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
  timeoutSeconds: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
  setHeader: fc.option(headerName, { nil: undefined }),
});

test('valid-looking apps on a Gateway synthesize into manifests the checker accepts as a complete set', () => {
  let synthesized = 0;
  fc.assert(fc.property(
    fc.uniqueArray(host, { maxLength: 3 }),
    fc.uniqueArray(path, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('gateway', 'both'),
    ingressPathType,
    fc.option(fc.boolean(), { nil: undefined }),
    fc.array(extraPath, { maxLength: 4 }),
    (domainNames, paths, mode, pt, httpsRedirect, extra) => {
      const both = mode === 'both';
      const outcome = attempt((chart) => {
        const gateway = gatewayOf(chart);
        const other = new InternalWebApp(chart, 'Other', { name: 'other', image: 'other:1' });
        const app = new PublicWebApp(chart, 'App', {
          name: 'app',
          image: 'web:1',
          domainNames,
          paths,
          pathType: pt,
          httpsRedirect,
          exposure: both ? undefined : WebExposure.gateway({ gateway }),
          gateway: both ? { gateway } : undefined,
        });
        for (const e of extra) {
          const gatewayOnly = e.header !== undefined || e.method !== undefined || e.weights !== undefined || e.timeoutSeconds !== undefined
            || e.setHeader !== undefined || e.pathType === WebPathType.REGULAR_EXPRESSION;
          const add = () => app.addPath(e.path, {
            host: e.host,
            pathType: e.pathType,
            backend: e.weights ? undefined : other,
            backends: e.weights ? [{ backend: app, weight: e.weights[0] }, { backend: other, weight: e.weights[1] }] : undefined,
            headers: e.header ? [e.header] : undefined,
            method: e.method,
            timeouts: e.timeoutSeconds ? { request: Duration.seconds(e.timeoutSeconds) } : undefined,
            requestHeaders: e.setHeader ? { set: [{ name: e.setHeader, value: 'on' }] } : undefined,
          });
          if (both && gatewayOnly) {
            expect(add).toThrow(/applies only to the Gateway API/);
            continue;
          }
          const onHost = (h: string | undefined) => (e.host === undefined
            ? domainNames.length === 0 || domainNames.includes(h as string) : h === e.host);
          const sameConditions = (r: { headers?: any[]; method?: string; queryParams?: any[] }) =>
            JSON.stringify([(r.headers ?? []).map((x) => [x.name.toLowerCase(), x.value]), r.method ?? null])
              === JSON.stringify([e.header ? [[e.header.name.toLowerCase(), e.header.value]] : [], e.method ?? null]);
          if (app.routes.some((r) => r.path === e.path && onHost(r.host) && sameConditions(r))) {
            expect(add).toThrow(/must not be routed twice/);
          } else {
            add();
          }
        }
      });
      if (outcome.ok) {
        synthesized++;
        expect(checkerErrors(outcome.manifests)).toEqual([]);
        const routes = outcome.manifests.filter((m) => m.kind === 'HTTPRoute');
        expect(routes.length).toBeGreaterThan(0);
        expect(routes.every((m) => m.apiVersion === 'gateway.networking.k8s.io/v1')).toBe(true);
        expect(outcome.manifests.some((m) => m.kind === 'Ingress')).toBe(both);
      } else {
        expect(outcome.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([]);
      }
    },
  ), PARAMS);
  expect(synthesized).toBeGreaterThan(PARAMS.numRuns / 2);
});

const hostile = fc.oneof(
  fc.string(), fc.constantFrom('', ' ', '10.0.0.1', 'a.com:80', 'https://a.com/x', 'A_B', '*', '*.*.a.com', '/a/*', 'rel', '/a//b', '%2F', 'X Bad'),
  fc.constantFrom(null, undefined, 42, NaN, {}, []) as fc.Arbitrary<any>,
);
const hostileNumber = fc.oneof(fc.integer({ min: -10, max: 2000000 }), fc.constantFrom(NaN, Infinity, 1.5, '80', null) as fc.Arbitrary<any>);

test('hostile Gateway input fails with a ValidationError that names the field, never with another error', () => {
  fc.assert(fc.property(
    fc.record({ sectionName: hostile, port: hostileNumber, httpSectionName: hostile, appProtocol: hostile }, { requiredKeys: [] }),
    fc.constantFrom('gateway', 'both'),
    fc.array(fc.record({
      path: hostile,
      host: hostile,
      pathType: hostile,
      weight: hostileNumber,
      headerName: hostile,
      headerValue: hostile,
      method: hostile,
      timeout: fc.oneof(fc.integer({ min: 0, max: 100000 }).map((n) => Duration.millis(n)), fc.constant(Duration.millis(1.5)), hostile),
      setHeader: hostile,
    }, { requiredKeys: [] }), { maxLength: 2 }),
    (options, mode, extra) => {
      const outcome = attempt((chart) => {
        const gateway = gatewayOf(chart);
        const app = new PublicWebApp(chart, 'App', {
          image: 'web:1',
          paths: ['/app'],
          exposure: mode === 'gateway' ? WebExposure.gateway({ gateway, ...(options as any) }) : undefined,
          gateway: mode === 'both' ? { gateway, ...(options as any) } : undefined,
        });
        for (const e of extra) {
          try {
            app.addPath(e.path, {
              host: e.host,
              pathType: e.pathType,
              backends: [{ backend: app, weight: e.weight }, { backend: WebBackend.serviceName('ext', { port: 8080 }), weight: e.weight }],
              headers: [{ name: e.headerName, value: e.headerValue }],
              method: e.method,
              timeouts: { request: e.timeout },
              responseHeaders: { set: [{ name: e.setHeader, value: 'x' }] },
            } as any);
          } catch (err) {
            if (!ValidationError.isValidationError(err)) {
              throw err;
            }
          }
        }
      });
      if (outcome.ok) {
        expect(checkerErrors(outcome.manifests).filter((f) => !f.startsWith('GW105') && !f.startsWith('XREF008'))).toEqual([]);
      } else {
        for (const p of outcome.problems) {
          // the app, or the factory of a value it was given (which checks its own arguments)
          expect(p.path).toMatch(/^(prop\/App|WebExposure\.)/);
          expect(p.field.length).toBeGreaterThan(0);
          expect(p.message).toMatch(/^[^A-Z]/);
        }
      }
    },
  ), PARAMS);
});
