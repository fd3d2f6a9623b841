import { Protocol } from '../../src';
import { Problems } from '../../src/core/problems';
import { resolveServicePorts, servicePortNameErrors } from '../../src/net/resolve-ports';

const byNumber = (p: { port: number }) => `port-${p.port}`;

test('resolves defaults: TCP, target port = port, derived name', () => {
  // GIVEN
  const problems = new Problems('Chart/Db');
  // WHEN
  const ports = resolveServicePorts([{ port: 5432 }], problems, 'ports', byNumber);
  // THEN
  expect(problems.empty).toBe(true);
  expect(ports).toHaveLength(1);
  expect(ports[0].name).toBe('port-5432');
  expect(ports[0].protocol).toBe(Protocol.TCP);
  expect(ports[0].targetPort).toBe(5432);
  expect(ports[0].targetPortName).toBeUndefined();
});

test('keeps explicit name, target port (number or name), protocol and appProtocol', () => {
  const problems = new Problems('Chart/Db');
  const ports = resolveServicePorts([
    { port: 30056, targetPort: 3306, name: 'mysql', appProtocol: 'mysql' },
    { port: 53, name: 'dns', protocol: Protocol.UDP },
    { port: 80, name: 'http', targetPortName: 'web' },
  ], problems, 'ports', byNumber);
  expect(problems.empty).toBe(true);
  expect(ports.map((p) => [p.name, p.port, p.targetPort, p.targetPortName, p.protocol, p.appProtocol])).toEqual([
    ['mysql', 30056, 3306, undefined, 'TCP', 'mysql'],
    ['dns', 53, 53, undefined, 'UDP', undefined],
    ['http', 80, undefined, 'web', 'TCP', undefined],
  ]);
});

test('the same number on TCP and UDP is fine', () => {
  const problems = new Problems('Chart/Dns');
  resolveServicePorts([
    { port: 53, name: 'dns-tcp' },
    { port: 53, name: 'dns-udp', protocol: Protocol.UDP },
  ], problems, 'ports', byNumber);
  expect(problems.empty).toBe(true);
});

test('a Service port name is a DNS-1123 label of up to 63 characters, not an IANA service name of 15', () => {
  // GIVEN names the API server accepts for ServicePort.name (ValidateDNS1123Label)
  const problems = new Problems('Chart/Db');
  const long = `p${'o'.repeat(61)}x`;
  // WHEN
  const ports = resolveServicePorts([
    { port: 5432, name: 'postgres-replica' },
    { port: 5433, name: long },
    { port: 5434, name: '5434' },
    { port: 5435, name: 'a--b' },
  ], problems, 'ports', byNumber);
  // THEN
  expect(problems.items).toEqual([]);
  expect(ports.map((p) => p.name)).toEqual(['postgres-replica', long, '5434', 'a--b']);
  expect(servicePortNameErrors(`${long}y`)).toEqual(['must be no more than 63 characters (it has 64)']);
});

test('fails if anything is wrong, listing every problem', () => {
  // GIVEN
  const problems = new Problems('Chart/Db');
  // WHEN
  resolveServicePorts([
    { port: 70000, name: 'db' },
    { port: 80, name: 'db', targetPortName: 'Not_A_Name' },
    { port: 80, name: 'web', protocol: 'tcp' as Protocol, appProtocol: 'bad app/proto/x' },
    null as any,
    { port: 81, name: 'Web_1' },
  ], problems, 'ports', byNumber);
  // THEN
  const lines = problems.items.map((p) => `${p.field} ${p.message}`);
  expect(lines).toEqual([
    'ports[0].port must be between 1 and 65535',
    expect.stringMatching(/^ports\[1\]\.targetPortName must contain only lower-case letters/),
    'ports[1].name must be unique, but ports[0] has the same name',
    expect.stringMatching(/^ports\[2\]\.protocol must be one of 'TCP', 'UDP' or 'SCTP'; did you mean 'TCP'\?/),
    "ports[2].appProtocol must be a name with at most one '/' (e.g. 'example.com/tier')",
    expect.stringMatching(/^ports\[3\] must be a port object/),
    expect.stringMatching(/^ports\[4\]\.name must be a DNS-1123 label: .*; did you mean 'web-1'\?$/),
  ]);
});

test('fails if a target port name is longer than 15 characters: it names a container port, an IANA service name', () => {
  const problems = new Problems('Chart/Db');
  resolveServicePorts([{ port: 80, name: 'http', targetPortName: 'postgres-replica' }], problems, 'ports', byNumber);
  expect(problems.items.map((p) => `${p.field} ${p.message}`)).toEqual(['ports[0].targetPortName must be no more than 15 characters (it has 16)']);
});

test('fails if two ports listen on the same number and protocol', () => {
  const problems = new Problems('Chart/Db');
  resolveServicePorts([{ port: 80, name: 'a' }, { port: 80, name: 'b' }], problems, 'ports', byNumber);
  expect(problems.toMessages()).toEqual([
    '`ports[1].port` must be unique per protocol, but ports[0] also listens on 80/TCP, got 80: remove the duplicate or use another port',
  ]);
});

test('fails if both targetPort and targetPortName are set', () => {
  const problems = new Problems('Chart/Db');
  resolveServicePorts([{ port: 80, name: 'http', targetPort: 8080, targetPortName: 'http' }], problems, 'ports', byNumber);
  expect(problems.toMessages()).toEqual([
    "`ports[0].targetPort` must not be set together with `targetPortName` ('http'), got 8080: give the backend port either as a number in `targetPort` or as a container port name in `targetPortName`",
  ]);
});

test('fails if a JavaScript caller passes a name as targetPort, without a TypeError', () => {
  const problems = new Problems('Chart/Db');
  resolveServicePorts([{ port: 80, name: 'http', targetPort: 'web' as any }], problems, 'ports', byNumber);
  expect(problems.toMessages()).toEqual([
    "`ports[0].targetPort` must be a whole number between 1 and 65535, got 'web': for a container port name use `targetPortName`",
  ]);
});
