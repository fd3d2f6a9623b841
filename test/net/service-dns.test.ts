import { ServiceDnsNames, ValidationError } from '../../src';

test('defaults to the default namespace and cluster.local', () => {
  const dns = ServiceDnsNames.of({ serviceName: 'orders-db' });
  expect(dns.shortName).toBe('orders-db');
  expect(dns.namespacedName).toBe('orders-db.default');
  expect(dns.fqdn).toBe('orders-db.default.svc.cluster.local');
});

test('custom namespace and cluster domain (a trailing dot is dropped)', () => {
  const dns = ServiceDnsNames.of({ serviceName: 'web', namespace: 'shop', clusterDomain: 'corp.internal.' });
  expect(dns.namespacedName).toBe('web.shop');
  expect(dns.fqdn).toBe('web.shop.svc.corp.internal');
  expect(dns.podFqdn('web-0')).toBe('web-0.web.shop.svc.corp.internal');
});

test('fails with every problem at once', () => {
  let error: any;
  try {
    ServiceDnsNames.of({ serviceName: '1_db', namespace: 'Shop', clusterDomain: 'bad_domain' });
  } catch (e) {
    error = e;
  }
  expect(ValidationError.isValidationError(error)).toBe(true);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.problems.map((p: any) => p.field)).toEqual(['serviceName', 'namespace', 'clusterDomain']);
  expect(error.message).toMatch(/`serviceName` must be a DNS-1035 label.*, got '1_db'/);
});

test('fails if a pod host name is not a DNS-1123 label', () => {
  expect(() => ServiceDnsNames.of({ serviceName: 'web' }).podFqdn('Web_0')).toThrow(/`hostname` must be a DNS-1123 label/);
});

test('fails with a ValidationError, not a TypeError, if the cluster domain is not a string or the props are missing', () => {
  // GIVEN a JavaScript caller passing a number, and one passing no props at all (found by fuzzing)
  const notAString = () => ServiceDnsNames.of({ serviceName: 'web', clusterDomain: 42 as any });
  const noProps = () => ServiceDnsNames.of(undefined as any);

  // THEN
  expect(notAString).toThrow(ValidationError);
  expect(notAString).toThrow(/`clusterDomain` must not be empty/);
  expect(noProps).toThrow(ValidationError);
  expect(noProps).toThrow(/`serviceName` must not be empty/);
});
