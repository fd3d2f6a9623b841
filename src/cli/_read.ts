import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';

/** One object read from the input, with where it came from. */
export interface Located {
  /** The file name as shown (`<stdin>` for stdin). */
  readonly file: string;
  /** The line and column the object starts on. */
  readonly line: number;
  readonly column: number;
  /** The object as parsed. */
  readonly object: any;
  /** The document it was read from, its node in it, and the line counter of the file. */
  readonly doc: YAML.Document;
  readonly node: unknown;
  /** The offset the object starts at in the file. */
  readonly offset: number;
  readonly lineCounter: YAML.LineCounter;
}

/** A file found in a folder (or given) that is not a Kubernetes manifest. */
export interface Skipped {
  readonly file: string;
  readonly reason: string;
  /** Whether the file was given on the command line (rather than found in a folder). */
  readonly given: boolean;
}

/** What the inputs hold. */
export interface Input {
  /** The number of files read as manifests. */
  readonly files: number;
  readonly located: Located[];
  readonly skipped: Skipped[];
}

/** Input that cannot be read or parsed: exit 2. */
export class Unreadable extends Error {}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * The YAML schema kubectl reads manifests with: sigs.k8s.io/yaml decodes YAML 1.1 (go-yaml
 * v2), so `yes`, `on`, `y`, `off`, ... are booleans and `0777` is octal. Unlike the YAML 1.1 of
 * the `yaml` package, go-yaml v2 keeps timestamps and sexagesimal numbers (`1:20`) as strings
 * when it decodes into a JSON value.
 */
const YAML_1_1: YAML.DocumentOptions & YAML.SchemaOptions = {
  version: '1.1',
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in t && t.format === 'TIME'))),
};

/**
 * Reads the inputs: files and '-' (stdin) are read as manifests whatever their name, folders
 * are searched for manifests. A folder's YAML file in which no document has `apiVersion` and
 * `kind` is skipped, and so is any JSON file (given or found) that is not one object with
 * `apiVersion` and `kind` or a List. A YAML file given in which no document has `apiVersion`
 * or `kind` (a kustomize patch, a tool's configuration: what a pre-commit hook passes along
 * with the manifests) is skipped too; one that has either is read, and what it lacks reported.
 */
export function readInputs(inputs: readonly string[], readStdin: () => string): Input {
  let files = 0;
  const located: Located[] = [];
  const skipped: Skipped[] = [];
  for (const input of inputs) {
    for (const candidate of expand(input)) {
      const read = readFile(candidate.file, candidate.given, readStdin);
      if (read.skipped !== undefined) {
        skipped.push({ file: candidate.file, reason: read.skipped, given: candidate.given });
      } else {
        files++;
        located.push(...read.located);
      }
    }
  }
  return { files, located, skipped };
}

/** The files an input names: itself, '-' for stdin, or the candidate files below a folder. */
function expand(input: string): Array<{ file: string; given: boolean }> {
  if (input === '-') {
    return [{ file: '-', given: true }];
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new Unreadable(`cannot read '${input}': no such file or folder`);
  }
  if (!stat.isDirectory()) {
    return [{ file: input, given: true }];
  }
  const out: Array<{ file: string; given: boolean }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
          walk(full);
        }
      } else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        out.push({ file: full, given: false });
      }
    }
  };
  walk(input);
  return out;
}

/** One parsed document that is not empty. */
interface Parsed {
  readonly doc: YAML.Document;
  readonly object: unknown;
}

