import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkManifests } from './check';
import type { CheckOptions, ExternalObject } from './check-options';
import { Finding, Severity } from './finding';
import { ValidationError, ValidationProblem } from '../core/validation-error';

/**
 * A deferred check of one construct: returns the problems of its final state.
 */
export type DeferredCheck = () => ValidationProblem[];

/**
 * What a construct tells the safety net about the cluster it is meant for.
 */
export interface SafetyNetSettings {
  /**
   * The node port range the construct was configured with (`<low>-<high>`), when it is not the
   * default 30000-32767. The net checks node ports against the widest range declared.
   */
  readonly nodePortRange?: string;

  /**
   * The objects the construct refers to that exist outside the app, as its code declares them
   * (a Service named with `WebBackend.serviceName`): asked for at each check, since later
   * `add*` calls may add some. The net checks the app as a complete set, where an object
   * referred to and not in it is an error; these, and only these, are taken to exist.
   */
  readonly externalObjects?: () => ExternalObject[];
}

/** App context key: the cluster's node port range, for every construct of the app. */
export const NODE_PORT_RANGE_CONTEXT = 'cdk8s-service-patterns:nodePortRange';

// How the net works, with public cdk8s extension points only
// -----------------------------------------------------------
// cdk8s validates an app (`App.synth()`, `App.synthYaml()`, `Chart.toJson()` and so
// `Testing.synth()`) by calling `node.validate()` on every construct of the app in pre-order,
// the root first, and throws one error that lists every construct's errors, each after its
// construct path; it renders the charts only when there is none.
//
// - The net adds one validation to the root of the app, once per app: it runs first in every
//   validation pass. It renders every ApiObject of the app with its public `toJson()`, runs the
//   deferred checks and the manifest checker, and keeps the problems per construct of this
//   library (the owner of the object at fault, or of the deferred check). It returns the
//   problems that belong to no such construct (invalid check options).
// - Every construct of this library under the net has one validation of its own, which
//   returns its problems of that run as text. So they are listed by cdk8s next to every other
//   construct's validation errors, and a failed validation writes no file.
// - Nothing else is touched: no method of any object is replaced, no cdk8s method is wrapped,
//   the objects render the same with or without the net. The state is per app, in a WeakMap.
//
// cdk8s validates again for every chart it renders (`App.synth()` validates the app, then
// each `chart.toJson()` validates it again). Each pass renders the app again, since anything
// may have changed between two passes, but the checker runs again only when a rendering
// differs from the one it checked: one checker run per synth.

interface SafetyNetState {
  /** The constructs of this library in the app, with their deferred checks, in the order they were added. */
  readonly owners: Map<IConstruct, DeferredCheck[]>;
  /** The node port ranges constructs declared, as [low, high]. */
  readonly nodePortRanges: Array<[number, number]>;
  /** What constructs declared to exist outside the app. */
  readonly externals: Array<() => ExternalObject[]>;
  /**
   * The problems of the last run, per owner, until the owner's validation takes them. Replaced
   * by every run; an owner that finds none runs the net itself (see `ownerValidation`).
   */
  reports: Map<IConstruct, string[]>;
  /** Every problem of the last run, as found (for `lastSafetyNetProblems`). */
  last: ValidationProblem[];
  /** The last run of the checker: what it checked (renderings no one else holds) and what it found. */
  checked?: { readonly manifests: any[]; readonly options: CheckOptions; readonly findings: Finding[] };
}

/** The net of each app, by the app's root. */
const NETS = new WeakMap<IConstruct, SafetyNetState>();

/**
 * Puts `construct` under the safety net of its app: at synth, its deferred checks run and every
 * object it emitted is checked by the manifest checker (with every object of the app as
 * context for the cross-object rules). The problems are reported as validation errors of
 * `construct`, in the list of validation errors cdk8s throws, so nothing is written.
 *
 * Calling it again for the same construct adds a deferred check and a node port range; the
 * construct still has one validation.
 *
 * @param construct a construct of this library
 * @param check an optional deferred check of invariants that later `add*` calls may still fix
 * @param settings cluster settings the construct was configured with (already validated)
 */
export function underSafetyNet(construct: IConstruct, check?: DeferredCheck, settings: SafetyNetSettings = {}): void {
  const root = construct.node.root;
  let state = NETS.get(root);
  if (!state) {
    const created: SafetyNetState = { owners: new Map(), nodePortRanges: [], externals: [], reports: new Map(), last: [] };
    state = created;
    NETS.set(root, created);
    root.node.addValidation({ validate: () => rootValidation(root, created) });
  }
  let checks = state.owners.get(construct);
  if (!checks) {
    checks = [];
    state.owners.set(construct, checks);
    const s = state;
    construct.node.addValidation({ validate: () => ownerValidation(root, s, construct) });
  }
  if (check) {
    checks.push(check);
  }
  const range = parseRange(settings.nodePortRange);
  if (range) {
    state.nodePortRanges.push(range);
  }
  if (settings.externalObjects) {
    state.externals.push(settings.externalObjects);
  }
}

