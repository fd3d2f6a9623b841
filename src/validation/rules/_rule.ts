import { Manifest, Reporter } from './_engine';
import { Severity } from '../finding';

/**
 * What the rules of a check can look up about the whole set of manifests: the cross-object
 * index, filled in the one pass over the objects, before any cross-object rule runs.
 */
export interface ManifestSet {
  /**
   * The part of the index `part` (one object per part and check, shared by every rule that
   * reads it). A part that no rule of the check lists in `uses` is filled on first use, with a
   * second pass over the objects: list the parts a rule reads in its `uses`.
   */
  part<T>(part: IndexPart<T>): T;
}

/**
 * A part of the cross-object index: created once per check, given every usable object once,
 * then read by the rules that need it. Parts are shared by reference (one object per part).
 */
export interface IndexPart<T> {
  /** A name, for messages. */
  readonly name: string;
  /**
   * The kinds of the objects the part takes: only they are `add`ed (every usable object when
   * absent).
   */
  readonly kinds?: readonly string[];
  /** A new, empty part for one check. */
  create(defaultNamespace: string): T;
  /**
   * Adds one object (a map that passed the API checks, or of a kind the API checks do not
   * know), in the order of the manifests.
   */
  add(part: T, m: Manifest): void;
}

/**
 * Rules that check the same lists of an object (the ports of a Service, the subsets of an
 * Endpoints object, ...), and whose findings on one object come out in the order of the
 * fields they are about, as a single walk over those lists would find them: by list item,
 * then by field, as `fields` orders the field names (a field before the fields inside it).
 */
export interface Walk {
  /** A name, for messages. */
  readonly name: string;
  /** Where the rules of the walk run among the rules of their kind (see `Rule.order`). */
  readonly order: number;
  /** The field names of the lists walked, in the order a walk visits them. */
  readonly fields: readonly string[];
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
   * the index of the whole set. Absent for rules reported by a shared check of the engine (the
   * API checks, acknowledgements) or by a shared reader (NET001, NET002: see `carries`).
   */
  readonly check?: (r: Reporter, set: ManifestSet) => void;
  /**
   * Whether `check` reads the index of the whole set (`set.part`): it then runs after every
   * object has been indexed; otherwise while the object is visited, where `set.part` throws.
   *
   * @default - whether `check` takes the set (declares a second parameter)
   */
  readonly crossObject?: boolean;
  /** The index parts `check` reads: filled in the one pass over the objects. */
  readonly uses?: ReadonlyArray<IndexPart<any>>;
  /**
   * Where the rule runs among the rules of its kinds, lowest first (then in the order of the
   * list): the order in which findings about one object come out. Ignored with `walk`.
   *
   * @default 1000
   */
  readonly order?: number;
  /** The walk the rule shares with other rules (see `Walk`). */
  readonly walk?: Walk;
  /**
   * The rules that a shared reader called by `check` reports besides the rule itself (the
   * address reader reports NET001 and NET002 where it reads an address): the check runs while
   * any of them applies.
   */
  readonly carries?: readonly string[];
}
