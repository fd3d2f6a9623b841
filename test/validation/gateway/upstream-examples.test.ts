// The Gateway API project's own verdicts: its examples/standard files, which an API server with
// the v1.6.1 standard-channel CRDs accepts, and its hack/invalid-examples/standard files, which
// it rejects (test/fixtures/gateway-api-examples, see its README). Each file is checked on its
// own, the way a user runs the command-line tool over a repository.
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { checkFileWithCli } from '../../_cli';

const ROOT = path.join(__dirname, '..', '..', 'fixtures', 'gateway-api-examples');
const GROUP = 'gateway.networking.k8s.io/';

interface Verdict {
  readonly file: string;
  readonly verdict: 'accepted' | 'rejected';
  readonly errorRules: string[];
  /** The finding that states upstream's reason: `RULE field`. */
  readonly key?: string;
  readonly reason: string;
}

const VERDICTS: Verdict[] = fs.readFileSync(path.join(ROOT, 'expect.tsv'), 'utf-8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [file, verdict, rules, key, reason] = line.split('\t');
    return {
      file,
      verdict: verdict as Verdict['verdict'],
      errorRules: rules === '-' ? [] : rules.split(',').map((r) => r.trim()),
      key: key === '-' ? undefined : key,
      reason,
    };
  });

/** Runs the CLI over one file of the corpus with JSON output. */
function check(file: string): ReturnType<typeof checkFileWithCli> {
  return checkFileWithCli(path.join(ROOT, file));
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...yamlFiles(full));
    } else if (entry.name.endsWith('.yaml')) {
      out.push(path.relative(ROOT, full));
    }
  }
  return out;
}

test('the corpus is complete: every file has a verdict, every verdict a file, each file its source line', () => {
  const files = yamlFiles(ROOT).sort();
  expect(files).toEqual(VERDICTS.map((v) => v.file).sort());
  expect(VERDICTS.filter((v) => v.verdict === 'accepted').length).toBe(79);
  expect(VERDICTS.filter((v) => v.verdict === 'rejected').length).toBe(32);
  for (const v of VERDICTS) {
    expect(v.verdict).toMatch(/^(accepted|rejected)$/);
    expect(v.file.startsWith(v.verdict === 'accepted' ? 'valid/' : 'invalid/')).toBe(true);
    // rejected files name the finding of their reason; accepted files have no error at all
    expect(v.verdict === 'rejected' ? v.key !== undefined && v.errorRules.length > 0 : v.key === undefined && v.errorRules.length === 0).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, v.file), 'utf-8').split('\n')[0])
      .toMatch(/^# source: kubernetes-sigs\/gateway-api (examples|hack\/invalid-examples)\/standard\/\S+\.yaml@8bb74df00e56ec8f944d48c25e6c1c9c2f6848e3$/);
  }
});

test('the valid files hold the 92 Gateway API objects of examples/standard, of every kind of the standard channel', () => {
  const kinds = new Map<string, number>();
  for (const v of VERDICTS.filter((x) => x.verdict === 'accepted')) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(ROOT, v.file), 'utf-8'))) {
      const obj = doc.toJSON();
      if (obj && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith(GROUP)) {
        kinds.set(obj.kind, (kinds.get(obj.kind) ?? 0) + 1);
      }
    }
  }
  expect([...kinds.values()].reduce((a, b) => a + b, 0)).toBe(92);
  expect([...kinds.keys()].sort()).toEqual(['BackendTLSPolicy', 'GRPCRoute', 'Gateway', 'GatewayClass', 'HTTPRoute', 'ListenerSet',
    'ReferenceGrant', 'TCPRoute', 'TLSRoute', 'UDPRoute']);
});

describe.each(VERDICTS)('$file', (v) => {
  test(`is ${v.verdict}, with errors of ${v.errorRules.join(', ') || 'no rule'} only (${v.reason})`, () => {
    // WHEN the file is checked on its own
    const { code, findings, err } = check(v.file);
    expect(err).toBe('');
    const errors = findings.filter((f) => f.severity === 'error');
    // THEN the errors are exactly those of the listed rules, and the exit code says so
    expect([...new Set(errors.map((f) => f.ruleId))].sort()).toEqual([...v.errorRules].sort());
    expect(code).toBe(v.verdict === 'accepted' ? 0 : 1);
    if (v.verdict === 'accepted') {
      // AND no finding at all of the per-object rules (schema, CEL, served versions and kinds):
      // the API server takes every object as it is
      expect(findings.filter((f) => /^(GW0|API)/.test(f.ruleId)).map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.field}`)).toEqual([]);
    } else {
      // AND among them the finding of upstream's reason, at its field
      expect(errors.map((f) => `${f.ruleId} ${f.field}`)).toContain(v.key);
    }
  });
});
