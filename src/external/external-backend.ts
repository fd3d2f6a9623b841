import { IpAddress } from '../net/ip';
import { KubeName } from '../net/names';
import { Problems } from '../validation/_problems';

/**
 * Where an `ExternalService` sends its clients: a list of IP addresses (a Service with
 * EndpointSlices) or a DNS host name (an ExternalName Service, a CNAME).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#externalname
 */
export class ExternalBackend {
  /**
   * Backends at fixed IP addresses, IPv4 and/or IPv6, one or many. The Service gets a cluster
   * IP and kube-proxy balances the connections over the addresses.
   *
   * @param addresses the backends' addresses, e.g. `['10.0.4.17', '2001:db8::17']`
   */
  public static addresses(addresses: string[]): ExternalBackend {
    return new ExternalBackend(Array.isArray(addresses) ? [...addresses] : addresses, undefined);
  }

  /**
   * One IPv4 or IPv6 address.
   *
   * @param address the backend's address, e.g. '10.0.4.17'
   */
  public static address(address: string): ExternalBackend {
    return new ExternalBackend([address], undefined);
  }

  /**
   * A backend known by its DNS name. The Service becomes a DNS CNAME (type ExternalName) to
   * `hostname`: no proxying, no cluster IP, and clients connect to the outside host directly,
   * on the port they use.
   *
   * @param hostname a DNS name such as 'api.partner.example' (a single trailing dot is accepted);
   * not a URL, not 'host:port', not an IP address
   */
  public static hostname(hostname: string): ExternalBackend {
    return new ExternalBackend(undefined, hostname);
  }


  /**
   * The host name, as given.
   *
   * @default - an address backend
   */
  public readonly externalName?: string;

  private readonly addressList?: string[];

  private constructor(addresses: string[] | undefined, hostname: string | undefined) {
    this.addressList = addresses;
    this.externalName = hostname;
  }

  /**
   * The addresses, as given (a copy).
   *
   * @default - a host name backend
   */
  public get ipAddresses(): string[] | undefined {
    return Array.isArray(this.addressList) ? [...this.addressList] : this.addressList;
  }

  /**
   * Whether this is a host name backend (an ExternalName Service).
   */
  public get isHostname(): boolean {
    return this.addressList === undefined;
  }

  /**
   * Validates the addresses into `problems` under `field[i]` and returns them parsed, in the
   * order given (invalid ones left out).
   * @internal
   */
  public _resolveAddresses(problems: Problems, field: string): IpAddress[] {
    const list: unknown = this.addressList;
    if (!Array.isArray(list)) {
      problems.add(field, list, 'must be a list of IP addresses', 'pass e.g. ExternalBackend.addresses([\'10.0.4.17\'])');
      return [];
    }
    if (list.length === 0) {
      problems.add(field, list, 'must contain at least one IP address', 'give the backend\'s addresses, or use ExternalBackend.hostname() for a DNS name');
      return [];
    }
    const parsed: IpAddress[] = [];
    const seen = new Map<string, number>();
    list.forEach((address: unknown, i: number) => {
      const at = `${field}[${i}]`;
      const ip = IpAddress._tryParse(address as string);
      if (typeof ip === 'string') {
        const fix = typeof address === 'string' && looksLikeHostname(address)
          ? 'this looks like a host name: use ExternalBackend.hostname() for a DNS name'
          : undefined;
        problems.add(at, address, ip, fix);
        return;
      }
      const endpointErrors = ip.endpointErrors();
      if (endpointErrors.length > 0) {
        problems.addEach(at, address, endpointErrors, 'give an address the backend can be reached at from every node');
        return;
      }
      const canonical = ip.toString();
      const previous = seen.get(canonical);
      if (previous !== undefined) {
        problems.add(at, address, `must be unique, but ${field}[${previous}] is the same address`, 'remove the duplicate');
        return;
      }
      seen.set(canonical, i);
      parsed.push(ip);
    });
    return parsed;
  }

  /**
   * Validates the host name into `problems` under `field` and returns it without a trailing dot.
   * @internal
   */
  public _resolveHostname(problems: Problems, field: string): string {
    for (const e of hostnameErrors(this.externalName)) {
      problems.add(field, this.externalName, e.message, e.fix);
    }
    return typeof this.externalName === 'string' ? this.externalName.replace(/\.$/, '') : '';
  }
}

interface HostnameProblem {
  readonly message: string;
  readonly fix?: string;
}

/**
 * Why `value` cannot be the target of a DNS CNAME (an ExternalName Service); empty when it can.
 */
function hostnameErrors(value: unknown): HostnameProblem[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [{ message: 'must be a DNS host name such as \'api.partner.example\'' }];
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/:?#]*)/.exec(value);
  if (scheme) {
    return [{
      message: 'must be a host name, not a URL: an ExternalName is a DNS CNAME and carries no scheme, port or path',
      fix: `use '${scheme[2].toLowerCase()}' and give the port in \`ports\``,
    }];
  }
  const bare = value.replace(/\.$/, '');
  if (IpAddress.isValid(bare) || IpAddress.isValid(value.replace(/^\[|\]$/g, ''))) {
    return [{
      message: 'must be a host name, not an IP address: a CNAME cannot point at an IP literal',
      fix: `use ExternalBackend.addresses(['${value.replace(/^\[|\]$/g, '')}']) for a backend at a fixed address`,
    }];
  }
  const hostPort = /^([^:/]+):(\d+)$/.exec(value) ?? /^\[([^\]]+)\]:(\d+)$/.exec(value);
  if (hostPort) {
    return [{
      message: 'must be a host name without a port: an ExternalName is a DNS CNAME and cannot carry one',
      fix: `use '${hostPort[1].toLowerCase()}' and give port ${hostPort[2]} in \`ports\``,
    }];
  }
  const slash = value.indexOf('/');
  if (slash >= 0) {
    return [{
      message: 'must be a host name without a path: an ExternalName is a DNS CNAME and cannot carry one',
      fix: `use '${value.slice(0, slash).toLowerCase()}'`,
    }];
  }
  if (value.endsWith('..')) {
    return [{ message: 'must end with at most one \'.\'', fix: `use '${value.replace(/\.+$/, '')}'` }];
  }
  return KubeName.dns1123SubdomainErrors(bare).map((message) => ({ message }));
}

/** Whether a value that is not an IP address was probably meant as a host name. */
function looksLikeHostname(value: string): boolean {
  return /[a-zA-Z]/.test(value) && !value.includes(':') && /^[a-zA-Z0-9.-]+$/.test(value);
}
