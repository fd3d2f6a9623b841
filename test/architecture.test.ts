// The shape of the code: arrows point down. Errors and problem collection (src/core) are the
// bottom layer, value objects (src/net) sit above them, constructs and the checker above those;
// no file imports another in a cycle, and a `_`-prefixed file is used only inside its own folder.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

/** Every source file (the generated Gateway API classes aside), with the files it imports. */
function imports(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '_imports') walk(full);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        files.push(full);
      }
    }
  };
  walk(SRC);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf-8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const base = path.resolve(path.dirname(file), m[1]);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((t) => fs.existsSync(t));
      if (target !== undefined) {
        deps.push(target);
      }
    }
    graph.set(file, deps);
  }
  return graph;
}

const GRAPH = imports();
const rel = (f: string) => path.relative(SRC, f);
/** The top-level folder of a source file ('' for src/index.ts). */
const folderOf = (f: string) => (rel(f).includes(path.sep) ? rel(f).split(path.sep)[0] : '');

test('no file imports another in a cycle (type imports included)', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const d of GRAPH.get(f) ?? []) {
      if (state.get(d) === 'open') {
        cycles.push(stack.slice(stack.indexOf(d)).concat(d).map(rel).join(' -> '));
      } else if (!state.has(d)) {
        visit(d);
      }
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of GRAPH.keys()) {
    if (!state.has(f)) visit(f);
  }
  expect(cycles).toEqual([]);
});

test('arrows point down: core imports nothing of the library, net imports only core', () => {
  const wrong: string[] = [];
  for (const [file, deps] of GRAPH) {
    const from = folderOf(file);
    for (const d of deps) {
      const to = folderOf(d);
      if ((from === 'core' && to !== 'core') || (from === 'net' && to !== 'net' && to !== 'core')) {
        wrong.push(`${rel(file)} imports ${rel(d)}`);
      }
    }
  }
  expect(wrong).toEqual([]);
});

test('a `_`-prefixed file is used only inside its own folder', () => {
  const wrong: string[] = [];
  for (const [file, deps] of GRAPH) {
    for (const d of deps) {
      if (path.basename(d).startsWith('_') && folderOf(d) !== folderOf(file)) {
        wrong.push(`${rel(file)} imports ${rel(d)}`);
      }
    }
  }
  expect(wrong).toEqual([]);
});
