import { Cidr, IpAddress, IpAddressScope, IpFamily, ValidationError } from '../../src';

describe('IpAddress.parse', () => {
  test.each([
    ['10.0.4.17', IpFamily.IPV4, IpAddressScope.PRIVATE, '10.0.4.17'],
    ['203.0.113.10', IpFamily.IPV4, IpAddressScope.UNICAST, '203.0.113.10'],
    ['8.8.8.8', IpFamily.IPV4, IpAddressScope.UNICAST, '8.8.8.8'],
    ['100.64.0.1', IpFamily.IPV4, IpAddressScope.PRIVATE, '100.64.0.1'],
    ['0.0.0.0', IpFamily.IPV4, IpAddressScope.UNSPECIFIED, '0.0.0.0'],
    ['127.0.0.1', IpFamily.IPV4, IpAddressScope.LOOPBACK, '127.0.0.1'],
    ['127.255.0.9', IpFamily.IPV4, IpAddressScope.LOOPBACK, '127.255.0.9'],
    ['169.254.169.254', IpFamily.IPV4, IpAddressScope.LINK_LOCAL, '169.254.169.254'],
    ['224.0.0.251', IpFamily.IPV4, IpAddressScope.MULTICAST, '224.0.0.251'],
    ['239.1.2.3', IpFamily.IPV4, IpAddressScope.MULTICAST, '239.1.2.3'],
    ['255.255.255.255', IpFamily.IPV4, IpAddressScope.BROADCAST, '255.255.255.255'],
    ['2001:db8::17', IpFamily.IPV6, IpAddressScope.UNICAST, '2001:db8::17'],
    ['2001:DB8:0:0:0:0:0:17', IpFamily.IPV6, IpAddressScope.UNICAST, '2001:db8::17'],
    ['fd00::1', IpFamily.IPV6, IpAddressScope.PRIVATE, 'fd00::1'],
    ['::', IpFamily.IPV6, IpAddressScope.UNSPECIFIED, '::'],
    ['::1', IpFamily.IPV6, IpAddressScope.LOOPBACK, '::1'],
    ['fe80::1', IpFamily.IPV6, IpAddressScope.LINK_LOCAL, 'fe80::1'],
    ['ff02::1', IpFamily.IPV6, IpAddressScope.MULTICAST, 'ff02::1'],
    ['ff05::2', IpFamily.IPV6, IpAddressScope.MULTICAST, 'ff05::2'],
  ])('%s is %s %s', (text, family, scope, canonical) => {
    const ip = IpAddress.parse(text);
    expect(ip.family).toBe(family);
    expect(ip.scope).toBe(scope);
    expect(ip.toString()).toBe(canonical);
  });

  test('fails with a ValidationError naming the value', () => {
    expect(() => IpAddress.parse('10.0.0.256')).toThrow(ValidationError);
    expect(() => IpAddress.parse('10.0.0.256')).toThrow(/`address` must be a dotted-quad IPv4 address.*, got '10.0.0.256'/);
  });

  test('fails on leading zeros in IPv4 octets, suggesting the decimal form', () => {
    expect(IpAddress.errors('010.0.4.17')).toEqual([
      "must be a dotted-quad IPv4 address with octets 0-255 and no leading zeros (leading zeros are read as octal by some tools); did you mean '10.0.4.17'?",
    ]);
  });

  test('fails on IPv4-mapped IPv6 addresses, suggesting the IPv4 form', () => {
    expect(IpAddress.errors('::ffff:10.0.4.17')).toEqual([
      "must not be an IPv4-mapped IPv6 address; use the IPv4 form '10.0.4.17'",
    ]);
    expect(IpAddress.errors('::ffff:a00:411')).toEqual([
      "must not be an IPv4-mapped IPv6 address; use the IPv4 form '10.0.4.17'",
    ]);
  });

  test('fails on CIDRs, suggesting the address', () => {
    expect(IpAddress.errors('10.0.0.1/32')).toEqual(["must be a single IP address, not a CIDR range; did you mean '10.0.0.1'?"]);
  });

  test('fails on IPv6 zones', () => {
    expect(IpAddress.errors('fe80::1%eth0').join()).toMatch(/must not carry an IPv6 zone/);
  });

  test.each(['', '127.1', '0x7f.0.0.1', '1.2.3', '1.2.3.4.5', '1.2.3.-4', ' 1.2.3.4', 'db.example.com', '2001:db8::g', '1:2:3:4:5:6:7:8:9', ':::'])('fails on %j', (text) => {
    expect(IpAddress.isValid(text)).toBe(false);
    expect(IpAddress.errors(text).length).toBeGreaterThan(0);
  });

  test('fails on non-strings without a TypeError', () => {
    expect(IpAddress.errors(undefined as any).length).toBe(1);
    expect(IpAddress.errors(17 as any).length).toBe(1);
  });
});

