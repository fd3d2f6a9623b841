import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { Tally, attempt, expectValidOrExplained, fuzzParams, hostileNumber, hostileString, names } from './_harness';
import { HeadlessService, HeadlessStatefulService, Protocol } from '../../src';

const containerPort = fc.record({
  number: fc.oneof(fc.constantFrom(2379, 2380, 8080), hostileNumber),
  name: fc.option(fc.oneof(fc.constantFrom('client', 'peer', 'http'), hostileString), { nil: undefined }),
});

// cdk8s-plus itself refuses two container ports with one number, so the ports of a container
// are unique by number here: that refusal is not this library's to explain.
const containers = fc.array(fc.record({
  image: fc.constantFrom('quay.io/coreos/etcd:v3.5.9', 'nginx:1.25'),
  ports: fc.uniqueArray(containerPort, { maxLength: 3, selector: (p) => p.number }),
}), { minLength: 0, maxLength: 2 }).map((cs) => cs.map((c, i) => ({ name: `c${i}`, image: c.image, ports: c.ports }) as kplus.ContainerProps));

const headlessPort = fc.record({
  name: fc.oneof(fc.constantFrom('client', 'peer', 'http'), hostileString),
  port: fc.oneof(fc.constantFrom(2379, 2380, 80), hostileNumber),
  targetPort: fc.option(fc.oneof(fc.constantFrom(2379, 2380, 8080), hostileNumber), { nil: undefined }),
  targetPortName: fc.option(fc.oneof(fc.constantFrom('client', 'peer', 'http', 'nope'), hostileString), { nil: undefined, freq: 3 }),
  protocol: fc.option(fc.constantFrom(Protocol.TCP, Protocol.UDP), { nil: undefined }),
}, { requiredKeys: ['name', 'port'] });

