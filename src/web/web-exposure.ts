import { ExposurePlan, exposurePlanOf, setExposurePlan } from './_values';
import { Problems } from '../core/problems';
import type { IGateway } from '../gateway/gateway-ref';
import { Cidr } from '../net/ip';
import { KubeName } from '../net/names';
import { DEFAULT_NODE_PORT_RANGE, parseNodePortRange } from '../net/node-port-range';
import { PortRules } from '../net/port';

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
 * The Gateway a `PublicWebApp`'s HTTPRoutes attach to (`WebExposure.gateway()`, or the app's
 * `gateway` prop next to its Ingress during a move).
 *
 * @see https://gateway-api.sigs.k8s.io/api-types/httproute/#attaching-to-gateways
 */
export interface WebGatewayOptions {
  /**
   * The Gateway: a `Gateway` of this app, or one managed elsewhere
   * (`Gateway.fromGatewayName('name', { namespace, listeners })`). Give the listeners of a Gateway
   * managed elsewhere when you know them: the app then picks its HTTPS and HTTP listeners itself.
   */
  readonly gateway: IGateway;

  /**
   * The listener the app's routes attach to, by name (the route's `parentRefs[].sectionName`).
   *
   * @default - with the HTTPS redirect, every HTTPS listener that serves the app's hosts;
   * otherwise every listener of the Gateway that admits the route
   */
  readonly sectionName?: string;

  /**
   * The listener the app's routes attach to, by port (the route's `parentRefs[].port`).
   *
   * @default - any port
   */
  readonly port?: number;

  /**
   * The HTTP listener the route that redirects plain HTTP to HTTPS attaches to.
   *
   * @default - every HTTP listener of the Gateway that serves the app's hosts (the listeners must
   * be known)
   */
  readonly httpSectionName?: string;

  /**
   * The `appProtocol` of the app's Service port: how the Gateway speaks to the app, such as
   * 'kubernetes.io/h2c' (HTTP/2 without TLS, gRPC) or 'kubernetes.io/ws' (WebSocket).
   *
   * @default - none (HTTP/1.1), or what `IngressController.nginx({ backendProtocol })` says on an
   * app that emits both an Ingress and HTTPRoutes ('kubernetes.io/h2c' for GRPC, 'https' for
   * HTTPS and GRPCS)
   * @see https://gateway-api.sigs.k8s.io/guides/backend-protocol/
   */
  readonly appProtocol?: string;
}

/**
 * How a `PublicWebApp` is reached from outside the cluster. Each factory checks its arguments
 * and throws a `ValidationError` listing every problem.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
 */
export class WebExposure {
  /**
   * An Ingress (`networking.k8s.io/v1`) in front of a ClusterIP Service: host names, paths,
   * TLS. The default.
   */
  public static ingress(): WebExposure {
    return new WebExposure({ name: 'Ingress', ingress: true, serviceType: 'ClusterIP' });
  }

  /**
   * HTTPRoutes (`gateway.networking.k8s.io/v1`) attached to a Gateway, in front of a ClusterIP
   * Service, instead of an Ingress: the app's host names become the routes' `hostnames`, its
   * paths their matches, and with the HTTPS redirect a second route on the HTTP listener
   * redirects plain HTTP. TLS is the Gateway's (its HTTPS listeners' certificates).
   *
   * To emit an Ingress and HTTPRoutes side by side during a move, keep the Ingress exposure and
   * set the app's `gateway` prop instead.
   *
   * @see https://gateway-api.sigs.k8s.io/api-types/httproute/
   */
  public static gateway(options: WebGatewayOptions): WebExposure {
    const problems = new Problems('WebExposure.gateway');
    const o = WebExposure._checkGatewayOptions(problems, '', options);
    problems.throwIfAny();
    const exposure = new WebExposure({ name: 'Gateway', ingress: false, serviceType: 'ClusterIP' });
    exposure._gatewayOptions = o;
    return exposure;
  }

