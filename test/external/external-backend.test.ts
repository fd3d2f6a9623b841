import { Testing } from 'cdk8s';
import { ExternalBackend, ExternalService } from '../../src';

/** Creates an ExternalName Service to `hostname` and returns its externalName. */
function externalNameOf(hostname: string): string | undefined {
  const chart = Testing.chart();
  return new ExternalService(chart, 'Partner', { backend: ExternalBackend.hostname(hostname) }).externalName;
}

test('a host name backend keeps the name as given', () => {
  // GIVEN
  const backend = ExternalBackend.hostname('api.partner.example');

  // THEN
  expect(backend.isHostname).toBe(true);
  expect(backend.externalName).toBe('api.partner.example');
  expect(backend.ipAddresses).toBeUndefined();
});

test('an address backend keeps the addresses as given', () => {
  // GIVEN
  const list = ['10.0.4.17'];
  const backend = ExternalBackend.addresses(list);

  // WHEN
  list.push('10.0.4.18');
  backend.ipAddresses?.push('10.0.4.19');

  // THEN
  expect(backend.isHostname).toBe(false);
  expect(backend.ipAddresses).toEqual(['10.0.4.17']);
  expect(ExternalBackend.address('2001:db8::17').ipAddresses).toEqual(['2001:db8::17']);
});

test('a single trailing dot is accepted and dropped', () => {
  // WHEN / THEN
  expect(externalNameOf('db.corp.example.')).toBe('db.corp.example');
  expect(externalNameOf('db')).toBe('db');
});

test.each([
  ['a URL', 'https://db.example.com', /must be a host name, not a URL: an ExternalName is a DNS CNAME.*got 'https:\/\/db.example.com': use 'db.example.com' and give the port in `ports`/],
  ['a URL with port and path', 'http://db.example.com:8080/x', /must be a host name, not a URL.*: use 'db.example.com'/],
  ['host:port', 'db.example.com:5432', /must be a host name without a port.*: use 'db.example.com' and give port 5432 in `ports`/],
  ['a path', 'db.example.com/orders', /must be a host name without a path.*: use 'db.example.com'/],
  ['an IPv4 literal', '10.0.4.17', /must be a host name, not an IP address: a CNAME cannot point at an IP literal.*: use ExternalBackend.addresses\(\['10.0.4.17'\]\)/],
  ['an IPv6 literal', '2001:db8::17', /must be a host name, not an IP address.*ExternalBackend.addresses\(\['2001:db8::17'\]\)/],
  ['a bracketed IPv6 literal', '[2001:db8::17]', /must be a host name, not an IP address/],
  ['an underscore', 'db_1.example.com', /`backend.hostname` must be a DNS-1123 subdomain.*did you mean 'db-1.example.com'\?/],
  ['upper case', 'DB.Example.com', /must be a DNS-1123 subdomain.*did you mean 'db.example.com'\?/],
  ['a leading dot', '.example.com', /must be a DNS-1123 subdomain/],
  ['two trailing dots', 'example.com..', /must end with at most one '.'.*: use 'example.com'/],
  ['an empty name', '', /must be a DNS host name such as 'api.partner.example'/],
  ['a name that is too long', `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.example`, /must be no more than 253 characters/],
])('fails if the host name is %s', (_label, hostname, message) => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  const create = () => new ExternalService(chart, 'Partner', { backend: ExternalBackend.hostname(hostname) });

  // THEN
  expect(create).toThrow(message);
});
