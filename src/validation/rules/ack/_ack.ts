import { Finding } from '../../finding';
import { ruleById } from '../_catalogue';
import { Manifest, Reporter, isMap } from '../_engine';

/** The annotation that acknowledges findings; read by the checker, so it is checked there. */
export const ACK_ANNOTATION = 'service-patterns.cdk8s.io/acknowledge';

/** `RULE: reason` or `RULE(target): reason`. */
const ACK_ENTRY = /^([A-Za-z]+[0-9]+)\s*(?:\(([^()]*)\))?\s*(?::([\s\S]*))?$/;

/** The key of an acknowledgement that names a rule alone. */
const WHOLE_RULE = '\u0000';

/** The acknowledgements of one object: rule id to target (or WHOLE_RULE) to reason. */
export type Acks = Map<string, Map<string, string>>;

/** The reason an object's acknowledgements of a rule give for `f`, or undefined. */
export function acknowledgedBy(targets: Map<string, string> | undefined, f: Finding): string | undefined {
  if (targets === undefined) {
    return undefined;
  }
  return targets.get(f.target ?? f.field) ?? targets.get(WHOLE_RULE);
}

/** The acknowledgement annotation of an object, or undefined. */
export function ackAnnotationOf(m: Manifest): unknown {
  return isMap(m.annotations) ? m.annotations[ACK_ANNOTATION] : undefined;
}

/**
 * Reads the acknowledgements of the objects `acknowledging` (the objects that have the
 * annotation): index to rule id to target to reason. Reports ACK001 for entries without a
 * reason, that cannot be read, or that name a rule which finds several things per object
 * without naming the finding; ACK002 for unknown rules and rules that cannot be acknowledged.
 */
export function readAcknowledgements(acknowledging: readonly Manifest[], r: Reporter, findings: readonly Finding[]): Map<number, Acks> {
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
      const rule = ruleById(id);
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
