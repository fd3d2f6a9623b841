import { Duration } from 'cdk8s';

/**
 * How a Service picks a backend for each connection.
 *
 * @see https://kubernetes.io/docs/reference/networking/virtual-ips/#session-affinity
 */
export class SessionAffinity {
  /** The longest ClientIP timeout Kubernetes accepts, in seconds (one day). */
  public static readonly MAX_TIMEOUT_SECONDS = 86400;

  /**
   * No affinity: every connection may go to any backend (round robin or random, as the proxy
   * mode does it). The Kubernetes default.
   */
  public static readonly NONE = new SessionAffinity('None', undefined);

  /**
   * The connections of one client IP go to the same backend until the client has been idle for
   * `timeout`.
   *
   * @param timeout how long a client sticks to its backend, 1 second to 1 day (86400 seconds),
   * in whole seconds; Kubernetes uses 3 hours (10800 seconds) when none is given
   */
  public static clientIp(timeout?: Duration): SessionAffinity {
    return new SessionAffinity('ClientIP', timeout);
  }

  /**
   * The value of the Service's `sessionAffinity`: 'None' or 'ClientIP'.
   */
  public readonly type: string;

  /**
   * How long a client sticks to its backend.
   *
   * @default - no timeout given: Kubernetes uses 10800 seconds for ClientIP affinity
   */
  public readonly timeout?: Duration;

  private constructor(type: string, timeout: Duration | undefined) {
    this.type = type;
    this.timeout = timeout;
  }
}
