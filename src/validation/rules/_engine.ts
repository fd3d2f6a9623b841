import { renderValue } from '../../core/problems';
import { KubeName } from '../../net/names';
import { Finding, Severity } from '../finding';

/** The settings every rule may read. */
export interface RuleSettings {
  /** The lowest node port. */
  readonly nodePortMin: number;
  /** The highest node port. */
  readonly nodePortMax: number;
  /**
   * Whether the manifests are the whole set: an object they refer to and do not contain is
   * then an error, not a warning.
   */
  readonly complete: boolean;
  /** The namespace of objects without `metadata.namespace` (as `kubectl apply` defaults it). */
  readonly namespace: string;
  /** The Kubernetes minor version checked against, e.g. 28 for 1.28. */
  readonly minor: number;
  /** The cluster's IP families, or undefined when they are not known. */
  readonly ipFamilies: readonly string[] | undefined;
  /** Whether the opt-in security rules apply. */
  readonly security: boolean;
  /** Objects declared to exist outside the manifests: `Kind/namespace/name`. */
  readonly external: ReadonlySet<string>;
}

/** The settings of a check that states no cluster fact. */
export const DEFAULT_SETTINGS: RuleSettings = {
  nodePortMin: 30000,
  nodePortMax: 32767,
  complete: false,
  namespace: 'default',
  minor: 28,
  ipFamilies: undefined,
  security: false,
  external: new Set(),
};

/**
 * The fields of a manifest that the rules read, each read once.
 *
 * Why: the objects cdk8s synthesizes each have a hidden class of their own (V8 built them as
 * dictionaries, then made them fast one by one), so the engine cannot cache where a field is,
 * and every read of a field by name is a slow lookup. The rules read these fields from here.
 */
export interface Manifest {
  /** The position of the object in the list of manifests checked. */
  readonly index: number;
  /** The object itself. */
  readonly obj: any;
  /** `apiVersion`, `kind`, `metadata` and `spec` as found (undefined when `obj` is not a map). */
  readonly apiVersion: unknown;
  readonly kind: unknown;
  readonly metadata: unknown;
  readonly spec: unknown;
  /** The fields of `metadata` as found (undefined when `metadata` is not a map). */
  readonly name: unknown;
  readonly namespace: unknown;
  readonly labels: unknown;
  readonly annotations: unknown;
}

/** The value of a field before a for-in loop has seen it. */
const UNSEEN: unknown = Symbol('unseen');

/** Reads the fields of the object at `index` that the rules read. */
export function manifestOf(index: number, obj: unknown): Manifest {
  if (!isMap(obj)) {
    return {
      index,
      obj,
      apiVersion: undefined,
      kind: undefined,
      metadata: undefined,
      spec: undefined,
      name: undefined,
      namespace: undefined,
      labels: undefined,
      annotations: undefined,
    };
  }
  // A for-in loop reads a field by its position, with no lookup by name: the fields are found
  // that way, and a field it does not see (missing, inherited or not enumerable) is read as usual.
  let apiVersion: unknown = UNSEEN;
  let kind: unknown = UNSEEN;
  let metadata: unknown = UNSEEN;
  let spec: unknown = UNSEEN;
  for (const key in obj) {
    switch (key) {
      case 'apiVersion': apiVersion = obj[key]; break;
      case 'kind': kind = obj[key]; break;
      case 'metadata': metadata = obj[key]; break;
      case 'spec': spec = obj[key]; break;
    }
  }
  if (apiVersion === UNSEEN) apiVersion = fieldOf(obj, 'apiVersion');
  if (kind === UNSEEN) kind = fieldOf(obj, 'kind');
  if (metadata === UNSEEN) metadata = fieldOf(obj, 'metadata');
  if (spec === UNSEEN) spec = fieldOf(obj, 'spec');
  let name: unknown = UNSEEN;
  let namespace: unknown = UNSEEN;
  let labels: unknown = UNSEEN;
  let annotations: unknown = UNSEEN;
  if (isMap(metadata)) {
    for (const key in metadata) {
      switch (key) {
        case 'name': name = metadata[key]; break;
        case 'namespace': namespace = metadata[key]; break;
        case 'labels': labels = metadata[key]; break;
        case 'annotations': annotations = metadata[key]; break;
      }
    }
  }
  if (name === UNSEEN) name = fieldOf(metadata, 'name');
  if (namespace === UNSEEN) namespace = fieldOf(metadata, 'namespace');
  if (labels === UNSEEN) labels = fieldOf(metadata, 'labels');
  if (annotations === UNSEEN) annotations = fieldOf(metadata, 'annotations');
  return { index, obj, apiVersion, kind, metadata, spec, name, namespace, labels, annotations };
}

/**
 * `obj[key]` when `obj` is a map, else undefined; for a field a for-in loop did not see, which
 * is usually missing: `in` tells that fastest.
 */
function fieldOf(obj: unknown, key: string): unknown {
  return isMap(obj) && key in obj ? obj[key] : undefined;
}

/**
 * Records the findings about one object. Rules call `report` with the rule id, the field path
 * as the API server writes it, the value found, the message and the fix.
 *
 * Most objects have no finding, so one reporter serves every object of a check in turn:
 * `moveTo` points it at the next object instead of allocating a reporter per object.
 */
export class Reporter {
  /** The object reported about. */
  public m: Manifest = manifestOf(-1, undefined);

  public constructor(
    private readonly out: Finding[],
    private readonly skip: ReadonlySet<string>,
    /** The settings of the check. */
    public readonly settings: RuleSettings = DEFAULT_SETTINGS,
    /** The rules of the catalogue, by id: the severity and docs link of their findings. */
    private readonly rules: ReadonlyMap<string, { readonly severity: Severity; readonly docsUrl: string }> = new Map(),
  ) {}