describe('IpAddress.endpointErrors', () => {
  test.each(['10.0.4.17', '203.0.113.10', '2001:db8::17', 'fd00::1'])('%s can be an endpoint', (text) => {
    expect(IpAddress.parse(text).endpointErrors()).toEqual([]);
  });

  test.each([
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['169.254.169.254', /link-local.*cloud metadata/],
    ['fe80::1', /link-local/],
    ['224.0.0.1', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /broadcast/],
  ])('%s cannot be an endpoint', (text, re) => {
    expect(IpAddress.parse(text).endpointErrors().join()).toMatch(re);
  });

  test.each(['0.1.2.3', '0.0.0.1', '0.255.255.255'])('%s is \'this network\' (RFC 1122), not the unspecified address', (text) => {
    expect(IpAddress.parse(text).endpointErrors()).toEqual([
      'must not be in 0.0.0.0/8, \'this network\' (RFC 1122): it names no host, and hosts do not send packets to it; give the backend\'s real address',
    ]);
  });
});

describe('IpAddress.isLooseIp', () => {
  test.each([
    '10.0.4.17', '01.02.03.04', '010.0.0.1', '0000000001.2.3.4', '2001:db8::17', '::', '::ffff:10.0.0.1', '::ffff:010.0.0.1',
  ])('the API server\'s parser reads %s as an IP address', (text) => {
    expect(IpAddress.isLooseIp(text)).toBe(true);
  });

  test.each([
    '', '256.0.0.1', '1.2.3', '1.2.3.4.5', '0x1.2.3.4', '10.0.0.1/32', 'fe80::1%eth0', 'shop.example.com', '1.2.3.-4', ' 1.2.3.4', null, 7,
  ])('the API server\'s parser does not read %p as an IP address', (text) => {
    expect(IpAddress.isLooseIp(text as any)).toBe(false);
  });
});

describe('hostile values from JavaScript callers', () => {
  test('fails with a ValidationError, not a TypeError, if the value cannot be turned into text (found by fuzzing)', () => {
    // GIVEN an object whose toString is not a function: a template literal throws on it
    const hostile: any = { toString: 'x' };

    // THEN
    expect(() => IpAddress.parse(hostile)).toThrow(ValidationError);
    expect(() => IpAddress.parse([hostile] as any)).toThrow(/must be an IP address/);
    expect(() => Cidr.parse(hostile)).toThrow(ValidationError);
    expect(() => Cidr.parse([hostile] as any)).toThrow(/must be a CIDR range/);
  });
});

describe('Cidr', () => {
  test('parses IPv4 and IPv6 ranges', () => {
    const v4 = Cidr.parse('203.0.113.0/24');
    expect(v4.family).toBe(IpFamily.IPV4);
    expect(v4.prefixLength).toBe(24);
    expect(v4.networkAddress).toBe('203.0.113.0');
    const v6 = Cidr.parse('2001:db8::/32');
    expect(v6.family).toBe(IpFamily.IPV6);
    expect(v6.toString()).toBe('2001:db8::/32');
  });

  test('network address clears the host bits', () => {
    expect(Cidr.parse('10.1.2.3/8').networkAddress).toBe('10.0.0.0');
    expect(Cidr.parse('2001:db8:1:2::5/48').networkAddress).toBe('2001:db8:1::');
  });

  test('contains', () => {
    const range = Cidr.parse('10.0.0.0/8');
    expect(range.contains(IpAddress.parse('10.200.0.1'))).toBe(true);
    expect(range.contains(IpAddress.parse('11.0.0.1'))).toBe(false);
    expect(range.contains(IpAddress.parse('2001:db8::1'))).toBe(false);
  });

  test('fails on a bare address, suggesting /32', () => {
    expect(Cidr.errors('203.0.113.7')).toEqual(["must be a CIDR range such as '203.0.113.0/24' or '2001:db8::/32'; for one address use '203.0.113.7/32'"]);
  });

  test.each([
    ['10.0.0.0/33', /prefix length must be a whole number from 0 to 32/],
    ['2001:db8::/129', /from 0 to 128/],
    ['10.0.0.0/08', /prefix length/],
    ['10.0.0.0/', /prefix length/],
    ['10.0.0/8', /address part/],
    ['10.0.0.0/8/8', /exactly one/],
  ])('fails on %s', (text, re) => {
    expect(Cidr.errors(text).join()).toMatch(re);
    expect(() => Cidr.parse(text)).toThrow(ValidationError);
  });
});
