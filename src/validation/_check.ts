import { Problems } from './_problems';
import type { CheckOptions } from './checker';
import { Finding } from './finding';
import { SERVED, checkApi } from './rules/_api';
import { CATALOGUE } from './rules/_catalogue';
import { CrossObjectRules } from './rules/_cross';
import { checkEndpointSlice, checkEndpoints } from './rules/_endpoints';
import { Manifest, Reporter, RuleSettings, externalKey, isMap, manifestOf, own } from './rules/_engine';
import { KubeName } from '../net/names';
import { checkIngress, checkIngressClass } from './rules/_ingress';
import { ACK_ANNOTATION, checkMeta } from './rules/_meta';
import { checkIngressSecurity, checkServiceSecurity } from './rules/_security';
import { checkService, serviceType } from './rules/_service';
import { checkProbes, isWorkload } from './rules/_workloads';

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
      if (typeof id !== 'string' || !own(CATALOGUE, id.trim().toUpperCase())) {
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
    for (const id of Object.keys(CATALOGUE)) {
      if (CATALOGUE[id].profile === 'security') {
        skip.add(id);
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
  // One reporter, moved from object to object: most objects have nothing to report.
  const r = new Reporter(findings, skip, settings);
  // Each object is visited once here, and the cross-object rules and acknowledgements take
  // what they need of it meanwhile: visiting many objects again costs more than the rules.
  const cross = new CrossObjectRules(settings);
  const acknowledging: Manifest[] = [];
  for (let i = 0; i < objects.length; i++) {
    const m = manifestOf(i, objects[i]);
    const root = checkApi(r.moveTo(m));
    if (root !== undefined) {
      checkMeta(r);
      switch (m.kind) {
        case 'Service':
          checkService(r, settings);
          checkServiceSecurity(r, serviceType(m));
          break;
        case 'Endpoints': checkEndpoints(r); break;
        case 'EndpointSlice': checkEndpointSlice(r); break;
        case 'Ingress':
          checkIngress(r);
          checkIngressSecurity(r);
          break;
        case 'IngressClass': checkIngressClass(r); break;
      }
    } else if (isWorkload(m.kind, m.apiVersion)) {
      checkProbes(r);
    }
    // Objects of other kinds are context for the cross-object rules (pods, StatefulSets).
    cross.add(m, root !== undefined || (isMap(m.obj) && own(SERVED, m.kind) === undefined));
    if (ackAnnotationOf(m) !== undefined) {
      acknowledging.push(m);
    }
  }
  cross.check(r);
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

/** `RULE: reason` or `RULE(target): reason`. */
const ACK_ENTRY = /^([A-Za-z]+[0-9]+)\s*(?:\(([^()]*)\))?\s*(?::([\s\S]*))?$/;

/** The key of an acknowledgement that names a rule alone. */
const WHOLE_RULE = '\u0000';

/** The acknowledgements of one object: rule id to target (or WHOLE_RULE) to reason. */
type Acks = Map<string, Map<string, string>>;

/** The reason an object's acknowledgements of a rule give for `f`, or undefined. */
function acknowledgedBy(targets: Map<string, string> | undefined, f: Finding): string | undefined {
  if (targets === undefined) {
    return undefined;
  }
  return targets.get(f.target ?? f.field) ?? targets.get(WHOLE_RULE);
}

/** The acknowledgement annotation of an object, or undefined. */
function ackAnnotationOf(m: Manifest): unknown {
  return isMap(m.annotations) ? m.annotations[ACK_ANNOTATION] : undefined;
}

/**
 * Reads the acknowledgements of the objects `acknowledging` (the objects that have the
 * annotation): index to rule id to target to reason. Reports ACK001 for entries without a
 * reason, that cannot be read, or that name a rule which finds several things per object
 * without naming the finding; ACK002 for unknown rules and rules that cannot be acknowledged.
 */
function readAcknowledgements(acknowledging: readonly Manifest[], r: Reporter, findings: readonly Finding[]): Map<number, Acks> {
  const acks = new Map<number, Acks>();
  const field = `metadata.annotations[${ACK_ANNOTATION}]`;
  const example = '\'XREF008(legacy-svc): managed by the platform team\'';
  for (const object of acknowledging) {
    const i = object.index;
    const value = ackAnnotationOf(object);
    r.moveTo(object);
    if (typeof value !== 'string') {
      r.report('ACK001', field, value, 'must be a string of \'<RULE>(<target>): <reason>\' entries');
      continue;
    }
    const entries = value.split(/[;\n]/).map((e) => e.trim()).filter((e) => e.length > 0);
    if (entries.length === 0) {
      r.report('ACK001', field, value, 'must acknowledge at least one finding as \'<RULE>(<target>): <reason>\'', `e.g. ${example}`);
    }
    for (const entry of entries) {
      const m = ACK_ENTRY.exec(entry);
      if (!m) {
        r.report('ACK001', field, entry, 'must be \'<RULE>(<target>): <reason>\' or, for a rule that finds one thing per object, \'<RULE>: <reason>\'', `e.g. ${example}`);
        continue;
      }
      const id = m[1].toUpperCase();
      const target = m[2] === undefined ? undefined : m[2].trim();
      const reason = (m[3] ?? '').trim();
      const rule = own(CATALOGUE, id);
      if (!rule) {
        r.report('ACK002', field, id, 'is not the id of a rule of the catalogue', 'see `k8s-connectivity-check --list-rules`');
        continue;
      }
      const named = target === undefined ? id : `${id}(${target})`;
      if (reason === '') {
        r.report('ACK001', field, entry, `must give a reason for acknowledging ${named}`, `write '${named}: <why this is intended>'`);
        continue;
      }
      if (rule.server === true) {
        r.report('ACK002', field, id, 'cannot be acknowledged: the API server rejects the object anyway', 'fix the object instead');
        continue;
      }
      if (id.startsWith('ACK')) {
        r.report('ACK002', field, id, 'cannot be acknowledged', 'fix the acknowledgement instead');
        continue;
      }
      if (target === '' || (target === undefined && rule.one !== true)) {
        const found = findings.filter((f) => f.manifestIndex === i && f.ruleId === id).map((f) => `'${id}(${f.target ?? f.field}): ...'`);
        r.report('ACK001', field, entry, `must name the finding it accepts: ${id} can find several things on one object, and an acknowledgement accepts one`,
          found.length > 0 ? `write ${[...new Set(found)].join(' or ')}` : `write '${id}(<target>): ${reason}', with the finding's target (the name it refers to, or its field)`);
        continue;
      }
      let forObject = acks.get(i);
      if (!forObject) {
        forObject = new Map();
        acks.set(i, forObject);
      }
      let targets = forObject.get(id);
      if (!targets) {
        targets = new Map();
        forObject.set(id, targets);
      }
      targets.set(target ?? WHOLE_RULE, reason);
    }
  }
  return acks;
}
