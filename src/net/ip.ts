import * as ipaddr from 'ipaddr.js';
// renderValue, not a template literal: any value (an object whose toString is not a function) renders
import { renderValue } from '../core/problems';
import { ValidationError } from '../core/validation-error';

/**
 * An IP family, spelled as Kubernetes spells it.
 */
export enum IpFamily {
  /** IPv4. */
  IPV4 = 'IPv4',
  /** IPv6. */
  IPV6 = 'IPv6',
}

/**
 * What an address is used for, by the IANA special-purpose registries.
 */
export enum IpAddressScope {
  /**
   * `0.0.0.0` or `::`: no address at all; also the rest of `0.0.0.0/8`, 'this network'
   * (RFC 1122), which names no host either.
   */
  UNSPECIFIED = 'unspecified',
  /** `127.0.0.0/8` or `::1`: this host only. */
  LOOPBACK = 'loopback',
  /** `169.254.0.0/16` or `fe80::/10`: one link only; holds cloud metadata services (169.254.169.254). */
  LINK_LOCAL = 'linkLocal',
  /** `224.0.0.0/4` or `ff00::/8`: a group of receivers, not one backend. */
  MULTICAST = 'multicast',
  /** `255.255.255.255`: every host on the link. */
  BROADCAST = 'broadcast',
  /** `10/8`, `172.16/12`, `192.168/16`, `100.64/10`, `fc00::/7`: private networks. */
  PRIVATE = 'private',
  /** Any other unicast address, including documentation and benchmarking ranges. */
  UNICAST = 'unicast',
}

/**
 * A parsed IPv4 or IPv6 address.
 *
 * Parsing is strict: dotted-quad IPv4 only (no leading zeros, no shorthand such as '127.1',
 * no hexadecimal), IPv6 without a zone, and IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`)
 * are refused in favour of their IPv4 form.
 */
export class IpAddress {
  /**
   * Parses an address; throws a `ValidationError` when it is not a valid IP address.
   */
  public static parse(address: string): IpAddress {
    const parsed = IpAddress.readOrProblem(address);
    if (typeof parsed === 'string') {
      throw new ValidationError([{ path: '', field: 'address', value: renderValue(address), message: parsed }]);
    }
    return parsed;
  }

  /**
   * Whether `address` is a valid IP address in the strict form this library accepts.
   */
  public static isValid(address: string): boolean {
    return typeof read(address) !== 'string';
  }

  /**
   * Whether the API server's own parser reads `text` as an IP address. That parser (Go's
   * `ParseIPSloppy`, which Kubernetes validation uses) is looser than `isValid`: it accepts
   * IPv4 octets with leading zeros such as '01.02.03.04' and reads them as decimal, and
   * IPv4-mapped IPv6 addresses. So an Ingress host '01.02.03.04' is an IP address to the API
   * server, which refuses it as a host.
   */
  public static isLooseIp(text: string): boolean {
    if (typeof text !== 'string' || text.length === 0) {
      return false;
    }
    const v4 = LOOSE_DOTTED_QUAD.exec(text);
    if (v4 !== null) {
      return v4.slice(1).every((octet) => Number(octet) <= 255);
    }
    if (!text.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(text)) {
      return false;
    }
    // An IPv6 address may end in a dotted quad, read like an IPv4 address.
    const tail = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
    if (tail !== null) {
      const octets = tail.slice(2).map(Number);
      return octets.every((o) => o <= 255) && ipaddr.IPv6.isValid(`${tail[1]}${octets.join('.')}`);
    }
    return ipaddr.IPv6.isValid(text);
  }

  /**
   * The problems with `address` as an IP address; empty when it is valid.
   */
  public static errors(address: string): string[] {
    const parsed = read(address);
    return typeof parsed === 'string' ? [parsed] : [];
  }

  /**
   * The address parsed, or the problem with it: `errors` and `parse` in one reading. Private:
   * the library reads it as `IpAddress['readOrProblem']` (see `readIpAddress` in
   * src/external/_values.ts); it is not part of the public API.
   */
  private static readOrProblem(address: string): IpAddress | string {
    const parsed = read(address);
    return typeof parsed === 'string' ? parsed : new IpAddress(parsed);
  }

