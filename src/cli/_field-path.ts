import * as YAML from 'yaml';

/** One step of a field path: a field name, or a list index or map key written in brackets. */
export interface PathStep {
  readonly name: string;
  readonly bracket: boolean;
}

/** A place in a file, both 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Reads a field path as the API server writes it: `spec.rules[0].http.paths[1].backend`, map
 * keys in brackets (`metadata.labels[app.kubernetes.io/name]`, `[""]` for an empty key), and
 * `(object)` for the whole object (no steps).
 */
export function parseFieldPath(field: string): PathStep[] {
  const steps: PathStep[] = [];
  if (field === '(object)') {
    return steps;
  }
  let i = 0;
  while (i < field.length) {
    if (field[i] === '[') {
      // A key may hold brackets itself (an invalid label key): it ends at the `]` that is
      // followed by a `.`, a `[` or the end of the path.
      let end = field.indexOf(']', i + 1);
      while (end !== -1 && end + 1 < field.length && field[end + 1] !== '.' && field[end + 1] !== '[') {
        end = field.indexOf(']', end + 1);
      }
      const inner = end === -1 ? field.slice(i + 1) : field.slice(i + 1, end);
      steps.push({ name: inner === '""' ? '' : inner, bracket: true });
      i = end === -1 ? field.length : end + 1;
    } else {
      if (field[i] === '.') {
        i++;
      }
      let end = i;
      while (end < field.length && field[end] !== '.' && field[end] !== '[') {
        end++;
      }
      steps.push({ name: field.slice(i, end), bracket: false });
      i = end;
    }
  }
  return steps;
}

/** Whether a step is a list index. */
function isIndex(step: PathStep): boolean {
  return step.bracket && /^[0-9]+$/.test(step.name);
}

/**
 * The value at a path in a parsed object; `found` is false when the path leads nowhere (a
 * missing field).
 */
export function valueAt(object: unknown, steps: readonly PathStep[]): { found: boolean; value?: unknown } {
  let value: unknown = object;
  for (const step of steps) {
    if (Array.isArray(value) && isIndex(step)) {
      const index = Number(step.name);
      if (index >= value.length) {
        return { found: false };
      }
      value = value[index];
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step.name)) {
      value = (value as Record<string, unknown>)[step.name];
    } else {
      return { found: false };
    }
  }
  return { found: true, value };
}

/** The text of a map key as `toJS` makes it a property name. */
function keyText(key: unknown): string | undefined {
  if (YAML.isScalar(key)) {
    return String(key.value);
  }
  return key === null || key === undefined ? '' : undefined;
}

/**
 * Where a field is written in a document: the start of its key (of the list item, for an
 * index), or of the nearest ancestor that exists when the field is missing, or of the object.
 *
 * @param doc the document the object belongs to (to follow aliases)
 * @param node the node of the object (a document's contents, or an item of a List)
 * @param steps the field path
 * @param lineCounter the line counter the file was parsed with
 * @param fallback the offset to use when the object has no node of its own
 */
export function locate(doc: YAML.Document, node: unknown, steps: readonly PathStep[], lineCounter: YAML.LineCounter, fallback: number): Position {
  let offset = startOf(node) ?? fallback;
  let current: unknown = node;
  for (const step of steps) {
    let next: unknown;
    let at: number | undefined;
    if (YAML.isMap(current)) {
      const pair = current.items.find((p) => keyText(p.key) === step.name);
      if (pair === undefined) {
        break;
      }
      next = pair.value;
      at = startOf(pair.key) ?? startOf(pair.value);
    } else if (YAML.isSeq(current) && isIndex(step)) {
      next = current.items[Number(step.name)];
      if (next === undefined) {
        break;
      }
      at = startOf(next);
    } else {
      break;
    }
    if (at !== undefined) {
      offset = at;
    }
    current = YAML.isAlias(next) ? next.resolve(doc) : next;
  }
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The offset a node starts at, if it is a node with a range. */
function startOf(node: unknown): number | undefined {
  if (YAML.isNode(node) && node.range) {
    return node.range[0];
  }
  return undefined;
}
