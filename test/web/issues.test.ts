// The behaviour asked for by the issues "Types that fight the user" and the port name, path and
// wrong-value reports: plain numbers for ports, Service port names of up to 63 characters,
// regular expressions with ImplementationSpecific, the Traefik redirect Ingress with an outside
// backend, and ValidationErrors (never TypeErrors) for wrong JavaScript values.
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { synthKind } from './_helpers';
import {
  IngressController, InternalWebApp, IpAddress, ManifestChecker, Protocol, PublicWebApp, Severity, ValidationError, WebBackend, WebExposure,
  WebPathType,
} from '../../src';
import { ingressHostErrors } from '../../src/net/hosts';
import { globPrefix, ingressPathErrors } from '../../src/web/_rules';

function checkerErrors(manifests: any[]): string[] {
  return ManifestChecker.check(manifests).filter((f) => f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.field}: ${f.message}`);
}

describe('ports take plain numbers', () => {
  test('an additional port targets a container port by number or by name', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new InternalWebApp(chart, 'Api', {
      image: 'api:1',
      additionalPorts: [
        { name: 'metrics', port: 9090, targetPort: 9100 },
        { name: 'admin', port: 8081, targetPortName: 'admin', protocol: Protocol.TCP },
      ],
      additionalContainerPorts: [{ number: 9100 }, { number: 8081, name: 'admin' }],
    });

    // THEN
    const [service] = synthKind(chart, 'Service');
    expect(service.spec.ports.slice(1).map((p: any) => [p.name, p.port, p.targetPort])).toEqual([['metrics', 9090, 9100], ['admin', 8081, 'admin']]);
  });

  test('fails if both targetPort and targetPortName are set', () => {
    expect(() => new InternalWebApp(Testing.chart(), 'Api', {
      image: 'api:1',
      additionalPorts: [{ name: 'metrics', port: 9090, targetPort: 9100, targetPortName: 'metrics' }],
    })).toThrow(/`additionalPorts\[0\].targetPort` must not be set together with `targetPortName` \('metrics'\)/);
  });

  test('fails if an additional port targets a container port name that no container has', () => {
    const chart = Testing.chart();
    new InternalWebApp(chart, 'Api', { image: 'api:1', additionalPorts: [{ name: 'metrics', port: 9090, targetPortName: 'metrics' }] });
    expect(() => Testing.synth(chart)).toThrow(/`additionalPorts\[0\].targetPortName` must be a port that a container of the Deployment exposes \(8080\), got 'metrics'/);
  });
});

describe('Service port names are DNS-1123 labels of up to 63 characters', () => {
  test('a `portName` and `additionalPorts[].name` longer than 15 characters synthesize and pass the checker', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new InternalWebApp(chart, 'Shop', {
      image: 'shop:1',
      portName: 'http-web-frontend',
      additionalPorts: [{ name: 'metrics-prometheus-scrape', port: 9090, targetPort: 9090 }],
      additionalContainerPorts: [{ number: 9090, name: 'metrics' }],
    });
    const manifests = Testing.synth(chart);

    // THEN
    const service = manifests.find((m) => m.kind === 'Service');
    expect(service.spec.ports.map((p: any) => p.name)).toEqual(['http-web-frontend', 'metrics-prometheus-scrape']);
    expect(checkerErrors(manifests)).toEqual([]);
  });

  test('fails if the `portName` of an app behind an Ingress is longer than 15 characters: the Ingress refers to it by name', () => {
    expect(() => new PublicWebApp(Testing.chart(), 'Shop', { image: 'shop:1', portName: 'http-web-frontend' }))
      .toThrow(/`portName` must be no more than 15 characters \(it has 17\): the Ingress refers to the Service port by name, an IANA service name/);
    // without an Ingress, a Service port name of up to 63 characters is fine
    expect(() => new PublicWebApp(Testing.chart(), 'Lb', { image: 'shop:1', portName: 'http-web-frontend', exposure: WebExposure.loadBalancer() })).not.toThrow();
  });

  test('fails if a `portName` is not a DNS-1123 label', () => {
    expect(() => new InternalWebApp(Testing.chart(), 'Api', { image: 'api:1', portName: `a${'b'.repeat(63)}` }))
      .toThrow(/`portName` must be no more than 63 characters \(it has 64\)/);
  });

  test('fails if a container port name is longer than 15 characters: it is an IANA service name', () => {
    expect(() => new InternalWebApp(Testing.chart(), 'Api', { image: 'api:1', additionalContainerPorts: [{ number: 9090, name: 'metrics-prometheus' }] }))
      .toThrow(/`additionalContainerPorts\[0\].name` must be no more than 15 characters \(it has 18\)/);
  });

  test('fails if an Ingress backend names a port longer than 15 characters: its port.name is an IANA service name', () => {
    expect(() => WebBackend.serviceName('legacy', { portName: 'http-web-frontend' }))
      .toThrow(/`portName` must be no more than 15 characters \(it has 17\)/);
  });
});

describe('Ingress paths per pathType', () => {
  test('a regular expression is accepted with ImplementationSpecific, and passes the checker', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const app = new PublicWebApp(chart, 'Api', { image: 'api:1', paths: ['/api(/|$)(.*)'], pathType: WebPathType.IMPLEMENTATION_SPECIFIC });
    app.addPath('/static/*', { pathType: WebPathType.IMPLEMENTATION_SPECIFIC });
    const manifests = Testing.synth(chart);

    // THEN
    const ingress = manifests.find((m) => m.kind === 'Ingress');
    expect(ingress.spec.rules[0].http.paths.map((p: any) => [p.path, p.pathType])).toEqual([
      ['/api(/|$)(.*)', 'ImplementationSpecific'],
      ['/static/*', 'ImplementationSpecific'],
    ]);
    expect(checkerErrors(manifests)).toEqual([]);
  });

  test('fails if a Prefix path looks like a regular expression, suggesting ImplementationSpecific with the same path', () => {
    expect(() => new PublicWebApp(Testing.chart(), 'Api', { image: 'api:1', paths: ['/api(/|$)(.*)'] }))
      .toThrow(/`paths\[0\]` must not be a regular expression with pathType 'Prefix': the API server accepts it, but 'Prefix' matches the path literally.*use `pathType: WebPathType.IMPLEMENTATION_SPECIFIC` with the same path, got '\/api\(\/\|\$\)\(\.\*\)'/);
  });

  test('fails if an ImplementationSpecific path is not absolute', () => {
    expect(ingressPathErrors('api/(.*)', 'ImplementationSpecific')).toEqual(['must be an absolute path: use \'/api/(.*)\'']);
  });

  test.each([
    ['/api/*', '/api'],
    ['/*', '/'],
    ['*', '/'],
    ['/a//b/*', '/a/b'],
    ['/a/./../b/*', '/a/b'],
    ['/a%2Fb/c/*', '/c'],
    ['/a b/c*', '/c'],
  ])('the suggestion for the glob %s is a valid Prefix path, %s', (glob, prefix) => {
    // WHEN
    const suggested = globPrefix(glob);
    // THEN
    expect(suggested).toBe(prefix);
    expect(ingressPathErrors(suggested, 'Prefix')).toEqual([]);
    expect(ingressPathErrors(glob, 'Prefix').join('\n')).toContain(`use pathType 'Prefix' with path '${prefix}'`);
  });
});

describe('Ingress hosts', () => {
  test('fails if a host is an IPv4 address with leading zeros: the API server parses loosely and refuses IP hosts', () => {
    expect(IpAddress.isValid('01.02.03.04')).toBe(false);
    expect(IpAddress.isLooseIp('01.02.03.04')).toBe(true);
    expect(ingressHostErrors('01.02.03.04')).toEqual([expect.stringMatching(/^must be a host name, not an IP address/)]);
    expect(() => new PublicWebApp(Testing.chart(), 'Api', { image: 'api:1', domainNames: ['01.02.03.04'] }))
      .toThrow(/`domainNames\[0\]` must be a host name, not an IP address/);
  });
});

describe('Traefik redirect Ingress', () => {
  // Cause: the main Ingress carries the acknowledgement (XREF008) of the Services managed outside
  // the app; the redirect Ingress routes to the same backends and needs the same acknowledgement.
  // (The acknowledgement annotations are to be replaced by outside objects declared in code.)
  test('with a Service managed outside the app as backend, synthesizes', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new PublicWebApp(chart, 'Shop', {
      image: 'shop:1',
      domainNames: ['shop.example.com'],
      ingressController: IngressController.traefik({ redirectMiddleware: 'infra-https@kubernetescrd' }),
    });

    // WHEN
    app.addPath('/legacy', { backend: WebBackend.serviceName('legacy', { port: 80 }) });
    const ingresses = synthKind(chart, 'Ingress');

    // THEN
    expect(ingresses).toHaveLength(2);
    const redirect = ingresses.find((i) => i.metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares'] !== undefined);
    expect(redirect.spec.rules[0].http.paths.map((p: any) => p.backend.service.name)).toEqual([app.serviceName, 'legacy']);
  });
});

describe('wrong JavaScript values give a ValidationError, never a TypeError', () => {
  function problemOf(f: () => unknown): { field: string; message: string; fix?: string } {
    try {
      f();
    } catch (e) {
      expect(ValidationError.isValidationError(e)).toBe(true);
      return (e as ValidationError).problems[0];
    }
    throw new Error('expected a ValidationError');
  }

  test('fails if a cdk8s-plus Service is the defaultBackend', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'Svc', { ports: [{ port: 80 }] });
    const problem = problemOf(() => new PublicWebApp(chart, 'Api', { image: 'api:1', defaultBackend: service as any }));
    expect(problem.field).toBe('defaultBackend');
    expect(`${problem.message}: ${problem.fix}`).toMatch(/must be an `IWebBackend`: use WebBackend.service\(service\)/);
  });

  test('fails if a cdk8s-plus Service is an addPath backend', () => {
    const chart = Testing.chart();
    const service = new kplus.Service(chart, 'Svc', { ports: [{ port: 80 }] });
    const app = new PublicWebApp(chart, 'Api', { image: 'api:1' });
    expect(() => app.addPath('/x', { backend: service as any })).toThrow(/`backend` must be an `IWebBackend`.*: use WebBackend.service\(service\)/);
  });

  test('fails if a plain object is an addPath backend', () => {
    const app = new PublicWebApp(Testing.chart(), 'Api', { image: 'api:1' });
    expect(() => app.addPath('/x', { backend: { name: 'x' } as any })).toThrow(/`backend` must be an `IWebBackend`.*WebBackend.serviceName/);
  });

  test('fails if a plain object is a probe', () => {
    const problem = problemOf(() => new InternalWebApp(Testing.chart(), 'Api', { image: 'api:1', readiness: { port: 80 } as any }));
    expect(problem.field).toBe('readiness');
    expect(`${problem.message}: ${problem.fix}`).toMatch(/must be a cdk8s-plus `Probe`: use kplus.Probe.fromHttpGet\(/);
  });

  test('fails if a plain object is given to WebBackend.service', () => {
    const problem = problemOf(() => WebBackend.service({ name: 'x' } as any));
    expect(problem.field).toBe('service');
    expect(`${problem.message}: ${problem.fix}`).toMatch(/must be a cdk8s-plus `Service`: pass a kplus.Service; for a Service managed outside this app use WebBackend.serviceName/);
  });
});