  /** The family of the address. */
  public readonly family: IpFamily;

  /** The scope of the address. */
  public readonly scope: IpAddressScope;

  private readonly parsed: ipaddr.IPv4 | ipaddr.IPv6;

  private constructor(parsed: ipaddr.IPv4 | ipaddr.IPv6) {
    this.parsed = parsed;
    this.family = parsed.kind() === 'ipv4' ? IpFamily.IPV4 : IpFamily.IPV6;
    this.scope = scopeOf(parsed);
  }

  /**
   * Why this address cannot be the endpoint of a Service, or an empty list when it can.
   * Unspecified, loopback, link-local (cloud metadata lives there) and multicast addresses
   * are refused, as the API server refuses them in EndpointSlices and Endpoints; so are the
   * broadcast address and the rest of 0.0.0.0/8, which the API server accepts but which reach
   * no one backend.
   */
  public endpointErrors(): string[] {
    switch (this.scope) {
      case IpAddressScope.UNSPECIFIED:
        if (this.family === IpFamily.IPV4 && this.toString() !== '0.0.0.0') {
          return ['must not be in 0.0.0.0/8, \'this network\' (RFC 1122): it names no host, and hosts do not send packets to it; give the backend\'s real address'];
        }
        return ['must not be the unspecified address: give the backend\'s real address'];
      case IpAddressScope.LOOPBACK:
        return ['must not be a loopback address: it would point every node at itself'];
      case IpAddressScope.LINK_LOCAL:
        return ['must not be a link-local address (169.254.0.0/16, fe80::/10): it only works on one link, and 169.254.169.254 is the cloud metadata service'];
      case IpAddressScope.MULTICAST:
        return ['must not be a multicast address (224.0.0.0/4, ff00::/8): an endpoint is one backend'];
      case IpAddressScope.BROADCAST:
        return ['must not be the broadcast address'];
      default:
        return [];
    }
  }

  /**
   * The address in canonical form (IPv6 compressed and in lower case).
   */
  public toString(): string {
    return this.parsed.toString();
  }
}

/**
 * A parsed IPv4 or IPv6 CIDR range (`10.0.0.0/8`, `2001:db8::/32`).
 */
export class Cidr {
  /**
   * Parses a CIDR; throws a `ValidationError` when it is not valid.
   */
  public static parse(cidr: string): Cidr {
    const errors = Cidr.errors(cidr);
    if (errors.length > 0) {
      throw new ValidationError(errors.map((message) => ({ path: '', field: 'cidr', value: renderValue(cidr), message })));
    }
    return new Cidr(cidr);
  }

  /**
   * The problems with `cidr` as a CIDR range; empty when it is valid.
   */
  public static errors(cidr: string): string[] {
    if (typeof cidr !== 'string' || !cidr.includes('/')) {
      return [`must be a CIDR range such as '203.0.113.0/24' or '2001:db8::/32'${typeof cidr === 'string' && IpAddress.isValid(cidr) ? `; for one address use '${cidr}/${cidr.includes(':') ? 128 : 32}'` : ''}`];
    }
    const [address, prefix, ...rest] = cidr.split('/');
    if (rest.length > 0) {
      return ['must have exactly one \'/\''];
    }
    const errors = IpAddress.errors(address);
    if (errors.length > 0) {
      return errors.map((e) => `address part ${e}`);
    }
    const max = address.includes(':') ? 128 : 32;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefix) || Number(prefix) > max) {
      return [`prefix length must be a whole number from 0 to ${max}`];
    }
    return [];
  }

  /** The family of the range. */
  public readonly family: IpFamily;

  /** The prefix length. */
  public readonly prefixLength: number;

  /** The network address (the host bits cleared). */
  public readonly networkAddress: string;

  private readonly range: [ipaddr.IPv4 | ipaddr.IPv6, number];

  private constructor(cidr: string) {
    this.range = ipaddr.parseCIDR(cidr);
    this.family = this.range[0].kind() === 'ipv4' ? IpFamily.IPV4 : IpFamily.IPV6;
    this.prefixLength = this.range[1];
    this.networkAddress = networkOf(this.range[0], this.prefixLength);
  }

  /**
   * Whether the range contains the address (false when the families differ).
   */
  public contains(address: IpAddress): boolean {
    const parsed = ipaddr.parse(address.toString());
    if (parsed.kind() !== this.range[0].kind()) {
      return false;
    }
    return (parsed as any).match(this.range);
  }

  /**
   * The range in canonical form, with the address as given.
   */
  public toString(): string {
    return `${this.range[0].toString()}/${this.prefixLength}`;
  }
}

