import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { compileRule, skipReason } from '../../../src/validation/rules/gateway/_cel';
import { CRD_DATA } from '../../../src/validation/rules/gateway/_crd-data';
import { SchemaNode } from '../../../src/validation/rules/gateway/_crd-types';
import { patternOf } from '../../../src/validation/rules/gateway/_walk';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../../scripts/generate-gateway-data.js');
const DATA_FILE = path.join(__dirname, '..', '..', '..', 'src', 'validation', 'rules', 'gateway', '_crd-data.ts');

describe('the generated CRD data', () => {
  test('is up to date with the CRD files (regenerate with `node scripts/generate-gateway-data.js`)', () => {
    expect(fs.readFileSync(DATA_FILE, 'utf8')).toBe(generator.generate());
  });

  test('knows the served versions the CRD files declare', () => {
    const dir = generator.crdDir();
    for (const file of fs.readdirSync(dir).filter((f: string) => f.endsWith('.yaml'))) {
      const crd = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const kind = CRD_DATA.kinds[crd.spec.names.kind];
      expect(kind.served).toEqual(crd.spec.versions.filter((v: any) => v.served).map((v: any) => v.name));
    }
    expect(CRD_DATA.kinds.HTTPRoute.served).toEqual(['v1', 'v1beta1']);
    expect(CRD_DATA.kinds.TLSRoute.unserved).toEqual(['v1alpha2', 'v1alpha3']);
    expect(CRD_DATA.kinds.ReferenceGrant.served).toEqual(['v1', 'v1beta1']);
    // TCPRoute and UDPRoute are in the standard channel since v1.6.0, served at v1 only
    expect(CRD_DATA.kinds.TCPRoute.served).toEqual(['v1']);
    expect(CRD_DATA.kinds.UDPRoute.served).toEqual(['v1']);
    expect(CRD_DATA.bundle).toBe('v1.6.1');
  });
});

/** Every CEL rule of the CRD files, as written there (all versions, served or not). */
function crdRules(): { kind: string; version: string; path: string; rule: string; message: string }[] {
  const dir = generator.crdDir();
  const out: { kind: string; version: string; path: string; rule: string; message: string }[] = [];
  for (const file of fs.readdirSync(dir).filter((f: string) => f.endsWith('.yaml'))) {
    const crd = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const visit = (s: any, version: string, at: string) => {
      if (!s || typeof s !== 'object') return;
      for (const v of s['x-kubernetes-validations'] ?? []) out.push({ kind: crd.spec.names.kind, version, path: at, rule: v.rule, message: v.message });
      for (const [k, c] of Object.entries(s.properties ?? {})) visit(c, version, `${at}.${k}`);
      visit(s.items, version, `${at}[*]`);
      if (typeof s.additionalProperties === 'object') visit(s.additionalProperties, version, `${at}{*}`);
    };
    for (const v of crd.spec.versions) visit(v.schema.openAPIV3Schema, v.name, '');
  }
  return out;
}

describe('the CEL rules of the CRDs', () => {
  const rules = crdRules();

  test('there are as many as the CRD files hold (295 in v1.6.1, 79 distinct)', () => {
    expect(rules.length).toBe(295);
    expect(new Set(rules.map((r) => r.rule)).size).toBe(79);
  });

  test('each compiles with the evaluator, or is skipped for a stated reason (oldSelf)', () => {
    const skipped: string[] = [];
    for (const rule of new Set(rules.map((r) => r.rule))) {
      const reason = skipReason({ rule, message: '' });
      if (reason !== undefined) {
        skipped.push(`${rule}: ${reason}`);
        continue;
      }
      expect(() => compileRule(rule)).not.toThrow();
    }
    expect(skipped).toEqual(['self == oldSelf: a transition rule (oldSelf): a manifest has no old object']);
  });

  test('each rule of a served version (status aside: the API server ignores it) is in the generated data with its message', () => {
    const generated = new Set(CRD_DATA.rules.map((r) => `${r.rule}\u0000${r.message}`));
    for (const r of rules) {
      if (CRD_DATA.kinds[r.kind].served.includes(r.version) && !r.path.startsWith('.status')) {
        expect(generated.has(`${r.rule}\u0000${r.message}`)).toBe(true);
      }
    }
  });
});

test('every schema pattern compiles as a JavaScript regular expression', () => {
  const patterns = new Set<string>();
  const visit = (n: SchemaNode | true | undefined) => {
    if (n === undefined || n === true) return;
    if (n.x !== undefined) patterns.add(n.x);
    Object.values(n.p ?? {}).forEach(visit);
    visit(n.i);
    visit(n.a);
  };
  for (const kind of Object.values(CRD_DATA.kinds)) Object.values(kind.versions).forEach(visit);
  expect(patterns.size).toBeGreaterThan(10);
  for (const p of patterns) {
    expect(() => patternOf(p)).not.toThrow();
  }
});
