import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkManifests } from './checker';
import { Severity } from './finding';
import { ValidationError, ValidationProblem } from './validation-error';

/**
 * A deferred check of one construct: returns the problems of its final state.
 */
export type DeferredCheck = () => ValidationProblem[];

interface SafetyNetState {
  /** The constructs of this library in the app, with their deferred checks. */
  readonly owners: Map<IConstruct, DeferredCheck[]>;
  /** The problems of the last run, cached for the rest of the synchronous synth pass. */
  cached?: ValidationProblem[];
}

const STATE = Symbol.for('cdk8s-service-patterns.safety-net');

/**
 * Puts `construct` under the safety net of its app: at synth, its deferred checks run and every
 * object it emitted is checked by the manifest checker (with every object of the app as
 * context for the cross-object rules). The net is attached once per app, as a validation of
 * the root, so it runs before any other validation; it throws one `ValidationError` with all
 * problems, so nothing is written.
 *
 * @param construct a construct of this library
 * @param check an optional deferred check of invariants that later `add*` calls may still fix
 */
export function underSafetyNet(construct: IConstruct, check?: DeferredCheck): void {
  const root = construct.node.root;
  let state: SafetyNetState | undefined = (root as any)[STATE];
  if (!state) {
    const created: SafetyNetState = { owners: new Map() };
    state = created;
    Object.defineProperty(root, STATE, { value: created });
    root.node.addValidation({ validate: () => runSafetyNet(root, created) });
  }
  const checks = state.owners.get(construct) ?? [];
  if (check) {
    checks.push(check);
  }
  state.owners.set(construct, checks);
}

function runSafetyNet(root: IConstruct, state: SafetyNetState): string[] {
  // cdk8s validates the whole app once per chart it synthesizes; one synchronous synth pass
  // needs one run, so the result is kept until the pass is over.
  if (state.cached === undefined) {
    state.cached = collectProblems(root, state);
    queueMicrotask(() => { state.cached = undefined; });
  }
  if (state.cached.length > 0) {
    throw new ValidationError(state.cached);
  }
  return [];
}

function collectProblems(root: IConstruct, state: SafetyNetState): ValidationProblem[] {
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
      manifests.push(c.toJson());
    }
  }
  const findings = checkManifests(manifests);
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