/** A dotted quad of decimal digits, leading zeros allowed (as the API server reads it). */
const LOOSE_DOTTED_QUAD = /^([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)$/;

/** A dotted quad without leading zeros: each octet is then read as decimal. */
const DOTTED_QUAD = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/**
 * Reads an address in the strict form this library accepts, parsing it once: the address, or
 * the problem with it (there is one at most).
 */
function read(address: string): ipaddr.IPv4 | ipaddr.IPv6 | string {
  if (typeof address !== 'string' || address.length === 0) {
    return 'must be an IP address (e.g. \'10.0.4.17\' or \'2001:db8::17\')';
  }
  if (address.includes('/')) {
    return `must be a single IP address, not a CIDR range; did you mean '${address.split('/')[0]}'?`;
  }
  if (address.includes(':')) {
    if (address.includes('%')) {
      return `must not carry an IPv6 zone ('%...'); did you mean '${address.split('%')[0]}'?`;
    }
    // Fail fast on what cannot be an address: the parser reports by throwing, which is slow.
    let v6: ipaddr.IPv6 | undefined;
    if (/^[0-9A-Fa-f:.]+$/.test(address)) {
      try {
        v6 = ipaddr.IPv6.parse(address);
      } catch {
        v6 = undefined;
      }
    }
    if (v6 === undefined) {
      return 'must be a valid IPv6 address (e.g. \'2001:db8::17\')';
    }
    if (v6.isIPv4MappedAddress()) {
      return `must not be an IPv4-mapped IPv6 address; use the IPv4 form '${v6.toIPv4Address().toString()}'`;
    }
    return v6;
  }
  // What ipaddr.js accepts as a four-part decimal address: four octets of at most 255.
  const m = DOTTED_QUAD.exec(address);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const c = Number(m[3]);
    const d = Number(m[4]);
    if (a <= 255 && b <= 255 && c <= 255 && d <= 255) {
      return new ipaddr.IPv4([a, b, c, d]);
    }
  }
  if (/^[0-9.]+$/.test(address) && address.split('.').length === 4) {
    const fixed = address.split('.').map((o) => String(Number(o))).join('.');
    return `must be a dotted-quad IPv4 address with octets 0-255 and no leading zeros (leading zeros are read as octal by some tools)${fixed !== address && !fixed.includes('NaN') ? `; did you mean '${fixed}'?` : ''}`;
  }
  return 'must be a dotted-quad IPv4 address (e.g. \'10.0.4.17\')';
}

function scopeOf(address: ipaddr.IPv4 | ipaddr.IPv6): IpAddressScope {
  // ipaddr.js's range tables decide the scope: the special ranges are its knowledge, not ours.
  switch (address.range()) {
    case 'unspecified': return IpAddressScope.UNSPECIFIED;
    case 'loopback': return IpAddressScope.LOOPBACK;
    case 'linkLocal': return IpAddressScope.LINK_LOCAL;
    case 'multicast': return IpAddressScope.MULTICAST;
    case 'broadcast': return IpAddressScope.BROADCAST;
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return IpAddressScope.PRIVATE;
    default:
      return IpAddressScope.UNICAST;
  }
}

function networkOf(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): string {
  const cidr = `${address.toString()}/${prefix}`;
  return address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(cidr).toString();
}
