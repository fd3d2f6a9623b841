import { ALL_RULES } from './_all';
import { Manifest, Reporter } from './_engine';
import { IndexPart, ManifestSet, Rule, Walk } from './_rule';
import { Finding } from '../finding';

/**
 * How the engine runs the rules of `ALL_RULES`: by kind, in their order (`Rule.order`, then
 * the order of the list), the rules of one `walk` together.
 */

/** Where a rule without `order` runs: after the rules that have one. */
const DEFAULT_ORDER = 1000;

/** Rules that run one after the other on an object: one rule, or the rules of one walk. */
interface Stage {
  readonly rules: readonly Rule[];
  readonly walk: Walk | undefined;
  /** For a walk: the rank of each field name of `walk.fields`. */
  readonly ranks: ReadonlyMap<string, number> | undefined;
}

function orderOf(rule: Rule): number {
  return rule.walk?.order ?? rule.order ?? DEFAULT_ORDER;
}

/** Whether a rule reads the index, and so runs after every object has been indexed. */
function isCrossObject(rule: Rule): boolean {
  return rule.crossObject ?? (rule.check !== undefined && rule.check.length >= 2);
}

/** The rules, in the order they run, grouped in stages. */
function stagesOf(rules: readonly Rule[]): Stage[] {
  const sorted = rules.map((rule, i) => ({ rule, i })).sort((a, b) => orderOf(a.rule) - orderOf(b.rule) || a.i - b.i).map((x) => x.rule);
  const stages: Stage[] = [];
  for (const rule of sorted) {
    const last = stages[stages.length - 1];
    if (rule.walk !== undefined && last !== undefined && last.walk === rule.walk) {
      (last.rules as Rule[]).push(rule);
    } else {
      stages.push({ rules: [rule], walk: rule.walk, ranks: rule.walk && new Map(rule.walk.fields.map((f, i) => [f, i])) });
    }
  }
  return stages;
}

const NO_PARTS: ReadonlyArray<IndexPart<unknown>> = [];

/** The rules of a check (those it does not skip), by kind and phase, and the index parts they read. */
export class Plan {
  private readonly perObject = new Map<string, Stage[]>();
  private readonly cross = new Map<string, Stage[]>();
  private readonly anyKind: { perObject: Stage[]; cross: Stage[] };
  private readonly partsByKind = new Map<string, Array<IndexPart<unknown>>>();
  private readonly partsOfAnyKind: Array<IndexPart<unknown>> = [];
  /** The index parts the rules declare (`uses`), each once. */
  public readonly parts: ReadonlyArray<IndexPart<unknown>>;

  public constructor(rules: readonly Rule[]) {
    const byKind = new Map<string, { perObject: Rule[]; cross: Rule[] }>();
    const wildcard = { perObject: [] as Rule[], cross: [] as Rule[] };
    const parts = new Set<IndexPart<unknown>>();
    for (const rule of rules) {
      if (rule.check === undefined) {
        continue; // reported by a shared check of the engine
      }
      const phase = isCrossObject(rule) ? 'cross' : 'perObject';
      for (const kind of rule.kinds) {
        if (kind === '*') {
          wildcard[phase].push(rule);
        } else {
          let lists = byKind.get(kind);
          if (!lists) {
            lists = { perObject: [], cross: [] };
            byKind.set(kind, lists);
          }
          lists[phase].push(rule);
        }
      }
      for (const part of rule.uses ?? []) {
        parts.add(part);
      }
    }
    // (rules for any kind run among the rules of each kind, by their order)
    const inListOrder = (list: Rule[]) => rules.filter((r) => list.includes(r));
    for (const [kind, lists] of byKind) {
      this.perObject.set(kind, stagesOf(inListOrder([...lists.perObject, ...wildcard.perObject])));
      this.cross.set(kind, stagesOf(inListOrder([...lists.cross, ...wildcard.cross])));
    }
    this.anyKind = { perObject: stagesOf(wildcard.perObject), cross: stagesOf(wildcard.cross) };
    this.parts = [...parts];
    for (const part of this.parts) {
      if (part.kinds === undefined) {
        this.partsOfAnyKind.push(part);
        for (const list of this.partsByKind.values()) {
          list.push(part);
        }
        continue;
      }
      for (const kind of part.kinds) {
        let list = this.partsByKind.get(kind);
        if (!list) {
          list = [...this.partsOfAnyKind];
          this.partsByKind.set(kind, list);
        }
        list.push(part);
      }
    }
  }

