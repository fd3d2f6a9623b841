import { Duration } from 'cdk8s';
import { Problems, renderValue } from '../validation/_problems';

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

  /**
   * The problems of this affinity, recorded under `field`.
   * @internal
   */
  public _validate(problems: Problems, field: string): void {
    if (this.timeout === undefined) {
      return;
    }
    const ms = timeoutMilliseconds(this.timeout);
    const fix = `give a whole number of seconds from 1 to ${SessionAffinity.MAX_TIMEOUT_SECONDS} (one day), e.g. Duration.hours(3)`;
    if (ms === undefined) {
      problems.add(`${field}.timeout`, this.timeout, 'must be a cdk8s `Duration`', fix);
    } else if (!Number.isFinite(ms) || ms % 1000 !== 0) {
      problems.add(`${field}.timeout`, `${ms}ms`, 'must be a whole number of seconds', fix);
    } else if (ms < 1000 || ms > SessionAffinity.MAX_TIMEOUT_SECONDS * 1000) {
      problems.add(`${field}.timeout`, `${renderValue(ms / 1000)}s`, `must be between 1 and ${SessionAffinity.MAX_TIMEOUT_SECONDS} seconds`, fix);
    }
  }

  /**
   * The Service spec fields of this affinity (only call once validated).
   * @internal
   */
  public _toKube(): { sessionAffinity: string; sessionAffinityConfig?: { clientIp: { timeoutSeconds: number } } } {
    if (this.type === 'ClientIP' && this.timeout !== undefined) {
      return {
        sessionAffinity: this.type,
        sessionAffinityConfig: { clientIp: { timeoutSeconds: (timeoutMilliseconds(this.timeout) as number) / 1000 } },
      };
    }
    return { sessionAffinity: this.type };
  }
}

function timeoutMilliseconds(timeout: Duration): number | undefined {
  if (timeout === null || typeof timeout !== 'object' || typeof (timeout as any).toMilliseconds !== 'function') {
    return undefined;
  }
  try {
    return timeout.toMilliseconds({ integral: false });
  } catch {
    return NaN;
  }
}
