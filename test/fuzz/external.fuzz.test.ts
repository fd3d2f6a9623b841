import { Duration } from 'cdk8s';
import * as fc from 'fast-check';
import { Tally, anyAddress, attempt, expectValidOrExplained, fuzzParams, hostileNumber, hostileString, ipv4, ipv6, names } from './_harness';
import {
  DatabaseEngine, EndpointObjects, ExternalBackend, ExternalDatabase, ExternalService, Protocol, SessionAffinity,
} from '../../src';

const port = fc.record({
  port: hostileNumber,
  name: fc.option(hostileString, { nil: undefined }),
  targetPort: fc.option(hostileNumber, { nil: undefined }),
  targetPortName: fc.option(hostileString, { nil: undefined, freq: 4 }),
  protocol: fc.option(fc.constantFrom(Protocol.TCP, Protocol.UDP, Protocol.SCTP, 'tcp' as Protocol, 'HTTP' as Protocol), { nil: undefined }),
  appProtocol: fc.option(hostileString, { nil: undefined }),
}, { requiredKeys: ['port'] });

const backend = fc.oneof(
  fc.array(anyAddress, { minLength: 0, maxLength: 12 }).map((a) => ExternalBackend.addresses(a)),
  anyAddress.map((a) => ExternalBackend.address(a)),
  hostileString.map((h) => ExternalBackend.hostname(h)),
  fc.domain().map((h) => ExternalBackend.hostname(h)),
);

const affinity = fc.option(fc.oneof(
  fc.constant(SessionAffinity.NONE),
  fc.constant(SessionAffinity.clientIp()),
  fc.integer({ min: 0, max: 100000 }).map((s) => SessionAffinity.clientIp(Duration.seconds(s))),
), { nil: undefined });

const externalServiceProps = fc.record({
  serviceName: fc.option(hostileString, { nil: undefined }),
  namespace: fc.option(hostileString, { nil: undefined }),
  clusterDomain: fc.option(hostileString, { nil: undefined }),
  backend,
  ports: fc.option(fc.array(port, { maxLength: 5 }), { nil: undefined }),
  sessionAffinity: affinity,
  endpointObjects: fc.option(
    fc.constantFrom(EndpointObjects.ENDPOINT_SLICES, EndpointObjects.LEGACY_ENDPOINTS, EndpointObjects.BOTH),
    { nil: undefined },
  ),
}, { requiredKeys: ['backend'] });

describe('ExternalService under hostile props', () => {
  test('either synthesizes manifests the checker accepts, or explains every problem', () => {
    const tally = new Tally();
    fc.assert(fc.property(externalServiceProps, (props) => {
      tally.record(expectValidOrExplained(attempt((chart) => new ExternalService(chart, 'Svc', props as any))));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('a single bad field is named in the problems', () => {
    const valid = { serviceName: 'orders', backend: ExternalBackend.address('10.0.4.17'), ports: [{ name: 'pg', port: 5432 }] };
    const fault = fc.oneof(
      fc.constantFrom('1bad', 'Bad_Name', 'a'.repeat(64), '').map((v) => ['serviceName', { serviceName: v }] as const),
      fc.constantFrom(0, 65536, -1, 0.5, NaN).map((v) => ['ports', { ports: [{ name: 'pg', port: v }] }] as const),
      fc.constantFrom('127.0.0.1', '169.254.169.254', '::1', '0.0.0.0', 'not-an-ip', '010.0.0.1').map((v) => ['backend', { backend: ExternalBackend.address(v) }] as const),
      fc.constantFrom('https://db.example.com', 'db.example.com:5432', '10.0.0.1', 'bad_host.example').map((v) => ['backend', { backend: ExternalBackend.hostname(v) }] as const),
      fc.constantFrom(0, 86401, 100000).map((v) => ['sessionAffinity', { sessionAffinity: SessionAffinity.clientIp(Duration.seconds(v)) }] as const),
    );
    fc.assert(fc.property(fault, ([field, change]) => {
      const outcome = expectValidOrExplained(attempt((chart) => new ExternalService(chart, 'Svc', { ...valid, ...change } as any)));
      expect(outcome.ok).toBe(false);
      expect(names(outcome, field)).toBe(true);
    }), fuzzParams(200));
  });

  test('thousands of addresses of both families split into valid slices', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1500 }), (v4, v6) => {
      fc.pre(v4 + v6 > 0);
      const addresses = [...Array.from({ length: v4 }, (_, i) => ipv4(i)), ...Array.from({ length: v6 }, (_, i) => ipv6(i))];
      const outcome = expectValidOrExplained(attempt((chart) => new ExternalService(chart, 'Svc', {
        serviceName: 'big', backend: ExternalBackend.addresses(addresses), ports: [{ name: 'pg', port: 5432 }],
      })));
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        const slices = outcome.manifests.filter((m) => m.kind === 'EndpointSlice');
        expect(slices.length).toBe(Math.ceil(v4 / 1000) + Math.ceil(v6 / 1000));
        expect(slices.reduce((n, s) => n + s.endpoints.length, 0)).toBe(v4 + v6);
      }
    }), fuzzParams(8));
  });
});

