/**
 * How serious a finding is.
 */
export enum Severity {
  /** The object is rejected by the API server, or silently routes no traffic. Fails the build. */
  ERROR = 'error',
  /** Probably a mistake, but it can be intended. Reported; fails nothing on its own. */
  WARNING = 'warning',
}

/**
 * One finding of the manifest checker about one object.
 */
export interface Finding {
  /** The id of the rule that found it (stable across releases). */
  readonly ruleId: string;

  /** How serious it is. */
  readonly severity: Severity;

  /** The index of the object in the list of manifests checked. */
  readonly manifestIndex: number;

  /** The object's `apiVersion`. @default - the object has none */
  readonly apiVersion?: string;

  /** The object's `kind`. @default - the object has none */
  readonly kind?: string;

  /** The object's `metadata.name`. @default - the object has none */
  readonly name?: string;

  /** The object's `metadata.namespace`. @default - the object has none */
  readonly namespace?: string;

  /** The field at fault, as the API server names it: `spec.ports[1].name`. */
  readonly field: string;

  /** The value found, rendered as text. @default - the field is missing */
  readonly value?: string;

  /** What is wrong, in lower case, without the field name. */
  readonly message: string;

  /** How to fix it. @default - the message says it */
  readonly fix?: string;

  /** A link to the Kubernetes documentation of the rule. */
  readonly docsUrl: string;

  /**
   * Whether the object acknowledges this finding (with a reason) in its
   * `service-patterns.cdk8s.io/acknowledge` annotation. Acknowledged findings are only
   * returned when `CheckOptions.includeAcknowledged` is set.
   *
   * @default false
   */
  readonly acknowledged?: boolean;

  /**
   * The reason given in the acknowledgement.
   *
   * @default - not acknowledged
   */
  readonly acknowledgedReason?: string;

  /**
   * What the finding is about, as an acknowledgement names it (`XREF008(legacy-svc): reason`):
   * the name of the object referred to for a finding about a reference, otherwise the field.
   *
   * @default - the field
   */
  readonly target?: string;
}

/**
 * One rule of the manifest checker's catalogue.
 */
export interface RuleInfo {
  /** The stable id of the rule, prefixed by its area: `SVC003`, `XREF004`. */
  readonly id: string;

  /** What the rule checks, in one line. */
  readonly summary: string;

  /** The kinds the rule applies to (`Service`, `EndpointSlice`, ...; `*` for any kind). */
  readonly kinds: string[];

  /** How serious a finding of this rule is. */
  readonly severity: Severity;

  /** A link to the Kubernetes documentation of what the rule checks. */
  readonly docsUrl: string;

  /**
   * Whether a finding of this rule can be acknowledged with the
   * `service-patterns.cdk8s.io/acknowledge` annotation. Rules that mirror what the API
   * server rejects cannot be: the server rejects the object anyway.
   */
  readonly acknowledgeable: boolean;

  /**
   * Whether the rule reports that an object referred to is not among the manifests checked.
   * Such a finding is a warning, since the object may be applied from elsewhere, unless the
   * manifests are declared complete (`CheckOptions.complete`, the CLI's `--complete`, and
   * always in the synth safety net), where it is an error.
   */
  readonly missingReference: boolean;

  /**
   * Whether the rule may find several things on one object, so that an acknowledgement must
   * name the finding it accepts (`XREF008(legacy-svc): reason`) rather than the rule alone.
   */
  readonly manyPerObject: boolean;

  /**
   * The opt-in profile the rule belongs to, such as 'security'; its rules apply only when the
   * profile is asked for.
   *
   * @default - none: the rule always applies
   */
  readonly profile?: string;
}
