import { Problems } from './_problems';
import type { CheckOptions } from './checker';
import { Finding } from './finding';
import { SERVED, checkApi } from './rules/_api';
import { CATALOGUE } from './rules/_catalogue';
import { CrossObjectRules } from './rules/_cross';
import { checkEndpointSlice, checkEndpoints } from './rules/_endpoints';
import { Manifest, Reporter, RuleSettings, isMap, manifestOf, own } from './rules/_engine';
import { checkIngress, checkIngressClass } from './rules/_ingress';
import { ACK_ANNOTATION, checkMeta } from './rules/_meta';
import { checkService } from './rules/_service';

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
  problems.throwIfAny();
  return { settings: { nodePortMin, nodePortMax }, skip };
}

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
  const r = new Reporter(findings, skip);
  // Each object is visited once here, and the cross-object rules and acknowledgements take
  // what they need of it meanwhile: visiting many objects again costs more than the rules.
  const cross = new CrossObjectRules();
  const acknowledging: Manifest[] = [];
  for (let i = 0; i < objects.length; i++) {
    const m = manifestOf(i, objects[i]);
    const root = checkApi(r.moveTo(m));
    if (root !== undefined) {
      checkMeta(r);
      switch (m.kind) {
        case 'Service': checkService(r, settings); break;
        case 'Endpoints': checkEndpoints(r); break;
        case 'EndpointSlice': checkEndpointSlice(r); break;
        case 'Ingress': checkIngress(r); break;
        case 'IngressClass': checkIngressClass(r); break;
      }
    }
    // Objects of other kinds are context for the cross-object rules (pods, StatefulSets).
    cross.add(m, root !== undefined || (isMap(m.obj) && own(SERVED, m.kind) === undefined));
    if (ackAnnotationOf(m) !== undefined) {
      acknowledging.push(m);
    }
  }
  cross.check(r);
  const acks = readAcknowledgements(acknowledging, r);
  let out: Finding[] = findings;
  if (acks.size > 0) {
    out = [];
    for (const f of findings) {
      const reason = f.ruleId.startsWith('ACK') ? undefined : acks.get(f.manifestIndex)?.get(f.ruleId);
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

const ACK_ENTRY = /^([A-Za-z]+[0-9]+)\s*(?::([\s\S]*))?$/;

/** The acknowledgement annotation of an object, or undefined. */
function ackAnnotationOf(m: Manifest): unknown {
  return isMap(m.annotations) ? m.annotations[ACK_ANNOTATION] : undefined;
}

/**
 * Reads the acknowledgements of the objects `acknowledging` (the objects that have the
 * annotation): index to rule id to reason. Reports ACK001 for entries without a reason or
 * that cannot be read, ACK002 for unknown rules and rules that cannot be acknowledged.
 */
function readAcknowledgements(acknowledging: readonly Manifest[], r: Reporter): Map<number, Map<string, string>> {
  const acks = new Map<number, Map<string, string>>();
  const field = `metadata.annotations[${ACK_ANNOTATION}]`;
  for (const object of acknowledging) {
    const i = object.index;
    const value = ackAnnotationOf(object);
    r.moveTo(object);
    if (typeof value !== 'string') {
      r.report('ACK001', field, value, 'must be a string of \'<RULE>: <reason>\' entries');
      continue;
    }
    const entries = value.split(/[;\n]/).map((e) => e.trim()).filter((e) => e.length > 0);
    if (entries.length === 0) {
      r.report('ACK001', field, value, 'must acknowledge at least one rule as \'<RULE>: <reason>\'', 'e.g. \'XREF001: pods are created by an operator\'');
    }
    for (const entry of entries) {
      const m = ACK_ENTRY.exec(entry);
      if (!m) {
        r.report('ACK001', field, entry, 'must be \'<RULE>: <reason>\'', 'e.g. \'XREF001: pods are created by an operator\'');
        continue;
      }
      const id = m[1].toUpperCase();
      const reason = (m[2] ?? '').trim();
      const rule = own(CATALOGUE, id);
      if (!rule) {
        r.report('ACK002', field, id, 'is not the id of a rule of the catalogue', 'see `k8s-connectivity-check --list-rules`');
        continue;
      }
      if (reason === '') {
        r.report('ACK001', field, entry, `must give a reason for acknowledging ${id}`, `write '${id}: <why this is intended>'`);
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
      let forObject = acks.get(i);
      if (!forObject) {
        forObject = new Map();
        acks.set(i, forObject);
      }
      forObject.set(id, reason);
    }
  }
  return acks;
}
