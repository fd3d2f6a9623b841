import { Protocol } from './port';

/**
 * One port of a Service.
 */
export interface ServicePortOptions {
  /**
   * The port the Service listens on (clients connect to `<service>:<port>`).
   */
  readonly port: number;

  /**
   * The port number on the backends that traffic is forwarded to. Set at most one of
   * `targetPort` and `targetPortName`.
   *
   * @default - `targetPortName`, or else the same number as `port`
   */
  readonly targetPort?: number;

  /**
   * The name of the container port that traffic is forwarded to: an IANA service name (at most
   * 15 lower-case letters, digits and '-', such as 'http'), as container ports are named. Set
   * at most one of `targetPort` and `targetPortName`.
   *
   * @default - `targetPort`, or else the same number as `port`
   */
  readonly targetPortName?: string;

  /**
   * The port's name: a DNS-1123 label (at most 63 lower-case letters, digits and '-', starting
   * and ending with a letter or digit), unique among the ports. EndpointSlices and Ingress
   * backends refer to a port by this name (an Ingress backend only to names of at most 15
   * characters, IANA service names).
   *
   * @default - derived by the construct (for example from `appProtocol` or the port number)
   */
  readonly name?: string;

  /**
   * The transport protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The application protocol, a hint for proxies and meshes: an IANA service name
   * (`http`, `postgresql`), a `kubernetes.io/` name (`kubernetes.io/h2c`) or a domain-prefixed
   * name (`example.com/custom`).
   *
   * @default - none
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol
   */
  readonly appProtocol?: string;
}
