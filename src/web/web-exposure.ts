/**
 * How a Service routes traffic that arrives from outside the cluster.
 *
 * @see https://kubernetes.io/docs/reference/networking/virtual-ips/#external-traffic-policy
 */
export enum ExternalTrafficPolicy {
  /** To any ready endpoint in the cluster (the client address is hidden by SNAT). */
  CLUSTER = 'Cluster',
  /** Only to endpoints on the node that received it (keeps the client address). */
  LOCAL = 'Local',
}

/**
 * Options of a NodePort exposure.
 */
export interface NodePortExposureOptions {
  /**
   * The port opened on every node.
   *
   * @default - allocated by the cluster from its node port range
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
   */
  readonly nodePort?: number;

  /**
   * The cluster's node port range (the API server's `--service-node-port-range`), `<low>-<high>`.
   *
   * @default '30000-32767'
   */
  readonly nodePortRange?: string;

  /**
   * How traffic from outside is routed.
   *
   * @default ExternalTrafficPolicy.CLUSTER
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
}

/**
 * Options of a LoadBalancer exposure.
 */
export interface LoadBalancerExposureOptions {
  /**
   * The client address ranges (CIDRs) allowed through the load balancer.
   *
   * @default - every address (if the cloud provider supports the field)
   * @see https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#restrict-access-for-loadbalancer-service
   */
  readonly sourceRanges?: string[];

  /**
   * How traffic from outside is routed; `LOCAL` keeps the client address.
   *
   * @default ExternalTrafficPolicy.CLUSTER
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;

  /**
   * The load balancer implementation to use (a label-key-like name such as
   * 'service.k8s.aws/nlb').
   *
   * @default - the cloud provider's default load balancer
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-class
   */
  readonly loadBalancerClass?: string;
}

/**
 * The kinds of exposure.
 */
export enum WebExposureKind {
  /** An Ingress in front of a ClusterIP Service. */
  INGRESS = 'Ingress',
  /** A NodePort Service. */
  NODE_PORT = 'NodePort',
  /** A LoadBalancer Service. */
  LOAD_BALANCER = 'LoadBalancer',
}

/**
 * How a `PublicWebApp` is reached from outside the cluster.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
 */
export class WebExposure {
  /**
   * An Ingress (`networking.k8s.io/v1`) in front of a ClusterIP Service: host names, paths,
   * TLS. The default.
   */
  public static ingress(): WebExposure {
    return new WebExposure(WebExposureKind.INGRESS, {}, {});
  }

  /**
   * A NodePort Service: the app is reached on a port of every node.
   */
  public static nodePort(options: NodePortExposureOptions = {}): WebExposure {
    return new WebExposure(WebExposureKind.NODE_PORT, options ?? {}, {});
  }

  /**
   * A LoadBalancer Service: the cloud provider's load balancer forwards to the app.
   */
  public static loadBalancer(options: LoadBalancerExposureOptions = {}): WebExposure {
    return new WebExposure(WebExposureKind.LOAD_BALANCER, {}, options ?? {});
  }

  /** Which kind of exposure. */
  public readonly kind: WebExposureKind;

  /**
   * The fixed node port.
   *
   * @default - allocated by the cluster (NodePort), or none
   */
  public readonly fixedNodePort?: number;

  /**
   * The node port range the node port must be in.
   *
   * @default '30000-32767'
   */
  public readonly nodePortRange: string;

  /**
   * The allowed client ranges of a load balancer (a copy).
   *
   * @default - none
   */
  public get sourceRanges(): string[] | undefined {
    return Array.isArray(this._sourceRanges) ? [...this._sourceRanges] : this._sourceRanges;
  }

  private readonly _sourceRanges?: string[];

  /**
   * The external traffic policy.
   *
   * @default - the Kubernetes default (Cluster)
   */
  public readonly externalTrafficPolicy?: ExternalTrafficPolicy;

  /**
   * The load balancer class.
   *
   * @default - none
   */
  public readonly loadBalancerClass?: string;

  private constructor(kind: WebExposureKind, np: NodePortExposureOptions, lb: LoadBalancerExposureOptions) {
    this.kind = kind;
    this.fixedNodePort = np.nodePort;
    this.nodePortRange = np.nodePortRange ?? '30000-32767';
    this._sourceRanges = Array.isArray(lb.sourceRanges) ? [...lb.sourceRanges] : lb.sourceRanges;
    this.externalTrafficPolicy = np.externalTrafficPolicy ?? lb.externalTrafficPolicy;
    this.loadBalancerClass = lb.loadBalancerClass;
  }
}

/**
 * An explicit opt-in to `externalIPs` on the app's Service.
 *
 * Any user who can create or edit a Service can claim any IP address with `externalIPs` and
 * intercept the traffic meant for it (CVE-2020-8554), so many clusters block the field with an
 * admission policy. Use it only for addresses you own that are routed to the nodes, and
 * only when no LoadBalancer can do the job.
 *
 * @see https://github.com/kubernetes/kubernetes/issues/97076
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
 */
export interface ExternalIpsOptions {
  /**
   * The IP addresses (routed to the cluster's nodes) the Service also answers on.
   */
  readonly addresses: string[];

  /**
   * Must be `true`: you have read about CVE-2020-8554 and own these addresses.
   */
  readonly acceptCve20208554Risk: boolean;
}