  /**
   * A NodePort Service: the app is reached on a port of every node.
   */
  public static nodePort(options: NodePortExposureOptions = {}): WebExposure {
    const o: NodePortExposureOptions = options !== null && typeof options === 'object' ? options : {};
    const problems = new Problems('WebExposure.nodePort');
    const rangeText = o.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;
    const range = parseNodePortRange(rangeText);
    if (!range) {
      problems.add('nodePortRange', o.nodePortRange, 'must be \'<low>-<high>\' with 1 <= low <= high <= 65535, like the API server\'s `--service-node-port-range` (default \'30000-32767\')');
    } else if (o.nodePort !== undefined) {
      const [low, high] = range;
      const np = o.nodePort;
      if (typeof np !== 'number' || !Number.isInteger(np) || np < low || np > high) {
        problems.add('nodePort', np, `must be a whole number in the node port range ${low}-${high}`,
          `choose a port from ${low} to ${high}, leave it out to let the cluster allocate one, or set \`nodePortRange\` to the cluster's range`);
      }
    }
    checkPolicy(problems, o.externalTrafficPolicy);
    problems.throwIfAny();
    return new WebExposure({
      name: 'NodePort',
      ingress: false,
      serviceType: 'NodePort',
      nodePort: o.nodePort,
      customNodePortRange: range && rangeText.trim() !== DEFAULT_NODE_PORT_RANGE ? rangeText.trim() : undefined,
      externalTrafficPolicy: o.externalTrafficPolicy,
    });
  }

  /**
   * A LoadBalancer Service: the cloud provider's load balancer forwards to the app.
   */
  public static loadBalancer(options: LoadBalancerExposureOptions = {}): WebExposure {
    const o: LoadBalancerExposureOptions = options !== null && typeof options === 'object' ? options : {};
    const problems = new Problems('WebExposure.loadBalancer');
    let sourceRanges: string[] | undefined;
    if (o.sourceRanges !== undefined) {
      if (!Array.isArray(o.sourceRanges)) {
        problems.add('sourceRanges', o.sourceRanges, 'must be a list of CIDRs such as \'203.0.113.0/24\'');
      } else {
        sourceRanges = [...o.sourceRanges];
        sourceRanges.forEach((cidr, i) => problems.addEach(`sourceRanges[${i}]`, cidr, Cidr.errors(cidr)));
      }
    }
    checkPolicy(problems, o.externalTrafficPolicy);
    if (o.loadBalancerClass !== undefined) {
      problems.addEach('loadBalancerClass', o.loadBalancerClass, KubeName.qualifiedNameErrors(o.loadBalancerClass));
    }
    problems.throwIfAny();
    return new WebExposure({
      name: 'LoadBalancer',
      ingress: false,
      serviceType: 'LoadBalancer',
      sourceRanges,
      externalTrafficPolicy: o.externalTrafficPolicy,
      loadBalancerClass: o.loadBalancerClass,
    });
  }

  /**
   * Validates the options of a Gateway attachment into `problems` (fields under `prefix`).
   * @internal
   */
  public static _checkGatewayOptions(problems: Problems, prefix: string, options: WebGatewayOptions): WebGatewayOptions {
    const o: WebGatewayOptions = options !== null && typeof options === 'object' ? options : ({} as WebGatewayOptions);
    const g: any = o.gateway;
    if (g === null || typeof g !== 'object' || typeof g.toGatewayRef !== 'function') {
      problems.add(`${prefix}gateway`, o.gateway, 'must be an `IGateway`', 'pass a Gateway of this app or Gateway.fromGatewayName(\'name\', { namespace })');
    }
    for (const key of ['sectionName', 'httpSectionName'] as const) {
      if (o[key] !== undefined) {
        problems.addEach(`${prefix}${key}`, o[key], KubeName.dns1123SubdomainErrors(o[key] as string));
      }
    }
    if (o.port !== undefined) {
      problems.addEach(`${prefix}port`, o.port, PortRules.portNumberErrors(o.port));
    }
    if (o.appProtocol !== undefined) {
      problems.addEach(`${prefix}appProtocol`, o.appProtocol, KubeName.qualifiedNameErrors(o.appProtocol));
    }
    return { ...o };
  }

  /** Whether the app is exposed by an Ingress. */
  public readonly isIngress: boolean;

  /**
   * The Gateway of `WebExposure.gateway()`, validated.
   * @internal
   */
  public _gatewayOptions?: WebGatewayOptions;

  private constructor(plan: ExposurePlan) {
    this.isIngress = plan.ingress;
    setExposurePlan(this, plan);
  }

  /** Whether the app is exposed by HTTPRoutes attached to a Gateway (`WebExposure.gateway()`). */
  public get isGateway(): boolean {
    return this._gatewayOptions !== undefined;
  }

  /** 'Ingress', 'Gateway', 'NodePort' or 'LoadBalancer'. */
  public toString(): string {
    return exposurePlanOf(this)?.name ?? 'WebExposure';
  }
}

function checkPolicy(problems: Problems, policy: unknown): void {
  if (policy !== undefined && !Object.values(ExternalTrafficPolicy).includes(policy as ExternalTrafficPolicy)) {
    problems.add('externalTrafficPolicy', policy, 'must be \'Cluster\' or \'Local\'');
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