describe('HeadlessStatefulService under hostile props', () => {
  test('either synthesizes manifests the checker accepts, or explains every problem', () => {
    const tally = new Tally();
    fc.assert(fc.property(fc.record({
      containers,
      ports: fc.option(fc.array(headlessPort, { maxLength: 3 }), { nil: undefined }),
      replicas: fc.option(fc.oneof(fc.integer({ min: 0, max: 7 }), hostileNumber), { nil: undefined }),
      statefulSetName: fc.option(hostileString, { nil: undefined }),
      serviceName: fc.option(hostileString, { nil: undefined }),
      namespace: fc.option(hostileString, { nil: undefined }),
      clusterDomain: fc.option(hostileString, { nil: undefined }),
      publishNotReadyAddresses: fc.option(fc.boolean(), { nil: undefined }),
      clientService: fc.option(fc.boolean(), { nil: undefined }),
    }, { requiredKeys: ['containers'] }), (props) => {
      tally.record(expectValidOrExplained(attempt((chart) => new HeadlessStatefulService(chart, 'Etcd', props as any))));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('per-pod DNS names are valid host names for every replica count', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), fc.stringMatching(/^[a-z][a-z0-9-]{0,40}[a-z0-9]$/), (replicas, name) => {
      const chart = Testing.chart();
      let set: HeadlessStatefulService;
      try {
        set = new HeadlessStatefulService(chart, 'Set', {
          statefulSetName: name,
          replicas,
          containers: [{ image: 'nginx:1.25', ports: [{ number: 8080, name: 'http' }] }],
        });
      } catch (e) {
        expect((e as any).name).toBe('ValidationError');
        return;
      }
      const hosts = set.podDnsNames();
      expect(hosts).toHaveLength(replicas);
      for (const h of hosts) {
        expect(h.split('.')[0]).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        expect(h.split('.')[0].length).toBeLessThanOrEqual(63);
      }
    }), fuzzParams(200));
  });

  test('a single bad field is named in the problems', () => {
    const valid = { containers: [{ image: 'nginx:1.25', ports: [{ number: 8080, name: 'http' }] }], ports: [{ name: 'http', port: 80, targetPortName: 'http' }] };
    const fault = fc.oneof(
      fc.constantFrom(-1, 0.5, NaN).map((v) => ['replicas', { replicas: v }] as const),
      fc.constantFrom('1bad', 'Bad_Name', 'a'.repeat(64)).map((v) => ['serviceName', { serviceName: v }] as const),
      fc.constantFrom('Bad_Name', 'a'.repeat(60)).map((v) => ['statefulSetName', { statefulSetName: v }] as const),
      fc.constantFrom(0, 70000).map((v) => ['ports', { ports: [{ name: 'http', port: v }] }] as const),
      fc.constantFrom('', 'HTTP', 'peer_port', `p${'o'.repeat(63)}`).map((v) => ['ports', { ports: [{ name: v, port: 80, targetPort: 8080 }] }] as const),
    );
    fc.assert(fc.property(fault, ([field, change]) => {
      const outcome = expectValidOrExplained(attempt((chart) => new HeadlessStatefulService(chart, 'Set', { ...valid, ...change } as any)));
      expect(outcome.ok).toBe(false);
      expect(names(outcome, field)).toBe(true);
    }), fuzzParams(200));
  });
});

describe('HeadlessService under hostile props', () => {
  test('either synthesizes manifests the checker accepts, or explains every problem', () => {
    const tally = new Tally();
    const ports = fc.option(fc.array(headlessPort, { maxLength: 3 }), { nil: undefined });
    fc.assert(fc.property(containers, ports, fc.option(hostileString, { nil: undefined }),
      (cs, servicePorts, serviceName) => {
        // Skip the pod specs cdk8s-plus itself refuses (duplicate port names across containers).
        fc.pre(kplusAccepts(cs));
        tally.record(expectValidOrExplained(attempt((chart) => {
          const workload = new kplus.Deployment(chart, 'Web', { containers: cs });
          new HeadlessService(chart, 'Peers', { workload, ports: servicePorts, serviceName } as any);
        })));
      }), fuzzParams());
    tally.expectBoth();
  });
});

function kplusAccepts(cs: kplus.ContainerProps[]): boolean {
  try {
    new kplus.Deployment(Testing.chart(), 'Probe', { containers: cs });
    return true;
  } catch {
    return false;
  }
}

describe('HeadlessService port names', () => {
  // The API server's rules: ServicePort.name is a DNS-1123 label (`IsDNS1123Label`), ContainerPort.name
  // an IANA service name (`IsValidPortName`).
  const isDns1123Label = (name: string) => name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
  const isIanaSvcName = (name: string) => name.length >= 1 && name.length <= 15 && /^[-a-z0-9]+$/.test(name) && /[a-z]/.test(name)
    && !name.includes('--') && !name.startsWith('-') && !name.endsWith('-');
  const portName = fc.oneof(
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,70}[a-z0-9]$/),
    fc.constantFrom('peer', 'peer-replication-port', 'a--b', '2380', `p${'e'.repeat(62)}`, `p${'e'.repeat(63)}`),
    hostileString,
  );

  test('a Service port name is accepted exactly when it is a DNS-1123 label, and synthesizes into manifests the checker accepts', () => {
    const tally = new Tally();
    fc.assert(fc.property(portName, (name) => {
      const outcome = tally.record(expectValidOrExplained(attempt((chart) => {
        const web = new kplus.Deployment(chart, 'Web', { containers: [{ image: 'nginx:1.25', ports: [{ number: 8080, name: 'http' }] }] });
        new HeadlessService(chart, 'Headless', { workload: web, serviceName: 'web-headless', ports: [{ name, port: 80, targetPortName: 'http' }] });
      })));
      expect(outcome.ok).toBe(isDns1123Label(name));
    }), fuzzParams());
    tally.expectBoth();
  });

  test('a Service port name derived from a container port name is accepted when the container port name is an IANA service name', () => {
    const tally = new Tally();
    fc.assert(fc.property(portName, (name) => {
      const outcome = tally.record(expectValidOrExplained(attempt((chart) => new HeadlessStatefulService(chart, 'Set', {
        statefulSetName: 'set', containers: [{ image: 'nginx:1.25', ports: [{ number: 2380, name }] }],
      }))));
      if (outcome.ok) {
        expect(isIanaSvcName(name)).toBe(true);
      }
      if (isIanaSvcName(name)) {
        expect(outcome.ok).toBe(true);
      }
    }), fuzzParams());
    tally.expectBoth();
  });
});
