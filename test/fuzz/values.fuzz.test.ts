// Property-based tests of the public value types: their `errors()` / `*Errors()` functions
// answer any JavaScript value with a list of messages (never a throw), agree with their
// factories, and the factories throw nothing but a ValidationError.
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { anyAddress, fuzzParams, hostileNumber, hostileString } from './_harness';
import {
  Cidr, IngressController, IpAddress, IpFamily, KubeName, PortRules, ServiceDnsNames, ValidationError,
  PublicWebApp, WebBackend, WebExposure, WebTls,
} from '../../src';
import { synthOrNetError } from '../_synth-problems';

/** Any JavaScript value: the hostile strings and numbers, and every other kind of value. */
const anyValue: fc.Arbitrary<any> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.anything(),
  fc.constantFrom(undefined, null, true, false, NaN, -0, [], {}, ['a'], { length: 3 }, () => 'f'),
);

/** Strings that look like CIDR ranges, valid or not. */
const anyCidr: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.ipV4(), fc.integer({ min: -1, max: 40 })).map(([a, p]) => `${a}/${p}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: -1, max: 140 })).map(([a, p]) => `${a}/${p}`),
  fc.tuple(anyAddress, hostileString).map(([a, p]) => `${a}/${p}`),
  fc.constantFrom('10.0.0.0/8', '10.0.0.0/08', '10.0.0.0/', '/8', '10.0.0.0/8/8', '::/0', '::ffff:10.0.0.0/104', '0.0.0.0/0', '10.0.0.0/33'),
  hostileString,
);

/** `fn(x)` either returns or throws a ValidationError; any other throw fails the property. */
function onlyValidationError<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: ValidationError } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!ValidationError.isValidationError(e)) {
      throw new Error(`expected a ValidationError, got ${(e as any)?.name}: ${(e as any)?.message ?? e}`);
    }
    expect((e as ValidationError).problems.length).toBeGreaterThan(0);
    return { ok: false, error: e as ValidationError };
  }
}

function expectMessages(errors: unknown): string[] {
  expect(Array.isArray(errors)).toBe(true);
  for (const e of errors as unknown[]) {
    expect(typeof e).toBe('string');
    expect((e as string).length).toBeGreaterThan(0);
  }
  return errors as string[];
}

describe('KubeName', () => {
  const checks: [string, (v: string) => string[]][] = [
    ['dns1123LabelErrors', KubeName.dns1123LabelErrors],
    ['dns1123SubdomainErrors', KubeName.dns1123SubdomainErrors],
    ['wildcardDns1123SubdomainErrors', KubeName.wildcardDns1123SubdomainErrors],
    ['dns1035LabelErrors', KubeName.dns1035LabelErrors],
    ['ianaSvcNameErrors', KubeName.ianaSvcNameErrors],
    ['qualifiedNameErrors', KubeName.qualifiedNameErrors],
    ['labelValueErrors', KubeName.labelValueErrors],
  ];

  test.each(checks)('%s never throws on any value', (_name, check) => {
    fc.assert(fc.property(anyValue, (v) => {
      expectMessages(check(v));
    }), fuzzParams());
  });

  test('the rules agree with each other and with the API server\'s length limits', () => {
    let validLabels = 0;
    const name = fc.oneof(hostileString, fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,70}$/), fc.stringMatching(/^[a-zA-Z0-9/._-]{1,80}$/));
    fc.assert(fc.property(name, (v) => {
      const label = KubeName.dns1123LabelErrors(v).length === 0;
      const subdomain = KubeName.dns1123SubdomainErrors(v).length === 0;
      // a DNS-1035 label and an IANA service name are DNS-1123 labels; a label is a subdomain
      if (KubeName.dns1035LabelErrors(v).length === 0 || KubeName.ianaSvcNameErrors(v).length === 0) {
        expect(label).toBe(true);
      }
      if (label) {
        validLabels++;
        expect(subdomain).toBe(true);
        expect(v.length).toBeLessThanOrEqual(63);
        expect(v).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      }
      if (subdomain) {
        expect(v.length).toBeLessThanOrEqual(253);
        expect(KubeName.wildcardDns1123SubdomainErrors(`*.${v}`).length === 0).toBe(v.length + 2 <= 253);
      }
      // a label value without '/' is a qualified name, and the other way round (when not empty)
      if (v.length > 0 && !v.includes('/')) {
        expect(KubeName.labelValueErrors(v).length === 0).toBe(KubeName.qualifiedNameErrors(v).length === 0);
      }
    }), fuzzParams());
    expect(validLabels).toBeGreaterThan(0);
  });
});

describe('PortRules', () => {
  test('portNumberErrors and protocolErrors never throw; a port is valid exactly when it is a whole number 1-65535', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const errors = expectMessages(PortRules.portNumberErrors(v));
      expect(errors.length === 0).toBe(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535);
      const protocol = expectMessages(PortRules.protocolErrors(v));
      expect(protocol.length === 0).toBe(v === 'TCP' || v === 'UDP' || v === 'SCTP');
    }), fuzzParams());
  });
});

describe('IpAddress and Cidr', () => {
  test('isLooseIp never throws; it holds for every strictly valid address and for dotted quads whose octets, read as decimal, are at most 255', () => {
    // The API server's parser reads each octet as a decimal number of any number of digits.
    const quad = fc.tuple(...[0, 1, 2, 3].map(() => fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 }))))
      .map((octets) => ({ text: octets.map(([n, zeros]) => `${'0'.repeat(zeros)}${n}`).join('.'), ok: octets.every(([n]) => n <= 255) }));
    fc.assert(fc.property(anyValue, quad, (v, q) => {
      const loose = IpAddress.isLooseIp(v);
      expect(typeof loose).toBe('boolean');
      if (IpAddress.isValid(v)) {
        expect(loose).toBe(true);
      }
      expect(IpAddress.isLooseIp(q.text)).toBe(q.ok);
    }), fuzzParams());
  });

  test('errors() never throws; parse() succeeds exactly when errors() is empty and keeps the family', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(fc.property(fc.oneof(anyAddress, anyValue), (v) => {
      const errors = expectMessages(IpAddress.errors(v));
      expect(IpAddress.isValid(v)).toBe(errors.length === 0);
      const parsed = onlyValidationError(() => IpAddress.parse(v));
      expect(parsed.ok).toBe(errors.length === 0);
      if (parsed.ok) {
        valid++;
        const ip = parsed.value;
        expect(ip.family).toBe(v.includes(':') ? IpFamily.IPV6 : IpFamily.IPV4);
        expectMessages(ip.endpointErrors());
        // the canonical form is itself valid and of the same family
        expect(IpAddress.parse(ip.toString()).family).toBe(ip.family);
      } else {
        invalid++;
        expect(parsed.error.problems.every((p) => p.field === 'address')).toBe(true);
      }
    }), fuzzParams());
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });

  test('Cidr.errors() never throws; parse() succeeds exactly when errors() is empty; a range contains its network address', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(fc.property(fc.oneof(anyCidr, anyValue), anyAddress, (v, probe) => {
      const errors = expectMessages(Cidr.errors(v));
      const parsed = onlyValidationError(() => Cidr.parse(v));
      expect(parsed.ok).toBe(errors.length === 0);
      if (parsed.ok) {
        valid++;
        const cidr = parsed.value;
        expect(cidr.prefixLength).toBeLessThanOrEqual(cidr.family === IpFamily.IPV4 ? 32 : 128);
        expect(Cidr.errors(cidr.toString())).toEqual([]);
        expect(cidr.contains(IpAddress.parse(cidr.networkAddress))).toBe(true);
        if (IpAddress.isValid(probe)) {
          expect(typeof cidr.contains(IpAddress.parse(probe))).toBe('boolean');
        }
      } else {
        invalid++;
        expect(parsed.error.problems.every((p) => p.field === 'cidr')).toBe(true);
      }
    }), fuzzParams());
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });
});

describe('ServiceDnsNames', () => {
  const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/);
  const props = fc.oneof(
    fc.record({
      serviceName: fc.oneof(label, hostileString, anyValue),
      namespace: fc.option(fc.oneof(label, hostileString, anyValue), { nil: undefined }),
      clusterDomain: fc.option(fc.oneof(fc.constantFrom('cluster.local', 'cluster.local.', 'corp.example'), hostileString, anyValue), { nil: undefined }),
    }, { requiredKeys: ['serviceName'] }),
    anyValue,
  );

  test('of() builds names from valid parts, throws a ValidationError naming the part otherwise, never a TypeError', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(fc.property(props, fc.oneof(label, anyValue), (p, host) => {
      const made = onlyValidationError(() => ServiceDnsNames.of(p));
      if (!made.ok) {
        invalid++;
        for (const problem of made.error.problems) {
          expect(['serviceName', 'namespace', 'clusterDomain']).toContain(problem.field);
        }
        return;
      }
      valid++;
      const names = made.value;
      expect(names.shortName).toBe(p.serviceName);
      expect(names.namespacedName.split('.')).toEqual([p.serviceName, names.namespace]);
      expect(names.fqdn).toBe(`${p.serviceName}.${names.namespace}.svc.${names.clusterDomain}`);
      expect(names.clusterDomain.endsWith('.')).toBe(false);
      for (const part of names.fqdn.split('.')) {
        expect(KubeName.dns1123LabelErrors(part)).toEqual([]);
      }
      const pod = onlyValidationError(() => names.podFqdn(host));
      expect(pod.ok).toBe(KubeName.dns1123LabelErrors(host).length === 0);
    }), fuzzParams());
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });
});

describe('web value types', () => {
  const hosts = fc.option(fc.oneof(fc.array(hostileString, { maxLength: 3 }), anyValue), { nil: undefined });

  test('WebTls factories accept any options without throwing anything but a ValidationError', () => {
    const secret = kplus.Secret.fromSecretName(Testing.chart(), 'Tls', 'shop-tls');
    fc.assert(fc.property(fc.oneof(
      fc.record({
        clusterIssuer: fc.option(hostileString, { nil: undefined }),
        issuer: fc.option(hostileString, { nil: undefined }),
        secretName: fc.option(hostileString, { nil: undefined }),
        hosts,
      }),
      anyValue,
    ), hostileString, anyValue, (options, name, other) => {
      for (const make of [
        () => WebTls.certManager(options),
        () => WebTls.fromSecretName(name, options),
        () => WebTls.fromSecretName(other, other),
        () => WebTls.secret(other, other),
        () => WebTls.secret(secret, options),
        () => WebTls.none(),
      ]) {
        const made = onlyValidationError(make);
        if (made.ok) {
          // a value the factory accepted is one an app can use: its fields were checked there
          expect(typeof made.value.enabled).toBe('boolean');
          const chart = Testing.chart();
          const app = onlyValidationError(() => new PublicWebApp(chart, 'App', { image: 'a:1', domainNames: ['a.example.com'], tls: made.value }));
          expect(app.ok).toBe(true);
          // the net may find a fact between objects
          onlyValidationError(() => synthOrNetError(chart));
        }
      }
    }), fuzzParams());
  });

  test('IngressController presets accept any options and write only string annotations', () => {
    fc.assert(fc.property(anyValue, fc.record({
      className: fc.option(hostileString, { nil: undefined }),
      proxyBodySize: fc.option(hostileString, { nil: undefined }),
      redirectMiddleware: fc.option(hostileString, { nil: undefined }),
      annotations: fc.option(fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), { nil: undefined }),
    }), fc.boolean(), fc.boolean(), (hostile, options, tls, httpsRedirect) => {
      const makers: [boolean, () => IngressController][] = [
        [false, () => IngressController.nginx(hostile)], [true, () => IngressController.nginx(options)],
        [false, () => IngressController.traefik(hostile)], [true, () => IngressController.traefik(options)],
        [false, () => IngressController.custom(hostile)], [true, () => IngressController.custom(options)],
        [true, () => IngressController.clusterDefault()],
      ];
      for (const [stringOptions, make] of makers) {
        const made = onlyValidationError(make);
        if (made.ok) {
          const annotations = onlyValidationError(() => made.value.annotationsFor({ tls, httpsRedirect }));
          if (annotations.ok && stringOptions) {
            // string options give string annotations (a hostile option is the props' to explain)
            for (const value of Object.values(annotations.value)) {
              expect(typeof value).toBe('string');
            }
          }
        }
      }
    }), fuzzParams());
  });

  test('WebExposure factories accept any options without throwing anything but a ValidationError', () => {
    fc.assert(fc.property(anyValue, fc.record({
      nodePort: fc.option(hostileNumber, { nil: undefined }),
      nodePortRange: fc.option(hostileString, { nil: undefined }),
      sourceRanges: fc.option(fc.array(anyCidr, { maxLength: 3 }), { nil: undefined }),
      loadBalancerClass: fc.option(hostileString, { nil: undefined }),
    }), (hostile, options) => {
      const made = [
        onlyValidationError(() => WebExposure.ingress()),
        onlyValidationError(() => WebExposure.nodePort(hostile)),
        onlyValidationError(() => WebExposure.nodePort(options)),
        onlyValidationError(() => WebExposure.loadBalancer(hostile)),
        onlyValidationError(() => WebExposure.loadBalancer(options)),
      ];
      for (const m of made) {
        if (m.ok) {
          // a value the factory accepted is one an app can use: its fields were checked there
          expect(String(m.value)).toMatch(/^(Ingress|NodePort|LoadBalancer)$/);
          const chart = Testing.chart();
          const app = onlyValidationError(() => new PublicWebApp(chart, 'App', { image: 'a:1', exposure: m.value }));
          expect(app.ok).toBe(true);
          expect(onlyValidationError(() => Testing.synth(chart)).ok).toBe(true);
        }
      }
    }), fuzzParams());
  });

  test('WebBackend.serviceName accepts a valid name and port, and throws a ValidationError naming the field otherwise', () => {
    let valid = 0;
    let invalid = 0;
    const options = fc.oneof(
      fc.record({ port: fc.option(hostileNumber, { nil: undefined }), portName: fc.option(hostileString, { nil: undefined }) }),
      anyValue,
    );
    fc.assert(fc.property(fc.oneof(fc.constantFrom('api', 'shop-v2'), hostileString, anyValue), options, (name, o) => {
      const made = onlyValidationError(() => WebBackend.serviceName(name, o));
      if (made.ok) {
        valid++;
        const config = made.value.toWebBackendConfig();
        expect(config.serviceName).toBe(name);
        expect(config.outsideApp).toBe(true);
        expect((config.portNumber === undefined) !== (config.portName === undefined)).toBe(true);
      } else {
        invalid++;
        for (const p of made.error.problems) {
          expect(['serviceName', 'port', 'portName']).toContain(p.field);
        }
      }
    }), fuzzParams());
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });
});
