import { KubeName } from './names';
import { renderValue } from '../validation/_problems';

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

/**
 * The port a Service forwards to on its backends: a number, or the name of a container port.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
 */
export class TargetPort {
  /**
   * A port number, 1 to 65535.
   */
  public static number(port: number): TargetPort {
    return new TargetPort(port, undefined);
  }

  /**
   * The name of a container port (an IANA service name such as 'http').
   */
  public static name(name: string): TargetPort {
    return new TargetPort(undefined, name);
  }

  /** The port number. @default - a named port */
  public readonly portNumber?: number;

  /** The port name. @default - a numbered port */
  public readonly portName?: string;

  private constructor(portNumber: number | undefined, portName: string | undefined) {
    this.portNumber = portNumber;
    this.portName = portName;
  }

  /**
   * The problems with this target port; empty when it is valid.
   */
  public errors(): string[] {
    if (this.portName !== undefined) {
      return KubeName.ianaSvcNameErrors(this.portName);
    }
    return PortRules.portNumberErrors(this.portNumber as number);
  }

  /**
   * The value as it appears in a manifest: a number or a string.
   */
  public get value(): any {
    return this.portName ?? this.portNumber;
  }

  /**
   * @internal
   */
  public _toKube(): any {
    return this.value;
  }

  /**
   * The value as text.
   */
  public toString(): string {
    const v = this.value;
    // a hostile value from JavaScript (an object whose toString is not a function) still renders
    return typeof v === 'string' || typeof v === 'number' || v === undefined ? String(v) : renderValue(v);
  }
}
