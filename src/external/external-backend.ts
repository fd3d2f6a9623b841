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
}