/**
 * The problems the safety net found in its last run in the app of `scope` (empty when it never
 * ran), with their full paths, fields and values: the structured form of the validation errors
 * it reported.
 */
export function lastSafetyNetProblems(scope: IConstruct): ValidationProblem[] {
  return [...(NETS.get(scope.node.root)?.last ?? [])];
}

/** The validation of the root: runs the net for the whole app; returns the problems of no construct of this library. */
function rootValidation(root: IConstruct, state: SafetyNetState): string[] {
  run(root, state);
  return take(state, root);
}

/**
 * The validation of a construct under the net: its problems of the run of this validation pass
 * (taken once). Validated alone (`construct.node.validate()`), after its problems of the last
 * run were taken, it runs the net again, so it never returns what an earlier run found.
 */
function ownerValidation(root: IConstruct, state: SafetyNetState, owner: IConstruct): string[] {
  if (!state.reports.has(owner)) {
    run(root, state);
  }
  return take(state, owner);
}

function take(state: SafetyNetState, construct: IConstruct): string[] {
  const report = state.reports.get(construct) ?? [];
  state.reports.delete(construct);
  return report;
}

/** Runs the net over the whole app; the problems go to `state.reports` (every owner has an entry) and `state.last`. */
function run(root: IConstruct, state: SafetyNetState): void {
  // Each problem goes to the construct it belongs to: the owner of the deferred check, the
  // owner of the object at fault, or the root.
  const byOwner = new Map<IConstruct, ValidationProblem[]>();
  const add = (owner: IConstruct, problem: ValidationProblem) => {
    const list = byOwner.get(owner);
    if (list) {
      list.push(problem);
    } else {
      byOwner.set(owner, [problem]);
    }
  };
  let deferredFound = false;
  for (const [owner, checks] of state.owners) {
    for (const check of checks) {
      for (const problem of problemsOfCheck(check)) {
        add(owner, problem);
        deferredFound = true;
      }
    }
  }
  // When the deferred checks found problems, the objects are built from inputs already known
  // to be wrong: checking them would only repeat the same problems in other words.
  if (!deferredFound) {
    checkObjects(root, state, add);
  }

  const reports = new Map<IConstruct, string[]>();
  for (const owner of state.owners.keys()) {
    reports.set(owner, []);
  }
  reports.set(root, []);
  const last: ValidationProblem[] = [];
  for (const [owner, problems] of byOwner) {
    reports.set(owner, problems.map((p) => describe(p, owner)));
    last.push(...problems);
  }
  state.reports = reports;
  state.last = last;
}

/** The problems of one deferred check; a `ValidationError` it throws gives its problems. */
function problemsOfCheck(check: DeferredCheck): ValidationProblem[] {
  try {
    return check();
  } catch (e) {
    if (ValidationError.isValidationError(e)) {
      return (e as ValidationError).problems;
    }
    throw e;
  }
}

/**
 * Renders every ApiObject of the app and checks them; the error findings on objects of this
 * library's constructs become problems of their owner. The objects of other constructs are
 * context only.
 */
function checkObjects(root: IConstruct, state: SafetyNetState, add: (owner: IConstruct, p: ValidationProblem) => void): void {
  // The renderings the checker last saw, compared object by object with the new ones: a new
  // rendering equal to the one checked is dropped at once, so that two renderings of the app
  // are alive together only when something changed.
  const basis = state.checked?.manifests;
  let same = basis !== undefined;
  const objects: ApiObject[] = [];
  const manifests: any[] = [];
  let unrendered = 0;
  for (const c of root.node.findAll()) {
    if (ApiObject.isApiObject(c)) {
      let json: any;
      try {
        json = c.toJson();
      } catch (e: any) {
        // Reported now, with the other validation errors, rather than by the synth after it
        // may have written other charts; without the object the app cannot be checked.
        add(ownerOf(c, state.owners) ?? root, { path: c.node.path, field: 'toJson()', message: `fails: ${e?.message ?? e}` });
        unrendered++;
        continue;
      }
      if (unrendered > 0) {
        continue;
      }
      const i = objects.length;
      objects.push(c);
      if (same && i < basis!.length && jsonEqual(basis![i], json)) {
        manifests.push(basis![i]);
      } else {
        same = false;
        manifests.push(json);
      }
    }
  }
  if (unrendered > 0) {
    state.checked = undefined;
    return;
  }
  const options = safetyNetCheckOptions(root, state);
  let findings: Finding[];
  if (same && manifests.length === basis!.length && jsonEqual(state.checked!.options, options)) {
    // cdk8s validates again for every chart it renders, with nothing changed in between
    findings = state.checked!.findings;
  } else {
    state.checked = undefined;
    try {
      findings = checkManifests(manifests, options);
    } catch (e) {
      if (ValidationError.isValidationError(e)) {
        // invalid options (a node port range in the app context that is out of bounds)
        for (const p of (e as ValidationError).problems) {
          add(root, p);
        }
        return;
      }
      throw e;
    }
    state.checked = { manifests, options, findings };
  }
  for (const f of findings) {
    if (f.severity !== Severity.ERROR) {
      continue;
    }
    const obj = objects[f.manifestIndex];
    const owner = ownerOf(obj, state.owners);
    if (!owner) {
      continue;
    }
    add(owner, {
      path: obj.node.path,
      field: f.field,
      value: f.value,
      message: `${f.message} (${f.kind} '${f.name ?? ''}', rule ${f.ruleId})`,
      fix: f.fix,
    });
  }
}

