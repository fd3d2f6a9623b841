import type { CheckOptions } from './check-options';
import { Finding } from './finding';
import { Problems } from '../core/problems';
import { RULES_BY_ID, ruleById } from './rules/_catalogue';
import { Manifest, Reporter, RuleSettings, externalKey, isMap, manifestOf, own } from './rules/_engine';
import { Plan, planOf } from './rules/_plan';
import { IndexPart, ManifestSet } from './rules/_rule';
import { KubeName } from '../net/names';
import { ackAnnotationOf, acknowledgedBy, readAcknowledgements } from './rules/ack/_ack';
import { SERVED, checkApi } from './rules/api/_api';

/**
 * Parses the options; throws a `ValidationError` when they are invalid.
 */
function settingsOf(options: CheckOptions): { settings: RuleSettings; skip: Set<string> } {
  const problems = new Problems('CheckOptions');
  let nodePortMin = 30000;
  let nodePortMax = 32767;
  const range = options.nodePortRange;
  if (range !== undefined) {
    const m = typeof range === 'string' ? /^([0-9]{1,5})-([0-9]{1,5})$/.exec(range.trim()) : null;
    if (!m || Number(m[1]) < 1 || Number(m[2]) > 65535 || Number(m[1]) > Number(m[2])) {
      problems.add('nodePortRange', range, 'must be a port range \'<first>-<last>\' within 1-65535', 'e.g. \'30000-32767\'');
    } else {
      nodePortMin = Number(m[1]);
      nodePortMax = Number(m[2]);
    }
  }
  const skip = new Set<string>();
  const skipRules = options.skipRules ?? [];
  if (!Array.isArray(skipRules)) {
    problems.add('skipRules', skipRules, 'must be a list of rule ids');
  } else {
    skipRules.forEach((id, i) => {
      if (typeof id !== 'string' || !ruleById(id.trim().toUpperCase())) {
        problems.add(`skipRules[${i}]`, id, 'must be the id of a rule of the catalogue', 'see `ManifestChecker.rules` or `k8s-connectivity-check --list-rules`');
      } else {
        skip.add(id.trim().toUpperCase());
      }
    });
  }
  let minor = 28;
  const version = options.kubernetesVersion;
  if (version !== undefined) {
    const m = typeof version === 'string' ? /^v?1\.([0-9]{2})(\.[0-9]+)?$/.exec(version.trim()) : null;
    if (!m || Number(m[1]) < MIN_MINOR || Number(m[1]) > MAX_MINOR) {
      problems.add('kubernetesVersion', version, `must be a Kubernetes version from '1.${MIN_MINOR}' to '1.${MAX_MINOR}'`, 'e.g. \'1.30\'');
    } else {
      minor = Number(m[1]);
    }
  }
  let ipFamilies: string[] | undefined;
  if (options.ipFamilies !== undefined) {
    const given: unknown = options.ipFamilies;
    if (!Array.isArray(given) || given.length === 0 || given.length > 2 || new Set(given).size !== given.length
      || !given.every((f) => f === 'IPv4' || f === 'IPv6')) {
      problems.add('ipFamilies', given, 'must be [\'IPv4\'], [\'IPv6\'] or both', 'give the families the cluster is configured with');
    } else {
      ipFamilies = [...given];
    }
  }
  let namespace = 'default';
  if (options.namespace !== undefined) {
    const errors = KubeName.dns1123LabelErrors(options.namespace);
    if (errors.length > 0) {
      problems.addEach('namespace', options.namespace, errors);
    } else {
      namespace = options.namespace;
    }
  }
  for (const key of ['complete', 'security'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') {
      problems.add(key, options[key], 'must be true or false');
    }
  }
  const external = new Set<string>();
  const externalObjects: unknown = options.externalObjects ?? [];
  if (!Array.isArray(externalObjects)) {
    problems.add('externalObjects', externalObjects, 'must be a list of { kind, name, namespace? }');
  } else {
    externalObjects.forEach((o, i) => {
      if (!isMap(o) || typeof o.kind !== 'string' || typeof o.name !== 'string' || (o.namespace !== undefined && typeof o.namespace !== 'string')) {
        problems.add(`externalObjects[${i}]`, o, 'must be { kind, name, namespace? } with strings');
      } else {
        external.add(externalKey(o.kind, o.namespace || namespace, o.name));
      }
    });
  }
  const security = options.security === true;
  if (!security) {
    for (const rule of RULES_BY_ID.values()) {
      if (rule.profile === 'security') {
        skip.add(rule.id);
      }
    }
  }
  problems.throwIfAny();
  return {
    settings: { nodePortMin, nodePortMax, complete: options.complete === true, namespace, minor, ipFamilies, security, external },
    skip,
  };
}

