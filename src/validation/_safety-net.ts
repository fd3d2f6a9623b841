import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkManifests } from './_check';
import { Severity } from './finding';
import { ValidationError, ValidationProblem } from './validation-error';

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
}

/** App context key: the cluster's node port range, for every construct of the app. */
export const NODE_PORT_RANGE_CONTEXT = 'cdk8s-service-patterns:nodePortRange';

interface SafetyNetState {
  /** The constructs of this library in the app, with their deferred checks. */
  readonly owners: Map<IConstruct, DeferredCheck[]>;
  /** The node port ranges constructs declared, as [low, high]. */
  readonly nodePortRanges: Array<[number, number]>;
  /** How deep we are in `App.synth()` / `App.synthYaml()` calls. */
  synthDepth: number;
  /** The problems found in the current `App.synth()` call, if the net ran in it already. */
  cached?: ValidationProblem[];
}

const STATE = Symbol.for('cdk8s-service-patterns.safety-net');
/** Marks the objects whose `toJson` the net has taken over (see `renderOnce`). */
const RENDERS_ONCE = Symbol.for('cdk8s-service-patterns.safety-net.json');

/** The renderings the net checked, until the synth takes them. */
let pending = new Map<ApiObject, any>();

/**
 * The `toJson` of an object under the net: the rendering the net checked, once, when there is
 * one; the object's own rendering otherwise. One function shared by every object, so that taking
 * over `toJson` costs no closure per object.
 */
function toJsonOnce(this: ApiObject): any {
  const json = pending.get(this);
  if (json !== undefined) {
    pending.delete(this);
    return json;
  }
  return (this as any)[RENDERS_ONCE].call(this);
}

/**
 * Renders an ApiObject for the checker and keeps that rendering for the synth that follows:
 * the object's next `toJson()` returns it (once) instead of resolving the object a second
 * time. cdk8s validates and then synthesizes synchronously, so nothing changes the object in
 * between; renderings nobody took are dropped when the synchronous synth is over.
 */
function renderOnce(obj: ApiObject): any {
  let render: () => any = (obj as any)[RENDERS_ONCE];
  if (render === undefined) {
    // the object's own `toJson`: its class's, or one set on the object by someone else
    render = obj.toJson;
    // plain assignments: `Object.defineProperty` costs several times more, for every object
    (obj as any)[RENDERS_ONCE] = render;
    (obj as any).toJson = toJsonOnce;
  }
  if (pending.size === 0) {
    queueMicrotask(dropPendingRenderings);
  }
  const json = render.call(obj);
  pending.set(obj, json);
  return json;
}

function dropPendingRenderings(): void {
  pending = new Map();
}

/**
 * Lets the net know when an `App.synth()` (or `synthYaml()`) call begins and ends: cdk8s
 * validates the whole app once for the app and again for every chart it writes, and one run of
 * the net per call is enough.
 */
function trackSynthCalls(root: IConstruct, state: SafetyNetState): void {
  for (const method of ['synth', 'synthYaml']) {
    const original = (root as any)[method];
    if (typeof original !== 'function') {
      continue;
    }
    Object.defineProperty(root, method, {
      value: (...args: any[]) => {
        state.synthDepth++;
        try {
          return original.apply(root, args);
        } finally {
          state.synthDepth--;
          if (state.synthDepth === 0) {
            state.cached = undefined;
          }
        }
      },
      configurable: true,
      writable: true,
    });
  }
}

/**
 * Puts `construct` under the safety net of its app: at synth, its deferred checks run and every
 * object it emitted is checked by the manifest checker (with every object of the app as
 * context for the cross-object rules). The net is attached once per app, as a validation of
 * the root, so it runs before any other validation; it throws one `ValidationError` with all
 * problems, so nothing is written.
 *
 * @param construct a construct of this library
 * @param check an optional deferred check of invariants that later `add*` calls may still fix
 * @param settings cluster settings the construct was configured with (already validated)
 */
export function underSafetyNet(construct: IConstruct, check?: DeferredCheck, settings: SafetyNetSettings = {}): void {
  const root = construct.node.root;
  let state: SafetyNetState | undefined = (root as any)[STATE];
  if (!state) {
    const created: SafetyNetState = { owners: new Map(), nodePortRanges: [], synthDepth: 0 };
    state = created;
    Object.defineProperty(root, STATE, { value: created });
    trackSynthCalls(root, created);
    root.node.addValidation({ validate: () => runSafetyNet(root, created) });
  }
  const checks = state.owners.get(construct) ?? [];
  if (check) {
    checks.push(check);
  }
  state.owners.set(construct, checks);
  const range = parseRange(settings.nodePortRange);
  if (range) {
    state.nodePortRanges.push(range);
  }
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

function runSafetyNet(root: IConstruct, state: SafetyNetState): string[] {
  let problems = state.synthDepth > 0 ? state.cached : undefined;
  if (problems === undefined) {
    problems = collectProblems(root, state);
    if (state.synthDepth > 0) {
      state.cached = problems;
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return [];
}

function collectProblems(root: IConstruct, state: SafetyNetState): ValidationProblem[] {
  // Renderings left from an earlier synth in the same tick may be stale: drop them, so that
  // the deferred checks and the checker see the objects as they are now.
  dropPendingRenderings();
  const problems: ValidationProblem[] = [];
  for (const checks of state.owners.values()) {
    for (const check of checks) {
      problems.push(...check());
    }
  }
  if (problems.length > 0) {
    // The objects are built from inputs already known to be wrong; checking them would only
    // repeat the same problems in other words.
    return problems;
  }

  const objects: ApiObject[] = [];
  const manifests: any[] = [];
  for (const c of root.node.findAll()) {
    if (ApiObject.isApiObject(c)) {
      objects.push(c);
      manifests.push(renderOnce(c));
    }
  }
  const nodePortRange = nodePortRangeOf(root, state);
  const findings = checkManifests(manifests, nodePortRange ? { nodePortRange } : {});
  for (const f of findings) {
    if (f.severity !== Severity.ERROR) {
      continue;
    }
    const obj = objects[f.manifestIndex];
    if (!isOwned(obj, state.owners)) {
      continue;
    }
    problems.push({
      path: obj.node.path,
      field: f.field,
      value: f.value,
      message: `${f.message} (${f.kind} '${f.name ?? ''}', rule ${f.ruleId})`,
      fix: f.fix,
    });
  }
  return problems;
}

function isOwned(obj: IConstruct, owners: Map<IConstruct, DeferredCheck[]>): boolean {
  for (let c: IConstruct | undefined = obj; c; c = c.node.scope) {
    if (owners.has(c)) {
      return true;
    }
  }
  return false;
}