describe('ExternalDatabase under hostile props', () => {
  const engine = fc.oneof(
    fc.constantFrom(DatabaseEngine.POSTGRESQL, DatabaseEngine.MYSQL, DatabaseEngine.MARIADB, DatabaseEngine.REDIS,
      DatabaseEngine.MONGODB, DatabaseEngine.SQL_SERVER, DatabaseEngine.ORACLE),
    fc.record({ name: hostileString, defaultPort: hostileNumber, appProtocol: fc.option(hostileString, { nil: undefined }) })
      .map((o) => {
        try {
          return DatabaseEngine.custom(o);
        } catch {
          return DatabaseEngine.POSTGRESQL;
        }
      }),
  );

  test('either synthesizes manifests the checker accepts, or explains every problem', () => {
    const tally = new Tally();
    fc.assert(fc.property(fc.record({
      engine,
      backend,
      serviceName: fc.option(hostileString, { nil: undefined }),
      port: fc.option(hostileNumber, { nil: undefined }),
      backendPort: fc.option(hostileNumber, { nil: undefined }),
    }, { requiredKeys: ['engine', 'backend'] }), (props) => {
      tally.record(expectValidOrExplained(attempt((chart) => new ExternalDatabase(chart, 'Db', props as any))));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('custom engines with hostile options fail with a ValidationError, never a TypeError', () => {
    const options = fc.record({ name: hostileString, defaultPort: hostileNumber, appProtocol: fc.option(hostileString, { nil: undefined }) });
    fc.assert(fc.property(options, (o) => {
      try {
        DatabaseEngine.custom(o);
      } catch (e) {
        expect((e as any).name).toBe('ValidationError');
      }
    }), fuzzParams());
  });
});

describe('Service port names', () => {
  /** RFC 1123 label, as the API server's `IsDNS1123Label` checks ServicePort.name and EndpointPort.name. */
  const isDns1123Label = (name: string) => name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
  const portName = fc.oneof(
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,70}[a-z0-9]$/),
    fc.constantFrom('postgres-replica', 'a--b', '5432', `p${'g'.repeat(62)}`, `p${'g'.repeat(63)}`),
    hostileString,
  );

  test('a port name (or a custom engine name) is accepted exactly when it is a DNS-1123 label, and synthesizes into manifests the checker accepts', () => {
    const tally = new Tally();
    fc.assert(fc.property(portName, fc.boolean(), (name, asDatabase) => {
      const outcome = tally.record(expectValidOrExplained(attempt((chart) => (asDatabase
        ? new ExternalDatabase(chart, 'Db', { serviceName: 'db', engine: DatabaseEngine.custom({ name, defaultPort: 5432 }), backend: ExternalBackend.address('10.0.4.17') })
        : new ExternalService(chart, 'Db', { serviceName: 'db', backend: ExternalBackend.address('10.0.4.17'), ports: [{ name, port: 5432 }] })))));
      expect(outcome.ok).toBe(isDns1123Label(name));
    }), fuzzParams());
    tally.expectBoth();
  });
});
