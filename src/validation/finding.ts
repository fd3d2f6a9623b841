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
}