  /** The index parts that take objects of `kind`. */
  public partsOf(kind: unknown): ReadonlyArray<IndexPart<unknown>> {
    return (typeof kind === 'string' ? this.partsByKind.get(kind) : undefined) ?? (this.partsOfAnyKind.length > 0 ? this.partsOfAnyKind : NO_PARTS);
  }

  /** Runs the rules of the kind of `m` that read the object alone. */
  public runObject(r: Reporter, m: Manifest, set: ManifestSet): void {
    const stages = (typeof m.kind === 'string' ? this.perObject.get(m.kind) : undefined) ?? this.anyKind.perObject;
    if (stages.length > 0) {
      runStages(r.moveTo(m), stages, set);
    }
  }

  /** Runs the rules of the kind of `m` that read the index. */
  public runCross(r: Reporter, m: Manifest, set: ManifestSet): void {
    const stages = (typeof m.kind === 'string' ? this.cross.get(m.kind) : undefined) ?? this.anyKind.cross;
    if (stages.length > 0) {
      runStages(r.moveTo(m), stages, set);
    }
  }
}

function runStages(r: Reporter, stages: readonly Stage[], set: ManifestSet): void {
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    const rules = stage.rules;
    if (rules.length === 1) {
      rules[0].check!(r, set);
      continue;
    }
    // A walk: when several of its rules found something, their findings are put in the order
    // of the fields they are about, as one walk over the lists would have found them.
    const start = r.count;
    let finding = 0;
    for (let i = 0; i < rules.length; i++) {
      const before = r.count;
      rules[i].check!(r, set);
      if (r.count > before) {
        finding++;
      }
    }
    if (finding > 1) {
      const ranks = stage.ranks!;
      const paths = new Map<Finding, Array<string | number>>();
      const pathOf = (f: Finding) => {
        let path = paths.get(f);
        if (path === undefined) {
          path = fieldPath(f.field);
          paths.set(f, path);
        }
        return path;
      };
      r.reorderFrom(start, (a, b) => compareFields(pathOf(a), pathOf(b), ranks));
    }
  }
}

/** The steps of a field path: `spec.ports[1].name` is ['spec', 'ports', 1, 'name']. */
export function fieldPath(field: string): Array<string | number> {
  const steps: Array<string | number> = [];
  let i = 0;
  while (i < field.length) {
    const c = field[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const end = field.indexOf(']', i);
      const inner = end < 0 ? field.slice(i + 1) : field.slice(i + 1, end);
      steps.push(/^[0-9]+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? field.length : end + 1;
    } else {
      let j = i;
      while (j < field.length && field[j] !== '.' && field[j] !== '[') {
        j++;
      }
      steps.push(field.slice(i, j));
      i = j;
    }
  }
  return steps;
}

/**
 * The order of two fields in a walk: by list index, then by field name as the walk visits them
 * (`ranks`), a field before the fields inside it. Fields of names the walk does not rank keep
 * the order they were found in.
 */
export function compareFields(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>, ranks: ReadonlyMap<string, number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (typeof x === 'number' && typeof y === 'number') {
      return x - y;
    }
    const rx = typeof x === 'string' ? ranks.get(x) : undefined;
    const ry = typeof y === 'string' ? ranks.get(y) : undefined;
    return rx !== undefined && ry !== undefined ? rx - ry : 0;
  }
  return a.length - b.length;
}

/** The plans of the sets of skipped rules seen, by those ids (few sets recur: a bounded cache). */
const PLANS = new Map<string, Plan>();
const PLAN_CACHE_LIMIT = 64;

/** The plan of a check that skips the rules `skip`. */
export function planOf(skip: ReadonlySet<string>): Plan {
  const key = [...skip].sort().join(',');
  let plan = PLANS.get(key);
  if (plan === undefined) {
    plan = new Plan(ALL_RULES.filter((rule) => !skip.has(rule.id) || (rule.carries ?? []).some((id) => !skip.has(id))));
    if (PLANS.size < PLAN_CACHE_LIMIT) {
      PLANS.set(key, plan);
    }
  }
  return plan;
}
