import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DatabaseEngine, ExternalBackend, ExternalDatabase, ExternalService, ValidationError } from '../../src';

function byKind(manifests: any[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

test('a custom engine name of up to 63 characters names the Service port (a DNS-1123 label)', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const db = new ExternalDatabase(chart, 'Replica', {
    serviceName: 'replica',
    engine: DatabaseEngine.custom({ name: 'postgres-replica', defaultPort: 5432 }),
    backend: ExternalBackend.address('10.0.4.17'),
  });

  // THEN
  expect(db.ports.map((p) => p.name)).toEqual(['postgres-replica']);
  expect(Testing.synth(chart).map((m) => m.kind === 'Service' ? m.spec.ports[0].name : m.ports[0].name)).toEqual(['postgres-replica', 'postgres-replica']);
});

test('fails if a custom engine name is not a DNS-1123 label, with the problems of the Service in the same error', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const create = () => new ExternalDatabase(chart, 'Replica', {
    serviceName: 'Replica',
    engine: DatabaseEngine.custom({ name: `p${'g'.repeat(63)}`, defaultPort: 5432 }),
    backend: ExternalBackend.address('10.0.4.17'),
  });

  // THEN
  expect(create).toThrow(/2 problems:\n.*`engine.name` must be no more than 63 characters \(it has 64\).*\n.*`serviceName` must be a DNS-1035 label/);
  expect(Testing.synth(chart)).toEqual([]);
});

test('defaults: the engine port, named after the engine, with its appProtocol', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new ExternalDatabase(chart, 'Orders', {
    serviceName: 'orders-db',
    engine: DatabaseEngine.POSTGRESQL,
    backend: ExternalBackend.address('10.0.4.17'),
  });

  // THEN
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test.each([
  ['POSTGRESQL', DatabaseEngine.POSTGRESQL, 'postgresql', 5432, 'postgresql'],
  ['MYSQL', DatabaseEngine.MYSQL, 'mysql', 3306, 'mysql'],
  ['MARIADB', DatabaseEngine.MARIADB, 'mariadb', 3306, 'mysql'],
  ['REDIS', DatabaseEngine.REDIS, 'redis', 6379, 'redis'],
  ['MONGODB', DatabaseEngine.MONGODB, 'mongodb', 27017, 'mongodb'],
  ['SQL_SERVER', DatabaseEngine.SQL_SERVER, 'ms-sql-s', 1433, 'ms-sql-s'],
  ['ORACLE', DatabaseEngine.ORACLE, 'oracle', 1521, 'oracle.com/tns'],
])('%s: port name, default port and appProtocol', (_label, engine, name, port, appProtocol) => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const db = new ExternalDatabase(chart, 'Db', { engine, backend: ExternalBackend.address('10.0.4.17') });

  // THEN
  expect(db.ports).toEqual([{ name, port, backendPort: port, protocol: 'TCP', appProtocol }]);
  const [slice] = byKind(Testing.synth(chart), 'EndpointSlice');
  expect(slice.ports).toEqual([{ name, port, protocol: 'TCP', appProtocol }]);
});

test('a custom engine', () => {
  // GIVEN
  const chart = Testing.chart();
  const engine = DatabaseEngine.custom({ name: 'cockroachdb', defaultPort: 26257, appProtocol: 'postgresql' });

  // WHEN
  const db = new ExternalDatabase(chart, 'Db', { engine, backend: ExternalBackend.address('10.0.4.17') });

  // THEN
  expect(db.ports).toEqual([{ name: 'cockroachdb', port: 26257, backendPort: 26257, protocol: 'TCP', appProtocol: 'postgresql' }]);
  expect(db.engine).toBe(engine);
});

