import { checkManifests } from './_check';
import { Problems } from './_problems';
import { Finding, RuleInfo } from './finding';
import { CATALOGUE, ruleInfo, ruleInfos } from './rules/_catalogue';
import { own } from './rules/_engine';
import { ACK_ANNOTATION } from './rules/ack/_ack';

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

/**
 * Checks Kubernetes manifests for what a 1.28 API server rejects (Service, Endpoints,
 * EndpointSlice, Ingress, IngressClass, removed API versions, unknown fields) and for the
 * cross-object mistakes that only show up as missing traffic (selectors that match no pod,
 * target ports no container declares, slices and Ingress backends that reach no Service, ...).
 *
 * A finding on one object can be acknowledged with a reason in its annotation
 * `service-patterns.cdk8s.io/acknowledge: "XREF008(legacy-svc): managed by the platform team"`
 * (the rule and what the finding is about, its `target`; a rule that finds at most one thing
 * per object may be named alone: `XREF001: pods are created by an operator`; several entries
 * separated by `;` or new lines). Acknowledged findings are left out.
 */
export class ManifestChecker {
  /**
   * The annotation that acknowledges findings on an object.
   */
  public static readonly ACKNOWLEDGE_ANNOTATION = ACK_ANNOTATION;

  /**
   * Checks a list of manifests (plain objects, as parsed from YAML or JSON).
   *
   * @param manifests the objects; anything that is not a map is a finding
   * @param options cluster settings and rules to skip
   * @returns the findings, ordered by manifest index
   */
  public static check(manifests: any[], options: CheckOptions = {}): Finding[] {
    return checkManifests(manifests, options);
  }

  /**
   * The rule catalogue, in id order.
   */
  public static get rules(): RuleInfo[] {
    return ruleInfos();
  }

  /**
   * Looks up one rule of the catalogue by its id.
   *
   * Throws a `ValidationError` when the id is not in the catalogue.
   *
   * @param id a rule id such as 'SVC002'
   */
  public static rule(id: string): RuleInfo {
    if (!own(CATALOGUE, id)) {
      const p = new Problems('ManifestChecker');
      p.add('id', id, 'must be the id of a rule of the catalogue', 'see `ManifestChecker.rules`');
      p.throwIfAny();
    }
    return ruleInfo(id);
  }

  private constructor() {}
}