/** The Kubernetes minor versions the checker knows. */
const MIN_MINOR = 28;
const MAX_MINOR = 34;

/**
 * Checks a list of manifests against the rule catalogue. The function behind
 * `ManifestChecker.check` and the safety net.
 */
export function checkManifests(manifests: any[], givenOptions?: CheckOptions): Finding[] {
  const options: CheckOptions = isMap(givenOptions) ? givenOptions : {};
  const { settings, skip } = settingsOf(options);
  const objects: any[] = Array.isArray(manifests) ? manifests : [];
  const findings: Finding[] = [];
  // The rules that apply, by kind, built once per set of skipped rules (not per object).
  const plan = planOf(skip);
  // One reporter, moved from object to object: most objects have nothing to report.
  const r = new Reporter(findings, skip, settings, RULES_BY_ID);
  // Each object is visited once here: the API checks, then the rules of its kind, while the
  // index parts take what they need of it; the cross-object rules run after, on the objects
  // kept, with the index complete. Visiting many objects again costs more than the rules.
  const index = new CrossObjectIndex(plan, settings.namespace);
  const usable: Manifest[] = [];
  const acknowledging: Manifest[] = [];
  for (let i = 0; i < objects.length; i++) {
    const m = manifestOf(i, objects[i]);
    const root = checkApi(r.moveTo(m));
    const kind = m.kind;
    const served = typeof kind === 'string' && own(SERVED, kind) !== undefined;
    // The rules of a kind the API checks know run when the object passed them; those of
    // other kinds (workloads, ...) on any map with a kind.
    if (root !== undefined || (!served && typeof kind === 'string' && isMap(m.obj))) {
      plan.runObject(r, m, NO_SET);
    }
    // Objects of other kinds are context for the cross-object rules (pods, StatefulSets).
    if (root !== undefined || (isMap(m.obj) && !served)) {
      usable.push(m);
      index.add(m);
    }
    if (ackAnnotationOf(m) !== undefined) {
      acknowledging.push(m);
    }
  }
  index.complete(usable);
  for (const m of usable) {
    plan.runCross(r, m, index);
  }
  const acks = readAcknowledgements(acknowledging, r, findings);
  let out: Finding[] = findings;
  if (acks.size > 0) {
    out = [];
    for (const f of findings) {
      const reason = f.ruleId.startsWith('ACK') ? undefined : acknowledgedBy(acks.get(f.manifestIndex)?.get(f.ruleId), f);
      if (reason === undefined) {
        out.push(f);
      } else if (options.includeAcknowledged) {
        out.push({ ...f, acknowledged: true, acknowledgedReason: reason });
      }
    }
  }
  // Stable order: by object, then as found. Each pass above (per object, cross-object,
  // acknowledgements) finds in object order, so the findings are often in order already;
  // otherwise `sort` is stable and keeps the order in which they were found.
  if (!inObjectOrder(out)) {
    out.sort((a, b) => a.manifestIndex - b.manifestIndex);
  }
  return out;
}

/** Whether the findings are ordered by object already. */
function inObjectOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) {
    if (findings[i - 1].manifestIndex > findings[i].manifestIndex) {
      return false;
    }
  }
  return true;
}

/** The set of a rule that runs while its object is visited: it may not read the index. */
const NO_SET: ManifestSet = {
  part(part) {
    throw new Error(`internal error: a rule read the index part '${part.name}' while the objects are visited: mark it \`crossObject: true\``);
  },
};

/** The index parts of one check, filled in the one pass over the objects. */
class CrossObjectIndex implements ManifestSet {
  private readonly parts = new Map<unknown, unknown>();
  private usable: readonly Manifest[] | undefined;

  public constructor(private readonly plan: Plan, private readonly defaultNamespace: string) {
    for (const part of plan.parts) {
      this.parts.set(part, part.create(defaultNamespace));
    }
  }

  /** Gives a usable object to the parts that take its kind. */
  public add(m: Manifest): void {
    const parts = this.plan.partsOf(m.kind);
    for (let i = 0; i < parts.length; i++) {
      parts[i].add(this.parts.get(parts[i]), m);
    }
  }

  /** Marks the index complete: `usable` are the objects added, for parts filled on first use. */
  public complete(usable: readonly Manifest[]): void {
    this.usable = usable;
  }

  public part<T>(part: IndexPart<T>): T {
    let value = this.parts.get(part) as T | undefined;
    if (value === undefined) {
      // A part no rule of the check declared in `uses`: filled now, with a second pass.
      value = part.create(this.defaultNamespace);
      for (const m of this.usable ?? []) {
        if (part.kinds === undefined || (typeof m.kind === 'string' && part.kinds.includes(m.kind))) {
          part.add(value, m);
        }
      }
      this.parts.set(part, value);
    }
    return value;
  }
}