test('port remapping: Service 30056, database 3306', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const db = new ExternalDatabase(chart, 'Db', {
    engine: DatabaseEngine.MYSQL,
    backend: ExternalBackend.address('10.0.4.17'),
    port: 30056,
    backendPort: 3306,
  });

  // THEN
  const manifests = Testing.synth(chart);
  expect(byKind(manifests, 'Service')[0].spec.ports).toEqual([{ name: 'mysql', port: 30056, targetPort: 3306, protocol: 'TCP', appProtocol: 'mysql' }]);
  expect(byKind(manifests, 'EndpointSlice')[0].ports).toEqual([{ name: 'mysql', port: 3306, protocol: 'TCP', appProtocol: 'mysql' }]);
  expect(db.port).toBe(30056);
});

test('is an ExternalService and offers its connection details', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const db = new ExternalDatabase(chart, 'Db', {
    serviceName: 'orders-db',
    namespace: 'data',
    engine: DatabaseEngine.REDIS,
    backend: ExternalBackend.hostname('cache.corp.example'),
  });

  // THEN
  // (it has the members of an ExternalService, without extending it)
  expect(db).not.toBeInstanceOf(ExternalService);
  expect(db.service.name).toBe('orders-db');
  expect(db.dnsNames.fqdn).toBe('orders-db.data.svc.cluster.local');
  expect(db.ports).toEqual([{ name: 'redis', port: 6379, backendPort: 6379, protocol: 'TCP', appProtocol: 'redis' }]);
  expect(db.host).toBe('orders-db.data');
  expect(db.connection).toEqual({ host: 'orders-db.data', fqdn: 'orders-db.data.svc.cluster.local', port: 6379, engineName: 'redis' });
  expect(Testing.synth(chart)[0].spec).toEqual({
    type: 'ExternalName',
    externalName: 'cache.corp.example',
    ports: [{ name: 'redis', port: 6379, protocol: 'TCP', appProtocol: 'redis' }],
  });
});

test('wires host and port into a container, and credentials from a Secret by reference', () => {
  // GIVEN
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Db', { serviceName: 'orders-db', engine: DatabaseEngine.POSTGRESQL, backend: ExternalBackend.address('10.0.4.17') });
  const deployment = new kplus.Deployment(chart, 'App');
  const container = deployment.addContainer({ image: 'orders:1.4', portNumber: 8080 });
  const secret = kplus.Secret.fromSecretName(chart, 'Creds', 'orders-db-credentials');

  // WHEN
  const added = db.bindToContainer(container, { prefix: 'ORDERS_DB', credentials: { secret, usernameKey: 'user' } });

  // THEN
  expect(added).toEqual(['ORDERS_DB_HOST', 'ORDERS_DB_PORT', 'ORDERS_DB_USER', 'ORDERS_DB_PASSWORD']);
  const [manifest] = byKind(Testing.synth(chart), 'Deployment');
  expect(manifest.spec.template.spec.containers[0].env).toEqual([
    { name: 'ORDERS_DB_HOST', value: 'orders-db.default' },
    { name: 'ORDERS_DB_PORT', value: '5432' },
    { name: 'ORDERS_DB_USER', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'user' } } },
    { name: 'ORDERS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
  ]);
});

test('binding without options adds DB_HOST and DB_PORT only', () => {
  // GIVEN
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Db', { serviceName: 'orders-db', engine: DatabaseEngine.MYSQL, backend: ExternalBackend.address('10.0.4.17') });
  const container = new kplus.Deployment(chart, 'App').addContainer({ image: 'orders:1.4' });

  // WHEN
  db.bindToContainer(container);

  // THEN
  expect(Object.keys(container.env.variables)).toEqual(['DB_HOST', 'DB_PORT']);
});

test('fails if the container already has one of the variables', () => {
  // GIVEN
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Db', { engine: DatabaseEngine.MYSQL, backend: ExternalBackend.address('10.0.4.17') });
  const container = new kplus.Deployment(chart, 'App').addContainer({ image: 'orders:1.4' });
  db.bindToContainer(container);

  // WHEN
  const again = () => db.bindToContainer(container);

  // THEN
  expect(again).toThrow(/`prefix` must not produce a variable the container already has: DB_HOST is set, got 'DB': use another `prefix`/);
});

