// The README's examples are compiled against the public API by jsii-rosetta in the build.
// Here each example that is followed by the manifests it emits is run, and the manifests shown
// must be exactly what it synthesizes (and pass the checker). `UPDATE_README=1 npx jest
// test/readme` rewrites the manifests from the code.
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { Chart, Duration, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import * as library from '../src';

const README = path.join(__dirname, '..', 'README.md');
const MARKER = '<!-- manifests of the example above -->';
const ERROR_MARKER = '<!-- error of the example above -->';

interface Example { readonly code: string; readonly yaml: string; readonly yamlStart: number; readonly yamlEnd: number; readonly line: number }

function examples(text: string): Example[] {
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  const found: Example[] = [];
  let lastTs: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text)) !== null) {
    const [, lang, body] = m;
    if (lang === 'ts') {
      lastTs = body;
    } else if (lang === 'yaml' && lastTs !== undefined && text.slice(0, m.index).trimEnd().endsWith(MARKER)) {
      const yamlStart = m.index + '```yaml\n'.length;
      found.push({ code: lastTs, yaml: body, yamlStart, yamlEnd: yamlStart + body.length, line: text.slice(0, m.index).split('\n').length });
    }
  }
  return found;
}

function run(code: string): any[] {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const app = Testing.app();
  const chart = new Chart(app, 'example');
  const modules: { [name: string]: any } = { 'cdk8s-service-patterns': library, 'cdk8s-plus-28': kplus, cdk8s };
  const req = (name: string) => {
    if (!(name in modules)) {
      throw new Error(`README examples may import only ${Object.keys(modules).join(', ')}, not ${name}`);
    }
    return modules[name];
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'exports', 'app', 'chart', 'Duration', 'kplus', js)(req, {}, app, chart, Duration, kplus);
  return Testing.synth(chart);
}

const text = fs.readFileSync(README, 'utf8');
const all = examples(text);

test('the README shows the manifests of its examples', () => {
  expect(all.length).toBeGreaterThanOrEqual(3);
});

/** Each example followed by the error it throws (a `text` block after ERROR_MARKER). */
function errorExamples(readme: string): Array<{ code: string; error: string; line: number }> {
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  const found: Array<{ code: string; error: string; line: number }> = [];
  let lastTs: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(readme)) !== null) {
    const [, lang, body] = m;
    if (lang === 'ts') {
      lastTs = body;
    } else if (lang === 'text' && lastTs !== undefined && readme.slice(0, m.index).trimEnd().endsWith(ERROR_MARKER)) {
      found.push({ code: lastTs, error: body, line: readme.slice(0, m.index).split('\n').length });
    }
  }
  return found;
}

describe.each(errorExamples(text).map((e) => [e.line, e] as const))('README error example before line %d', (_line, example) => {
  test('throws exactly the error shown', () => {
    let thrown: unknown;
    try {
      run(example.code);
    } catch (e) {
      thrown = e;
    }
    expect(library.ValidationError.isValidationError(thrown)).toBe(true);
    expect(`${String(thrown)}\n`).toBe(example.error);
  });
});

test('the README shows an error example', () => {
  expect(errorExamples(text).length).toBeGreaterThanOrEqual(1);
});

if (process.env.UPDATE_README === '1') {
  test('rewrite the manifests shown in the README', () => {
    let updated = text;
    for (const example of [...all].reverse()) {
      updated = updated.slice(0, example.yamlStart) + Yaml.stringify(...run(example.code)) + updated.slice(example.yamlEnd);
    }
    fs.writeFileSync(README, updated);
  });
} else {
  describe.each(all.map((e) => [e.line, e] as const))('README example before line %d', (_line, example) => {
    test('emits exactly the manifests shown, and they pass the checker', () => {
      // WHEN
      const manifests = run(example.code);
      // THEN
      expect(library.ManifestChecker.check(manifests).filter((f) => f.severity === library.Severity.ERROR)).toEqual([]);
      expect(example.yaml).toBe(Yaml.stringify(...manifests));
    });
  });
}
