/**
 * Settings of the cluster the manifests are meant for, and what to report.
 */
export interface CheckOptions {
  /**
   * The node port range of the cluster (the API server's `--service-node-port-range`),
   * as `<first>-<last>`.
   *
   * @default '30000-32767'
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
   */
  readonly nodePortRange?: string;

  /**
   * Ids of rules not to apply (`['XREF001', 'EPS007']`).
   *
   * @default - every rule applies
   */
  readonly skipRules?: string[];

  /**
   * Whether to return acknowledged findings too (marked `acknowledged: true`).
   *
   * @default false
   */
  readonly includeAcknowledged?: boolean;

  /**
   * Whether the manifests are the whole set that will be applied. When they are, an object
   * that one of them refers to and that is not among them (a Service an Ingress routes to, the
   * Service an EndpointSlice names, the pods a selector selects) is an error; otherwise it is a
   * warning, since it may be applied from elsewhere. The synth safety net always checks an app
   * as complete.
   *
   * @default false
   */
  readonly complete?: boolean;

  /**
   * The namespace the manifests will be applied to: objects without `metadata.namespace` are
   * taken to be in it, as `kubectl apply` puts them there.
   *
   * @default 'default'
   */
  readonly namespace?: string;

  /**
   * The Kubernetes version of the cluster, from '1.28' to '1.34': fields that became generally
   * available later (such as `spec.trafficDistribution`, 1.33) are unknown fields before their
   * version, and deprecations apply from theirs.
   *
   * @default '1.28'
   */
  readonly kubernetesVersion?: string;

  /**
   * The IP families of the cluster ('IPv4', 'IPv6' or both). When given, a Service that needs a
   * family the cluster does not have (in `ipFamilies`, or with `RequireDualStack`) is an error.
   *
   * @default - not known: not checked
   * @see https://kubernetes.io/docs/concepts/services-networking/dual-stack/
   */
  readonly ipFamilies?: string[];

  /**
   * Whether to apply the opt-in security rules (profile 'security'): externalIPs, ExternalName
   * to localhost or a metadata address, wildcard hosts, NodePort, LoadBalancer without source
   * ranges, snippet annotations.
   *
   * @default false
   */
  readonly security?: boolean;

  /**
   * Objects that exist but are not among the manifests (managed elsewhere). References to them
   * are satisfied; what they contain is not known, so nothing about it is checked.
   *
   * @default - none
   */
  readonly externalObjects?: ExternalObject[];
}

/**
 * An object that exists in the cluster but is not among the manifests checked.
 */
export interface ExternalObject {
  /** Its kind, such as 'Service'. */
  readonly kind: string;

  /** Its name. */
  readonly name: string;

  /**
   * Its namespace.
   *
   * @default - the namespace objects without one are applied to (`CheckOptions.namespace`)
   */
  readonly namespace?: string;
}
