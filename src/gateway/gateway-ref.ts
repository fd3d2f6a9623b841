/**
 * The protocol of a Gateway listener.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#protocoltype
 */
export enum GatewayProtocol {
  /** Plain HTTP: HTTPRoutes and (with h2c) GRPCRoutes attach. */
  HTTP = 'HTTP',
  /** HTTP over TLS, terminated at the Gateway with the listener's certificates. */
  HTTPS = 'HTTPS',
}

/**
 * Which namespaces may attach routes to a listener (`allowedRoutes.namespaces.from`).
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#fromnamespaces
 */
export enum RouteNamespaces {
  /** Only routes in the Gateway's namespace. */
  SAME = 'Same',
  /** Routes in every namespace. */
  ALL = 'All',
  /** Routes in the namespaces whose labels match a selector. */
  SELECTOR = 'Selector',
}

/**
 * A kind of route of the Gateway API (standard channel, GA).
 */
export enum RouteKind {
  /** `HTTPRoute`. */
  HTTP_ROUTE = 'HTTPRoute',
  /** `GRPCRoute`. */
  GRPC_ROUTE = 'GRPCRoute',
}

/**
 * What a route needs to know of one listener of a Gateway.
 */
export interface GatewayListenerRef {
  /** The listener name (a route's `sectionName`). */
  readonly name: string;

  /** The port the listener accepts connections on. */
  readonly port: number;

  /** The protocol, such as 'HTTP' or 'HTTPS'. */
  readonly protocol: string;

  /**
   * The host name the listener serves.
   *
   * @default - every host
   */
  readonly hostname?: string;

  /**
   * Which namespaces may attach routes.
   *
   * @default RouteNamespaces.SAME
   */
  readonly allowedRoutesFrom?: RouteNamespaces;

  /**
   * The route kinds that may attach.
   *
   * @default - the kinds the listener's protocol supports
   */
  readonly allowedRouteKinds?: string[];
}

/**
 * A Gateway routes attach to.
 */
export interface GatewayRef {
  /** The Gateway's name. */
  readonly name: string;

  /**
   * The Gateway's namespace.
   *
   * @default - the namespace the route is applied to
   */
  readonly namespace?: string;

  /**
   * The Gateway's listeners, when they are known: routes are then checked against them
   * (`sectionName`, `port`, `allowedRoutes`).
   *
   * @default - not known: not checked
   */
  readonly listeners?: GatewayListenerRef[];
}

/**
 * A Gateway that routes can attach to: a `Gateway` of this app, or one managed elsewhere
 * (`Gateway.fromGatewayName`).
 */
export interface IGateway {
  /**
   * The Gateway's name, namespace and (when known) listeners.
   */
  toGatewayRef(): GatewayRef;
}

/**
 * An object a construct refers to that is not part of this cdk8s app (a Service or Secret
 * managed elsewhere). Tell the manifest checker that it exists (`CheckOptions.externalObjects`
 * takes these fields).
 */
export interface OutsideReference {
  /** Its kind: 'Service' or 'Secret'. */
  readonly kind: string;

  /** Its name. */
  readonly name: string;

  /**
   * Its namespace.
   *
   * @default - the namespace of the object that refers to it
   */
  readonly namespace?: string;

  /**
   * Whether the reference crosses namespaces, so that a ReferenceGrant in the target's
   * namespace must allow it. The construct cannot emit that grant (the target is not in the
   * app): whoever manages the target must.
   */
  readonly referenceGrantNeeded: boolean;
}
