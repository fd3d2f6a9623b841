import { Protocol, TargetPort } from '../../src';
import { resolveServicePorts } from '../../src/net/service-port';
import { Problems } from '../../src/validation/_problems';

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
  expect(ports[0].targetPort.value).toBe(5432);
});

test('keeps explicit name, target port, protocol and appProtocol', () => {
  const problems = new Problems('Chart/Db');
  const ports = resolveServicePorts([
    { port: 30056, targetPort: TargetPort.number(3306), name: 'mysql', appProtocol: 'mysql' },
    { port: 53, name: 'dns', protocol: Protocol.UDP },
  ], problems, 'ports', byNumber);
  expect(problems.empty).toBe(true);
  expect(ports.map((p) => [p.name, p.port, p.targetPort.value, p.protocol, p.appProtocol])).toEqual([
    ['mysql', 30056, 3306, 'TCP', 'mysql'],
    ['dns', 53, 53, 'UDP', undefined],
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

test('fails if anything is wrong, listing every problem', () => {
  // GIVEN
  const problems = new Problems('Chart/Db');
  // WHEN
  resolveServicePorts([
    { port: 70000, name: 'db' },
    { port: 80, name: 'db', targetPort: TargetPort.name('Not_A_Name') },
    { port: 80, name: 'web', protocol: 'tcp' as Protocol, appProtocol: 'bad app/proto/x' },
    null as any,
  ], problems, 'ports', byNumber);
  // THEN
  const lines = problems.items.map((p) => `${p.field} ${p.message}`);
  expect(lines).toEqual([
    'ports[0].port must be between 1 and 65535',
    expect.stringMatching(/^ports\[1\]\.targetPort must contain only lower-case letters/),
    'ports[1].name must be unique, but ports[0] has the same name',
    expect.stringMatching(/^ports\[2\]\.protocol must be one of 'TCP', 'UDP' or 'SCTP'; did you mean 'TCP'\?/),
    "ports[2].appProtocol must be a name with at most one '/' (e.g. 'example.com/tier')",
    expect.stringMatching(/^ports\[3\] must be a port object/),
  ]);
});

test('fails if two ports listen on the same number and protocol', () => {
  const problems = new Problems('Chart/Db');
  resolveServicePorts([{ port: 80, name: 'a' }, { port: 80, name: 'b' }], problems, 'ports', byNumber);
  expect(problems.toMessages()).toEqual([
    '`ports[1].port` must be unique per protocol, but ports[0] also listens on 80/TCP, got 80: remove the duplicate or use another port',
  ]);
});

test('fails if a JavaScript caller passes a bare number as targetPort, without a TypeError', () => {
  const problems = new Problems('Chart/Db');
  resolveServicePorts([{ port: 80, name: 'http', targetPort: 8080 as any }], problems, 'ports', byNumber);
  expect(problems.toMessages()).toEqual([
    "`ports[0].targetPort` must be a `TargetPort`, got 8080: use TargetPort.number(8080) or TargetPort.name('http')",
  ]);
});
