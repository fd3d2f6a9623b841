import { Manifest, Reporter } from './_engine';
import { Severity } from '../finding';

/**
 * What the rules of a check can look up about the whole set of manifests: the cross-object
 * index, built once per check before any rule runs, in one pass over the objects.
 */
export interface ManifestSet {
  /** The index, by kind; each module of rules keeps what it needs (see `IndexPart`). */
  part<T>(part: IndexPart<T>): T;
}

/**
 * A part of the cross-object index: created once per check, given every usable object once,
 * then read by the rules that need it. Parts are shared by reference (one object per part).
 */
export interface IndexPart<T> {
  /** A name, for messages. */
  readonly name: string;
  /** A new, empty part for one check. */
  create(defaultNamespace: string): T;
  /** Adds one object (a map that passed the API checks, or of a kind the catalogue does not know). */
  add(part: T, m: Manifest): void;
}

/**
 * One rule of the catalogue: its facts and its check, in one object. Adding a rule is adding
 * one such object (in a file of its own, with its tests) to the list of `_all.ts`; the catalogue,
 * the CLI's `--list-rules` and the rules table of the docs are derived from that list.
 */
export interface Rule {
  /** The stable id, prefixed by its area: `SVC003`, `XREF004`. */
  readonly id: string;
  /** What the rule finds, in one line. */
  readonly summary: string;
  /** The kinds it reports on (`*` for any kind). */
  readonly kinds: readonly string[];
  /** How serious a finding is (for a `missing` rule: when the manifests are declared complete). */
  readonly severity: Severity;
  /** A link to the Kubernetes documentation of what the rule checks. */
  readonly docsUrl: string;
  /** True for what the API server itself rejects: acknowledging it changes nothing. */
  readonly server?: boolean;
  /** True for rules that report an object referred to and not among the manifests. */
  readonly missing?: boolean;
  /** True for rules that find at most one thing per object. */
  readonly one?: boolean;
  /** The opt-in profile the rule belongs to. */
  readonly profile?: 'security';
  /**
   * Checks one object of one of `kinds` (the reporter points at it; `r.m` is the object), with
   * the index of the whole set. Absent for rules reported by a shared check of their area (API,
   * acknowledgements).
   */
  readonly check?: (r: Reporter, set: ManifestSet) => void;
}
