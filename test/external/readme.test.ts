// The smallest example of docs/external.md, compiled and run here. The code between the
// snippet markers must appear verbatim in the docs (checked below), so the two cannot drift.
import * as fs from 'fs';
import * as path from 'path';
import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DatabaseEngine, ExternalBackend, ExternalDatabase, ExternalService, ManifestChecker, SessionAffinity } from '../../src';

test('the smallest example of the docs', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  // <snippet>
  // A PostgreSQL on two VMs: pods connect to orders-db.default:5432.
  const db = new ExternalDatabase(chart, 'OrdersDb', {
    serviceName: 'orders-db',
    engine: DatabaseEngine.POSTGRESQL,
    backend: ExternalBackend.addresses(['10.0.4.17', '10.0.4.18']),
    sessionAffinity: SessionAffinity.clientIp(Duration.minutes(30)),
  });
  const orders = new kplus.Deployment(chart, 'Orders', {
    containers: [{ image: 'registry.example/orders:1.4', portNumber: 8080 }],
  });
  // DB_HOST, DB_PORT, and DB_USER / DB_PASSWORD from the Secret by reference
  db.bindToContainer(orders.containers[0], {
    credentials: { secret: kplus.Secret.fromSecretName(chart, 'OrdersDbCredentials', 'orders-db-credentials') },
  });

  // A partner's API by its DNS name: an ExternalName Service (a CNAME, no proxying).
  const partner = new ExternalService(chart, 'Partner', {
    serviceName: 'partner-api',
    backend: ExternalBackend.hostname('api.partner.example'),
    ports: [{ name: 'https', port: 443 }],
  });
  // 'partner-api.default.svc.cluster.local'
  const partnerFqdn = partner.dnsNames.fqdn;
  // </snippet>

  // THEN
  expect(db.connection).toEqual({ host: 'orders-db.default', fqdn: 'orders-db.default.svc.cluster.local', port: 5432, engineName: 'postgresql' });
  expect(partnerFqdn).toBe('partner-api.default.svc.cluster.local');
  const manifests = Testing.synth(chart);
  expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
    'Service/orders-db',
    'EndpointSlice/orders-db-ipv4-1',
    expect.stringMatching(/^Deployment\//),
    'Service/partner-api',
  ]);
  // the HTTPS ExternalName warns that clients check the certificate against the Service's name (SVC026)
  expect(ManifestChecker.check(manifests).map((f) => `${f.ruleId} ${f.name}`)).toEqual(['SVC026 partner-api']);
});

test('the docs show the snippet verbatim', () => {
  // GIVEN
  const source = fs.readFileSync(__filename, 'utf8');
  const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'external.md'), 'utf8');

  // WHEN
  const region = source.slice(source.indexOf('// <snippet>\n') + '// <snippet>\n'.length, source.indexOf('  // </snippet>'));
  const snippet = region.split('\n').map((line) => line.replace(/^ {2}/, '')).join('\n');

  // THEN
  expect(snippet.length).toBeGreaterThan(100);
  expect(docs).toContain(snippet);
});