/** The objects of one file (or stdin), or why it is skipped. */
function readFile(file: string, given: boolean, readStdin: () => string): { located: Located[]; skipped?: string } {
  const name = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = file === '-' ? readStdin() : fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw new Unreadable(`cannot read '${name}': ${(e as Error).message}`);
  }
  const jsonFile = file !== '-' && file.endsWith('.json');
  // JSON is read as JSON (YAML 1.2, of which JSON is a subset), as kubectl does for input
  // that starts with '{'; everything else as kubectl reads YAML.
  const json = jsonFile || (file === '-' && /^\s*[{[]/.test(text));
  const lineCounter = new YAML.LineCounter();
  const docs = YAML.parseAllDocuments(text, json ? { lineCounter } : { lineCounter, ...YAML_1_1 });
  const parsed: Parsed[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      if (jsonFile && !given) {
        return { located: [], skipped: 'not valid JSON' };
      }
      const err = doc.errors[0];
      const line = err.linePos ? err.linePos[0].line : lineCounter.linePos(doc.range[0]).line;
      throw new Unreadable(`cannot parse '${name}' at line ${line}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    let object: unknown;
    try {
      object = doc.toJS();
    } catch (e) {
      throw new Unreadable(`cannot read '${name}' at line ${lineCounter.linePos(doc.range[0]).line}: ${(e as Error).message}`);
    }
    if (object !== null && object !== undefined) {
      parsed.push({ doc, object }); // else an empty document
    }
  }

  if (jsonFile) {
    if (parsed.length === 0) {
      return { located: [], skipped: 'empty' };
    }
    if (parsed.length > 1 || !isMap(parsed[0].object)) {
      return { located: [], skipped: 'not a JSON object' };
    }
    if (!isManifest(parsed[0].object)) {
      return { located: [], skipped: 'no apiVersion and kind' };
    }
  } else if (!given && !parsed.some((p) => isManifest(p.object))) {
    return { located: [], skipped: parsed.length === 0 ? 'empty' : notManifest(parsed) };
  } else if (given && file !== '-' && parsed.length > 0 && !parsed.some((p) => looksLikeManifest(p.object))) {
    return { located: [], skipped: notManifest(parsed) };
  }

  const out: Located[] = [];
  for (const { doc, object } of parsed) {
    const node = doc.contents;
    if (isList(object)) {
      const items = YAML.isMap(node) ? node.get('items', true) : undefined;
      (object as any).items.forEach((item: unknown, i: number) => {
        const itemNode = YAML.isSeq(items) ? items.items[i] : undefined;
        out.push(locatedObject(name, doc, itemNode ?? node, item, lineCounter));
      });
    } else {
      out.push(locatedObject(name, doc, node, object, lineCounter));
    }
  }
  return { located: out };
}

function locatedObject(file: string, doc: YAML.Document, node: unknown, object: unknown, lineCounter: YAML.LineCounter): Located {
  const offset = YAML.isNode(node) && node.range ? node.range[0] : doc.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return { file, line: pos.line, column: pos.col, object, doc, node, offset, lineCounter };
}

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Whether a document is a Kubernetes object (it has `apiVersion` and `kind`) or a List of them. */
function isManifest(object: unknown): boolean {
  return isMap(object) && !isKubeconfig(object) && ((object.apiVersion !== undefined && object.kind !== undefined) || isList(object));
}

/** Why documents that are no manifests are skipped. */
function notManifest(parsed: readonly Parsed[]): string {
  return parsed.every((p) => isMap(p.object) && isKubeconfig(p.object)) ? 'a kubeconfig, not a manifest' : 'no apiVersion and kind';
}

/** Whether a document is a client's kubeconfig (`apiVersion: v1`, `kind: Config`), which is no object of the API. */
function isKubeconfig(object: Record<string, unknown>): boolean {
  return object.apiVersion === 'v1' && object.kind === 'Config' && ['clusters', 'contexts', 'users', 'current-context'].some((k) => k in object);
}

/** Whether a document is meant as a Kubernetes object: it has `apiVersion` or `kind` (maybe not both). */
function looksLikeManifest(object: unknown): boolean {
  return isMap(object) && !isKubeconfig(object) && (object.apiVersion !== undefined || object.kind !== undefined);
}

/** Whether an object is a `kind: List` of objects (as `kubectl get -o yaml` writes). */
function isList(object: any): boolean {
  return typeof object === 'object' && object !== null && typeof object.kind === 'string'
    && object.kind.endsWith('List') && Array.isArray(object.items);
}