/**
 * Whether a new rendering is provably the one the checker saw: the same JSON value, with no
 * part shared with it (`toJson()` of cdk8s builds a new value every time; a part shared with
 * a rendering kept from before may have been changed in place since, so it counts as changed).
 * The renderings the net keeps are its own: it hands none out.
 */
function jsonEqual(a: any, b: any): boolean {
  if (typeof a !== 'object' || a === null) {
    // NaN is never equal to itself: such a value is checked again every time
    return a === b;
  }
  if (a === b || typeof b !== 'object' || b === null) {
    return false;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (!jsonEqual(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return false;
  }
  // the same keys in the same order: the order is part of the YAML written
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) {
    return false;
  }
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !jsonEqual(a[ka[i]], b[kb[i]])) {
      return false;
    }
  }
  return true;
}

/**
 * The `CheckOptions` the net runs the checker with, built here and nowhere else: any option the
 * checker accepts goes in the object returned.
 * The findings of an earlier run are reused only for equal options.
 */
function safetyNetCheckOptions(root: IConstruct, state: SafetyNetState): CheckOptions {
  const nodePortRange = nodePortRangeOf(root, state);
  const externalObjects: ExternalObject[] = [];
  for (const declared of state.externals) {
    externalObjects.push(...declared());
  }
  return {
    ...(nodePortRange ? { nodePortRange } : {}),
    // The app is what is applied: an object it refers to and does not contain is an error,
    // unless its code declares it to exist outside the app.
    complete: true,
    ...(externalObjects.length > 0 ? { externalObjects } : {}),
  };
}

function parseRange(text: unknown): [number, number] | undefined {
  const m = typeof text === 'string' ? /^(\d{1,5})-(\d{1,5})$/.exec(text.trim()) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * The node port range to check with: the app context's (`cdk8s-service-patterns:nodePortRange`),
 * widened to cover every range a construct was configured with; the default otherwise.
 */
function nodePortRangeOf(root: IConstruct, state: SafetyNetState): string | undefined {
  const ranges = [...state.nodePortRanges];
  const fromContext = parseRange(root.node.tryGetContext(NODE_PORT_RANGE_CONTEXT));
  if (fromContext) {
    ranges.push(fromContext);
  }
  if (ranges.length === 0) {
    return undefined;
  }
  if (!fromContext) {
    ranges.push([30000, 32767]);
  }
  const low = ranges.reduce((min, r) => Math.min(min, r[0]), Infinity);
  const high = ranges.reduce((max, r) => Math.max(max, r[1]), -Infinity);
  return `${low}-${high}`;
}

/** The innermost construct of this library that `obj` is part of. */
function ownerOf(obj: IConstruct, owners: Map<IConstruct, DeferredCheck[]>): IConstruct | undefined {
  for (let c: IConstruct | undefined = obj; c; c = c.node.scope) {
    if (owners.has(c)) {
      return c;
    }
  }
  return undefined;
}

/**
 * A problem as the validation error of `owner`: cdk8s puts the owner's path in front, so the
 * problem's own path is left out when it is the owner's, and given relative to it when it is
 * below it (`[Resource] `spec.ports[0].port` ...`).
 */
function describe(problem: ValidationProblem, owner: IConstruct): string {
  const ownerPath = owner.node.path;
  let path = problem.path;
  if (path === ownerPath) {
    path = '';
  } else if (ownerPath !== '' && path.startsWith(`${ownerPath}/`)) {
    path = path.slice(ownerPath.length + 1);
  }
  return ValidationError.formatProblem({ ...problem, path });
}
