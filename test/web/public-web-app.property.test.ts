// Property-based tests: generated apps either synthesize into manifests the manifest checker
// accepts, or fail with a ValidationError (never a TypeError or a plain Error).
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  ExternalTrafficPolicy, IngressController, InternalWebApp, ManifestChecker, PublicWebApp, Severity,
  ValidationError, ValidationProblem, WebBackend, WebExposure, WebPathType, WebTls,
} from '../../src';
import { synthOrNetError } from '../_synth-problems';

const PARAMS = { seed: 20261122, numRuns: 300 };

type Outcome = { ok: true; manifests: any[] } | { ok: false; problems: ValidationProblem[] };

function attempt(build: (chart: Chart) => void): Outcome {
  const chart = new Chart(Testing.app(), 'prop');
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

function checkerErrors(manifests: any[]): string[] {
  return ManifestChecker.check(manifests).filter((f) => f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.field}: ${f.message}`);
}

const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc.array(label, { minLength: 2, maxLength: 3 }).map((l) => l.join('.'));
const segment = fc.stringMatching(/^[a-z0-9._~-]{1,6}$/).filter((s) => s !== '.' && s !== '..');
const path = fc.array(segment, { maxLength: 3 }).map((segs) => `/${segs.join('/')}`);
const pathType = fc.option(fc.constantFrom(WebPathType.PREFIX, WebPathType.EXACT, WebPathType.IMPLEMENTATION_SPECIFIC), { nil: undefined });
const hostile = fc.oneof(
  fc.string(), fc.constantFrom('', ' ', '10.0.0.1', 'a.com:80', 'https://a.com/x', 'A_B', '*', '*.*.a.com', '/a/*', 'rel', '/a//b', '%2F'),
  fc.constantFrom(null, undefined, 42, NaN, {}, []) as fc.Arbitrary<any>,
);
const hostileNumber = fc.oneof(fc.integer({ min: -10, max: 70000 }), fc.constantFrom(NaN, Infinity, 1.5, '80', null) as fc.Arbitrary<any>);

/** What is expected to fail at synth for valid-looking input: invariants no later call fixed. */
const DEFERRED_FIELDS = ['paths', 'externalDns', 'domainNames'];

test('valid-looking apps synthesize into manifests the checker accepts', () => {
  let synthesized = 0;
  fc.assert(fc.property(
    fc.uniqueArray(host, { maxLength: 3 }),
    fc.uniqueArray(path, { maxLength: 3 }),
    pathType,
    fc.constantFrom('none', 'cert-manager', 'secret', 'default'),
    fc.constantFrom('nginx', 'traefik', 'default'),
    fc.constantFrom('ingress', 'node-port', 'load-balancer'),
    fc.boolean(),
    fc.array(fc.record({ path, host: fc.option(host, { nil: undefined }), pathType }), { maxLength: 3 }),
    (domainNames, paths, pt, tlsKind, controller, exposure, externalDns, extra) => {
      const isIngress = exposure === 'ingress';
      const outcome = attempt((chart) => {
        const other = new InternalWebApp(chart, 'Other', { image: 'other:1' });
        const app = new PublicWebApp(chart, 'App', {
          image: 'web:1',
          domainNames,
          exposure: exposure === 'node-port' ? WebExposure.nodePort()
            : exposure === 'load-balancer' ? WebExposure.loadBalancer({ externalTrafficPolicy: ExternalTrafficPolicy.LOCAL, sourceRanges: ['10.0.0.0/8'] })
              : undefined,
          paths: isIngress ? paths : undefined,
          pathType: isIngress ? pt : undefined,
          tls: !isIngress ? undefined
            : tlsKind === 'none' ? WebTls.none()
              : tlsKind === 'cert-manager' ? WebTls.certManager({ clusterIssuer: 'letsencrypt' })
                : tlsKind === 'secret' ? WebTls.fromSecretName('web-tls') : undefined,
          ingressController: !isIngress ? undefined
            : controller === 'nginx' ? IngressController.nginx()
              : controller === 'traefik' ? IngressController.traefik() : undefined,
          externalDns: externalDns && (isIngress || domainNames.length > 0),
        });
        if (!isIngress) {
          return;
        }
        for (const e of extra) {
          const onHost = (h: string | undefined) => (e.host === undefined
            ? domainNames.length === 0 || domainNames.includes(h as string)
            : h === e.host);
          const taken = app.routes.some((r) => r.path === e.path && onHost(r.host));
          if (taken) {
            expect(() => app.addPath(e.path, { host: e.host, backend: other })).toThrow(/must not be routed twice/);
          } else {
            app.addPath(e.path, { host: e.host, pathType: e.pathType, backend: other });
          }
        }
      });
      if (outcome.ok) {
        synthesized++;
        expect(checkerErrors(outcome.manifests)).toEqual([]);
        expect(outcome.manifests.filter((m) => m.kind === 'Ingress').every((m) => m.apiVersion === 'networking.k8s.io/v1')).toBe(true);
      } else {
        expect(outcome.problems.map((p) => p.field).filter((f) => !DEFERRED_FIELDS.includes(f))).toEqual([]);
      }
    },
  ), PARAMS);
  expect(synthesized).toBeGreaterThan(PARAMS.numRuns / 2);
});

test('hostile input fails with a ValidationError that names the field, never with another error', () => {
  fc.assert(fc.property(
    fc.record({
      image: hostile,
      replicas: hostileNumber,
      port: hostileNumber,
      containerPort: hostileNumber,
      portName: hostile,
      serviceName: hostile,
      domainNames: fc.oneof(fc.array(hostile, { maxLength: 3 }), hostile),
      paths: fc.oneof(fc.array(hostile, { maxLength: 3 }), hostile),
      pathType: hostile,
      annotations: fc.dictionary(fc.oneof(fc.string(), fc.constant('nginx.ingress.kubernetes.io/server-snippet')), hostile, { maxKeys: 2 }),
    }, { requiredKeys: [] }),
    fc.constantFrom('ingress', 'node-port', 'load-balancer'),
    hostileNumber,
    fc.array(hostile, { maxLength: 2 }),
    fc.array(fc.record({ path: hostile, host: hostile, port: hostileNumber }), { maxLength: 2 }),
    (props, exposure, nodePort, sourceRanges, extra) => {
      const outcome = attempt((chart) => {
        const app = new PublicWebApp(chart, 'App', {
          ...(props as any),
          exposure: exposure === 'node-port' ? WebExposure.nodePort({ nodePort })
            : exposure === 'load-balancer' ? WebExposure.loadBalancer({ sourceRanges }) : undefined,
        });
        for (const e of extra) {
          try {
            app.addPath(e.path, { host: e.host, backend: WebBackend.serviceName('ext', { port: e.port }) });
          } catch (err) {
            if (!ValidationError.isValidationError(err)) {
              throw err;
            }
          }
        }
      });
      if (outcome.ok) {
        expect(checkerErrors(outcome.manifests)).toEqual([]);
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
