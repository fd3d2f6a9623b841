import { checkManifests } from '../validation/check';
import { ManifestChecker } from '../validation/checker';
import { Finding, Severity } from '../validation/finding';

// The shapes cdk8s-cli hands to a validation plugin, typed here structurally so that the
// library never loads cdk8s-cli at run time.

/** A resource that violates a rule, as cdk8s-cli reports it. */
interface ViolatingResource {
  readonly resourceName: string;
  readonly locations: string[];
  readonly manifestPath: string;
}

/** A violation of one rule, as cdk8s-cli reports it. */
interface Violation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: ViolatingResource[];
}

/** What cdk8s-cli passes to `validate` (its `ValidationContext`). */
interface ValidationContextLike {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: Violation): void;
    submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
  };
  parseManifest(manifestPath: string): any[];
}

/** The `properties` of the plugin in `cdk8s.yaml`. */
interface PluginProperties {
  /** The cluster's node port range, e.g. '30000-32767'. */
  readonly nodePortRange?: string;
  /** Rule ids not to apply. */
  readonly skipRules?: string[];
  /**
   * Whether the app's manifests are the whole set (default true: the app is what is applied,
   * so an object it refers to and does not contain is an error).
   */
  readonly complete?: boolean;
  /** The namespace objects without one are applied to (default 'default'). */
  readonly namespace?: string;
  /** The Kubernetes version, '1.28' to '1.34' (default '1.28'). */
  readonly kubernetesVersion?: string;
  /** The cluster's IP families (default: not checked). */
  readonly ipFamilies?: string[];
  /** Whether to apply the security profile (default false). */
  readonly security?: boolean;
}

/**
 * The manifest checker as a `cdk8s synth` validation plugin. In `cdk8s.yaml`:
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-service-patterns/lib/cli/cdk8s-plugin.js
 *     version: 0.0.0
 *     class: ConnectivityCheckValidation
 *     properties:
 *       nodePortRange: 30000-32767
 * ```
 *
 * Every synthesized manifest is checked; error findings fail the synth, warnings are
 * listed. Acknowledged findings are left out.
 */
export class ConnectivityCheckValidation {
  private readonly properties: PluginProperties;

  public constructor(properties: PluginProperties = {}) {
    this.properties = properties ?? {};
  }

  /** Runs the checker over the synthesized manifests and fills the report. */
  public async validate(context: ValidationContextLike): Promise<void> {
    const objects: any[] = [];
    const files: string[] = [];
    for (const manifestPath of context.manifests) {
      for (const object of context.parseManifest(manifestPath)) {
        if (object !== null && object !== undefined) {
          objects.push(object);
          files.push(manifestPath);
        }
      }
    }
    const p = this.properties;
    const findings = checkManifests(objects, {
      nodePortRange: p.nodePortRange,
      skipRules: p.skipRules,
      complete: p.complete ?? true,
      namespace: p.namespace,
      kubernetesVersion: p.kubernetesVersion,
      ipFamilies: p.ipFamilies,
      security: p.security,
    });
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    }
    for (const [ruleId, list] of byRule) {
      const rule = ManifestChecker.rule(ruleId);
      context.report.addViolation({
        ruleName: `${ruleId} (${rule.severity}): ${rule.summary}`,
        recommendation: `${rule.summary}; see ${rule.docsUrl}`,
        fix: [...new Set(list.map((f) => f.fix ?? f.message))].join('; '),
        violatingResources: list.map((f) => ({
          resourceName: f.name ?? `#${f.manifestIndex}`,
          locations: [`${f.field}: ${f.message}${f.value === undefined ? '' : `, got ${f.value}`}`],
          manifestPath: files[f.manifestIndex],
        })),
      });
    }
    const errors = findings.filter((f) => f.severity === Severity.ERROR).length;
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      errors: String(errors),
      warnings: String(findings.length - errors),
    });
  }
}
