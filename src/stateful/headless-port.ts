import { Protocol, TargetPort } from '../net/port';

/**
 * One port of a headless Service. Unlike a plain Service port, the name is required: peers,
 * EndpointSlices and SRV records (`_<name>._<protocol>.<service>`) refer to the port by it.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#srv-records
 */
export interface HeadlessPortOptions {
  /**
   * The port's name: an IANA service name (at most 15 lower-case letters, digits and '-',
   * such as 'client' or 'peer'), unique among the ports of the Service.
   */
  readonly name: string;

  /**
   * The port number of the Service.
   *
   * A headless Service has no cluster IP and no proxy: a client that resolves the Service or a
   * pod name gets pod IPs and connects straight to the container port (`targetPort`).
   */
  readonly port: number;

  /**
   * The container port the Service maps to: a number or the name of a container port. A
   * container of the pod must expose it (with the same protocol).
   *
   * @default - the same number as `port`
   */
  readonly targetPort?: TargetPort;

  /**
   * The transport protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The application protocol: an IANA service name (`http`, `postgresql`), a `kubernetes.io/`
   * name (`kubernetes.io/h2c`) or a domain-prefixed name (`example.com/custom`).
   *
   * @default - none
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol
   */
  readonly appProtocol?: string;
}
