/**
 * The transport protocol of a port.
 *
 * @see https://kubernetes.io/docs/reference/networking/service-protocols/
 */
export enum Protocol {
  /** TCP, the default. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP. */
  SCTP = 'SCTP',
}

/**
 * The rules for port numbers, as pure functions returning the problems found.
 */
export class PortRules {
  /** The lowest valid port number. */
  public static readonly MIN_PORT = 1;

  /** The highest valid port number. */
  public static readonly MAX_PORT = 65535;

  /**
   * A port number: a whole number from 1 to 65535.
   */
  public static portNumberErrors(value: number): string[] {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return ['must be a whole number between 1 and 65535'];
    }
    if (value < PortRules.MIN_PORT || value > PortRules.MAX_PORT) {
      return ['must be between 1 and 65535'];
    }
    return [];
  }

  /**
   * A protocol: one of TCP, UDP or SCTP, in upper case.
   */
  public static protocolErrors(value: string): string[] {
    if (value === 'TCP' || value === 'UDP' || value === 'SCTP') {
      return [];
    }
    const upper = typeof value === 'string' ? value.toUpperCase() : '';
    const hint = (upper === 'TCP' || upper === 'UDP' || upper === 'SCTP') ? `; did you mean '${upper}'?` : '';
    return [`must be one of 'TCP', 'UDP' or 'SCTP'${hint}`];
  }

  private constructor() {}
}
