/**
 * What a node of a `ConnectivityMap` stands for.
 */
export enum MapNodeKind {
  /** An Ingress (`networking.k8s.io/v1`). */
  INGRESS = 'Ingress',
  /** A Gateway (`gateway.networking.k8s.io`). */
  GATEWAY = 'Gateway',
  /** An HTTPRoute. */
  HTTP_ROUTE = 'HTTPRoute',
  /** A GRPCRoute. */
  GRPC_ROUTE = 'GRPCRoute',
  /** A Service of any type (ClusterIP, headless, NodePort, LoadBalancer, ExternalName). */
  SERVICE = 'Service',
  /** A workload with a pod template: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod. */
  WORKLOAD = 'Workload',
  /** An EndpointSlice. */
  ENDPOINT_SLICE = 'EndpointSlice',
  /** A (legacy) Endpoints object. */
  ENDPOINTS = 'Endpoints',
  /** An address an EndpointSlice or Endpoints object points at. */
  ADDRESS = 'Address',
  /** The host name of an ExternalName Service. */
  EXTERNAL_HOST = 'ExternalHost',
  /** A NetworkPolicy. */
  NETWORK_POLICY = 'NetworkPolicy',
  /** An object referred to that is not among the manifests (a Service, a Gateway, the pods of a selector). */
  MISSING = 'Missing',
}

/**
 * How an edge of a `ConnectivityMap` is marked.
 */
export enum MapEdgeStatus {
  /** Not marked: no policy isolates the destination, no finding concerns the edge. */
  NORMAL = 'normal',
  /** The destination pods are isolated for ingress, and some NetworkPolicy admits traffic on the port. */
  ALLOWED = 'allowed',
  /** The destination pods are isolated for ingress, and no NetworkPolicy admits traffic on the port. */
  DENIED = 'denied',
  /** A finding of the checker concerns the edge. */
  FINDING = 'finding',
}

/**
 * A node of a `ConnectivityMap`.
 */
export interface MapNode {
  /** Its id in the Mermaid and DOT output: stable for the same manifests. */
  readonly id: string;

  /** What it stands for. */
  readonly kind: MapNodeKind;

  /** The name of the object, the address or the host name. */
  readonly name: string;

  /**
   * The namespace of the object.
   *
   * @default - not in a namespace (an address or host outside the cluster)
   */
  readonly namespace?: string;

  /** Its label, lines separated by '\n'. */
  readonly label: string;

  /**
   * The index of the manifest it is drawn from.
   *
   * @default - drawn from no manifest (an address, a host, something missing)
   */
  readonly manifestIndex?: number;

  /** The rule ids of the findings about its object that no edge shows. */
  readonly findings: string[];
}

/**
 * An edge of a `ConnectivityMap`: a path traffic or a reference takes from one object to the next.
 */
export interface MapEdge {
  /** The id of the node it starts at. */
  readonly from: string;

  /** The id of the node it ends at. */
  readonly to: string;

  /** Its label (host and path, ports, weight), lines separated by '\n'; may be empty. */
  readonly label: string;

  /** How it is marked. */
  readonly status: MapEdgeStatus;

  /**
   * Why it is marked: the policies that allow it, or the findings that concern it.
   *
   * @default - not marked
   */
  readonly note?: string;

  /**
   * The index of the manifest that makes the edge.
   *
   * @default - none
   */
  readonly manifestIndex?: number;
}