test('fails if the prefix or a Secret key is invalid', () => {
  // GIVEN
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Db', { engine: DatabaseEngine.MYSQL, backend: ExternalBackend.address('10.0.4.17') });
  const container = new kplus.Deployment(chart, 'App').addContainer({ image: 'orders:1.4' });
  const secret = kplus.Secret.fromSecretName(chart, 'Creds', 'creds');

  // WHEN
  let error: any;
  try {
    db.bindToContainer(container, { prefix: '1-DB', credentials: { secret, passwordKey: 'pass word' } });
  } catch (e) {
    error = e;
  }

  // THEN
  expect(ValidationError.isValidationError(error)).toBe(true);
  expect(error.problems.map((p: any) => p.field)).toEqual(['prefix', 'credentials.passwordKey']);
  expect(error.message).toMatch(/`prefix` must be letters, digits and '_', not starting with a digit, got '1-DB'/);
  expect(error.message).toMatch(/`credentials.passwordKey` must be a Secret key.*got 'pass word'/);
  expect(container.env.variables).toEqual({});
});

test('fails if a host name backend is asked to remap the port', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const create = () => new ExternalDatabase(chart, 'Db', {
    engine: DatabaseEngine.POSTGRESQL,
    backend: ExternalBackend.hostname('db.corp.example'),
    port: 15432,
    backendPort: 5432,
  });

  // THEN
  expect(create).toThrow(/`backendPort` must be left out or equal `port` \(15432\) for a host name backend: an ExternalName Service is a DNS CNAME/);
});

test('fails with the database and the backend problems together', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  let error: any;
  try {
    new ExternalDatabase(chart, 'Db', {
      engine: DatabaseEngine.custom({ name: 'Cockroach_DB', defaultPort: 0 }),
      backend: ExternalBackend.address('169.254.169.254'),
      port: 70000,
      serviceName: 'db_1',
    });
  } catch (e) {
    error = e;
  }

  // THEN
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.problems.map((p: any) => p.field)).toEqual([
    'engine.name',
    'engine.defaultPort',
    'port',
    'backend.addresses[0]',
    'serviceName',
  ]);
  expect(error.message).toMatch(/\[test\/Db\] `port` must be between 1 and 65535, got 70000/);
});

test('fails if the engine is missing', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const create = () => new ExternalDatabase(chart, 'Db', { backend: ExternalBackend.address('10.0.4.17') } as any);

  // THEN
  expect(create).toThrow(/`engine` must be a `DatabaseEngine`: use e.g. DatabaseEngine.POSTGRESQL/);
});

test('fails with problems, never a TypeError, on hostile input', () => {
  // GIVEN
  const chart = Testing.chart();
  const db = new ExternalDatabase(chart, 'Db', { engine: DatabaseEngine.MYSQL, backend: ExternalBackend.address('10.0.4.17') });
  const container = new kplus.Deployment(chart, 'App').addContainer({ image: 'orders:1.4' });

  // WHEN
  const attempts: Array<() => unknown> = [
    () => new ExternalDatabase(chart, 'H1', null as any),
    () => new ExternalDatabase(chart, 'H2', { engine: DatabaseEngine.custom(null as any), backend: ExternalBackend.address('10.0.4.17') }),
    () => new ExternalDatabase(chart, 'H3', { engine: DatabaseEngine.MYSQL, backend: ExternalBackend.address('10.0.4.17'), port: '3306' as any, backendPort: NaN }),
    () => db.bindToContainer(null as any),
    () => db.bindToContainer(container, { prefix: 42 as any, credentials: { secret: null as any, usernameKey: null as any } }),
  ];

  // THEN
  for (const attempt of attempts) {
    expect(attempt).toThrow(ValidationError);
  }
  expect(container.env.variables).toEqual({});
});
