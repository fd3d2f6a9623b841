import { checkManifests } from './check';
import { CheckOptions } from './check-options';
import { Finding, RuleInfo } from './finding';
import { Problems } from '../core/problems';
import { CATALOGUE, ruleInfo, ruleInfos } from './rules/_catalogue';
import { own } from './rules/_engine';
import { ACK_ANNOTATION } from './rules/ack/_ack';

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

