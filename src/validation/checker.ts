import { checkManifests } from './_check';
import { Problems } from './_problems';
import { Finding, RuleInfo } from './finding';
import { CATALOGUE, ruleInfo, ruleInfos } from './rules/_catalogue';
import { own } from './rules/_engine';
import { ACK_ANNOTATION } from './rules/_meta';

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
}

/**
 * Checks Kubernetes manifests for what a 1.28 API server rejects (Service, Endpoints,
 * EndpointSlice, Ingress, IngressClass, removed API versions, unknown fields) and for the
 * cross-object mistakes that only show up as missing traffic (selectors that match no pod,
 * target ports no container declares, slices and Ingress backends that reach no Service, ...).
 *
 * A finding on one object can be acknowledged with a reason in its annotation
 * `service-patterns.cdk8s.io/acknowledge: "XREF001: pods are created by an operator"`
 * (several separated by `;` or new lines); acknowledged findings are left out.
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

