import { IpAddress, IpAddressScope, IpFamily } from '../../../net/ip';
import { Reporter } from '../_engine';

/**
 * The shared address reader. Each address of a Service, Endpoints or EndpointSlice is read by
 * one rule (the one that reports what the server rejects in it), and the reader reports NET001
 * (leading zeros) and NET002 (not one backend) there: those rules name NET001/NET002 in their
 * `carries`. Rules that need an address another rule reads call `serverReading`, which reports
 * nothing.
 */

/**
 * The last address `readIpAddress` parsed cleanly, and what it read: the rules that read an
 * address after the rule that reports on it (EPS004 after EPS003) do not parse it again.
 */
let lastRead: string | undefined;
let lastReading: IpAddress | undefined;

/**
 * Reads an address the way a 1.28 API server does. What the server rejects is reported under
 * `invalidRule`; leading zeros in an IPv4 octet, which the 1.28 server accepts (it reads
 * '010.0.0.1' as 10.0.0.1) but other tools read as octal (8.0.0.1), under the acknowledgeable
 * NET001.
 *
 * @returns the address as the server reads it, or undefined when the server rejects it
 */
export function readIpAddress(r: Reporter, address: string, field: string, invalidRule: string,
  describe: (e: string) => string = (e) => e): IpAddress | undefined {
  // Most addresses are valid: parse first (parsing validates), and ask for the errors only
  // when it fails, rather than validating every address twice.
  let errors: string[];
  try {
    const ip = IpAddress.parse(address);
    lastRead = address;
    lastReading = ip;
    return ip;
  } catch (e) {
    errors = IpAddress.errors(address);
    if (errors.length === 0) {
      throw e; // not a problem of the address
    }
  }
  const decimal = decimalForm(address);
  if (decimal === undefined) {
    errors.forEach((e) => r.report(invalidRule, field, address, describe(e)));
    return undefined;
  }
  r.report('NET001', field, address, `has leading zeros: the API server reads it as '${decimal}', other tools read such octets as octal`,
    `write '${decimal}'`);
  return IpAddress.parse(decimal);
}

/**
 * Checks an endpoint or external IP: the ranges the server refuses (unspecified, loopback,
 * link-local, link-local multicast) under `rangeRule`; the ones it accepts but that cannot be
 * one backend (other multicast, broadcast, 0.0.0.0/8) under the acknowledgeable NET002.
 */
export function checkEndpointRange(r: Reporter, ip: IpAddress, address: string, field: string, rangeRule: string): void {
  for (const e of serverRejected(ip)) {
    r.report(rangeRule, field, address, e);
  }
  for (const e of notOneBackend(ip)) {
    r.report('NET002', field, address, e, 'give the address of the one backend');
  }
}

/** The address as a 1.28 API server reads it (leading zeros as decimal), or undefined; reports nothing. */
export function serverReading(address: string): IpAddress | undefined {
  if (address === lastRead) {
    return lastReading; // read by the rule before, most likely
  }
  if (IpAddress.isValid(address)) {
    return IpAddress.parse(address);
  }
  const decimal = decimalForm(address);
  return decimal === undefined ? undefined : IpAddress.parse(decimal);
}

/**
 * The ranges the server refuses for an endpoint (or external) IP, reported under `rangeRule`
 * (the part of `checkEndpointRange` without NET002).
 */
export function checkServerRange(r: Reporter, ip: IpAddress, address: string, field: string, rangeRule: string): void {
  for (const e of serverRejected(ip)) {
    r.report(rangeRule, field, address, e);
  }
}

/** NET002: an address the server accepts that cannot be one backend (the other part of `checkEndpointRange`). */
export function checkOneBackend(r: Reporter, ip: IpAddress, address: string, field: string): void {
  for (const e of notOneBackend(ip)) {
    r.report('NET002', field, address, e, 'give the address of the one backend');
  }
}

/** The decimal form of a dotted quad written with leading zeros, if that is all that is wrong. */
function decimalForm(address: string): string | undefined {
  if (!/^[0-9]{1,4}(\.[0-9]{1,4}){3}$/.test(address)) {
    return undefined;
  }
  const decimal = address.split('.').map((o) => String(Number(o))).join('.');
  return decimal !== address && IpAddress.isValid(decimal) ? decimal : undefined;
}

function isLinkLocalMulticast(ip: IpAddress): boolean {
  const text = ip.toString();
  return ip.family === IpFamily.IPV4 ? text.startsWith('224.0.0.') : /^ff02:/.test(text);
}

function isUnspecified(ip: IpAddress): boolean {
  const text = ip.toString();
  return text === '0.0.0.0' || text === '::';
}

/** What the server refuses as an endpoint (or external) IP: its endpoint IP rules. */
function serverRejected(ip: IpAddress): string[] {
  // (the unspecified addresses are in the unspecified scope: test the scope first, it is cheap)
  if (ip.scope === IpAddressScope.UNSPECIFIED && isUnspecified(ip)) {
    return ['must not be the unspecified address: give the backend\'s real address'];
  }
  if (ip.scope === IpAddressScope.LOOPBACK || ip.scope === IpAddressScope.LINK_LOCAL) {
    return ip.endpointErrors();
  }
  if (ip.scope === IpAddressScope.MULTICAST && isLinkLocalMulticast(ip)) {
    return ['must not be a link-local multicast address (224.0.0.0/24, ff02::/16)'];
  }
  return [];
}

/** What the server accepts but cannot be a single backend. */
function notOneBackend(ip: IpAddress): string[] {
  if (ip.scope === IpAddressScope.MULTICAST && !isLinkLocalMulticast(ip)) {
    return ['is a multicast address (224.0.0.0/4, ff00::/8): the API server accepts it, but an endpoint is one backend'];
  }
  if (ip.scope === IpAddressScope.BROADCAST) {
    return ['is the broadcast address: the API server accepts it, but an endpoint is one backend'];
  }
  if (ip.scope === IpAddressScope.UNSPECIFIED && !isUnspecified(ip)) {
    return ['is in 0.0.0.0/8 ("this network"): the API server accepts it, but no backend has such an address'];
  }
  return [];
}
