import { Protocol } from '../net/port';

/**
 * One port of a headless Service. Unlike a plain Service port, the name is required: peers,
 * EndpointSlices and SRV records (`_<name>._<protocol>.<service>`) refer to the port by it.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#srv-records
 */
export interface HeadlessPortOptions {
  /**
   * The port's name: a DNS-1123 label (at most 63 lower-case letters, digits and '-', such as
   * 'client' or 'peer'), unique among the ports of the Service. The API server validates a
   * Service port name as a DNS-1123 label; only container port names are IANA service names of
   * at most 15 characters.
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
   * The number of the container port the Service maps to. A container of the pod must expose
   * it (with the same protocol). Set at most one of `targetPort` and `targetPortName`.
   *
   * @default - `targetPortName`, or else the same number as `port`
   */
  readonly targetPort?: number;

  /**
   * The name of the container port the Service maps to (an IANA service name, as container
   * ports are named). A container of the pod must expose it (with the same protocol). Set at
   * most one of `targetPort` and `targetPortName`.
   *
   * @default - `targetPort`, or else the same number as `port`
   */
  readonly targetPortName?: string;

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