  /** How many findings were recorded so far. */
  public get count(): number {
    return this.out.length;
  }

  /** Puts the findings recorded from the `start`th on in the order of `compare` (a stable sort). */
  public reorderFrom(start: number, compare: (a: Finding, b: Finding) => number): void {
    const out = this.out;
    const tail = out.slice(start).sort(compare);
    for (let i = 0; i < tail.length; i++) {
      out[start + i] = tail[i];
    }
  }

  /** Reports about `m` from now on; returns this reporter. */
  public moveTo(m: Manifest): this {
    this.m = m;
    return this;
  }

  /**
   * Records a finding; `value` undefined means the field is missing. `target` names what the
   * finding is about, for an acknowledgement (`RULE(target): reason`): the referenced object's
   * name for a finding about a reference, else the field.
   */
  public report(ruleId: string, field: string, value: unknown, message: string, fix?: string, target?: string): void {
    this.push(ruleId, undefined, field, value, message, fix, target);
  }

  /**
   * Records that an object the current one refers to is not among the manifests checked.
   * `message` says what is missing, and is followed by "among the manifests checked";
   * `consequence` says what happens when it really is missing. That is a warning, since it may
   * be applied from elsewhere; an error when the manifests are declared complete.
   *
   * @param target the name of the object referred to, for acknowledgements
   */
  public reportMissing(ruleId: string, field: string, value: unknown, message: string, consequence: string, fix: string, target?: string): void {
    const complete = this.settings.complete;
    const text = complete
      ? `${message} among the manifests, which are declared complete: ${consequence}`
      : `${message} among the manifests checked: unless it is applied from elsewhere, ${consequence}`;
    this.push(ruleId, complete ? Severity.ERROR : Severity.WARNING, field, value, text, fix, target);
  }

  /** Whether `kind` `name` in `ns` was declared to exist outside the manifests. */
  public isExternal(kind: string, ns: string, name: string): boolean {
    return this.settings.external.size > 0 && this.settings.external.has(externalKey(kind, ns, name));
  }

  private push(ruleId: string, severity: Severity | undefined, field: string, value: unknown, message: string,
    fix: string | undefined, target: string | undefined): void {
    if (this.skip.has(ruleId)) {
      return;
    }
    const rule = this.rules.get(ruleId);
    if (!rule) {
      throw new Error(`internal error: rule ${ruleId} is not in the catalogue`);
    }
    const m = this.m;
    this.out.push({
      ruleId,
      severity: severity ?? rule.severity,
      manifestIndex: m.index,
      apiVersion: str(m.apiVersion),
      kind: str(m.kind),
      name: str(m.name),
      namespace: str(m.namespace),
      field,
      value: value === undefined ? undefined : renderValue(value),
      message,
      fix,
      docsUrl: rule.docsUrl,
      target: target ?? field,
    });
  }
}

/** Whether `x` is a plain map (not null, not a list). */
export function isMap(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `x` when it is a string, else undefined. */
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/**
 * The empty list and map that `list` and `map` return for anything else: shared rather than
 * allocated per call (the checker asks for thousands of absent fields), and frozen so that
 * no caller can fill them by mistake.
 */
const EMPTY_LIST = Object.freeze([] as any[]) as any[];
const EMPTY_MAP: Record<string, any> = Object.freeze({});

/** `x` when it is a list, else an empty list (shared: read it, never change it). */
export function list(x: unknown): any[] {
  return Array.isArray(x) ? x : EMPTY_LIST;
}

/** `x` when it is a map, else an empty map (shared: read it, never change it). */
export function map(x: unknown): Record<string, any> {
  return isMap(x) ? x : EMPTY_MAP;
}

/** Whether a value is absent as Kubernetes sees it (missing, null or the empty string). */
export function absent(x: unknown): boolean {
  return x === undefined || x === null || x === '';
}

/**
 * The namespace of an object for cross-object matching: its own, or `defaultNamespace` when it
 * has none (as `kubectl apply` puts it in the namespace it applies to).
 */
export function namespaceOf(m: Manifest, defaultNamespace: string): string {
  return typeof m.namespace === 'string' && m.namespace !== '' ? m.namespace : defaultNamespace;
}

/** The name of an object, or ''. */
export function nameOf(m: Manifest): string {
  return typeof m.name === 'string' ? m.name : '';
}

/** Formats a list of literals for a message: 'a', 'b' or 'c'. */
export function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * Whether `key` is an own property of `x`. A `for (const key in x)` loop that skips the other
 * keys visits the keys of `Object.keys(x)`, in the same order, without allocating their list.
 */
export function hasOwn(x: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(x, key);
}

/** `table[key]` when `key` is the table's own key (never an inherited member such as 'constructor'). */
export function own<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const KEY_ERRORS = new Map<string, string[]>();
const KEY_CACHE_LIMIT = 10000;

/**
 * `KubeName.qualifiedNameErrors` for label, annotation and selector keys. Manifests repeat the
 * same few keys on every object, so the answers are kept (up to a bound).
 */
export function keyErrors(key: string): string[] {
  let errors = KEY_ERRORS.get(key);
  if (errors === undefined) {
    errors = KubeName.qualifiedNameErrors(key);
    if (KEY_ERRORS.size < KEY_CACHE_LIMIT) {
      KEY_ERRORS.set(key, errors);
    }
  }
  return errors;
}

/** The key of an object declared to exist outside the manifests: `Kind/namespace/name`. */
export function externalKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}
