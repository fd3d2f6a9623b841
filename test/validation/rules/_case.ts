// The tests of one rule: manifests that pass it (cleanly: no finding at all) and manifests that
// fail it at a field. Each rule's test file, test/validation/rules/<area>/<id>.test.ts, calls
// `ruleCases` with its cases, and adds tests of its other branches.
import { CheckOptions, ManifestChecker, Severity } from '../../../src';
import { Rule } from '../../../src/validation/rules/_rule';
import { MYSQL, WEB_PODS, deployment, ingress, path, rule, slice, web } from '../_fixtures';

/** One case of a rule: manifests that pass it (cleanly), and manifests that fail it at `field`. */
export interface RuleCase {
  readonly title: string;
  readonly pass: any[];
  readonly fail: any[];
  readonly field: string;
  /** Options of both checks (cluster facts, profiles). */
  readonly options?: CheckOptions;
}

/** The tests of `rule`: each case passes (fixed) and fails; a `missing` rule's findings are warnings unless complete. */
export function ruleCases(ruleObject: Rule, cases: RuleCase[]): void {
  const id = ruleObject.id;
  describe.each(cases)(`${id}`, (c) => {
    test(`passes: ${c.title} (fixed)`, () => {
      // WHEN the correct manifests are checked (as a complete set)
      const findings = ManifestChecker.check(c.pass, { ...c.options, complete: true });
      // THEN nothing is found at all
      expect(findings.map((f) => `${f.ruleId} ${f.field}: ${f.message}`)).toEqual([]);
    });

    test(`fails if ${c.title}`, () => {
      // WHEN the wrong manifests are checked as a complete set
      const findings = ManifestChecker.check(c.fail, { ...c.options, complete: true });
      // THEN the rule reports the field, with its severity and docs link
      const info = ManifestChecker.rule(id);
      const mine = findings.filter((f) => f.ruleId === id);
      expect(mine.map((f) => f.field)).toContain(c.field);
      for (const f of mine) {
        expect(f.severity).toBe(info.severity);
        expect(f.docsUrl).toBe(info.docsUrl);
        expect(f.message).toMatch(/^[a-z`'0-9]/);
        expect(f.message).not.toMatch(/\.$/);
      }
    });

    if (ruleObject.missing === true) {
      test(`is a warning that says so, unless the manifests are declared complete: ${c.title}`, () => {
        // WHEN the manifests are checked as they are, not declared complete
        const mine = ManifestChecker.check(c.fail, c.options).filter((f) => f.ruleId === id);
        // THEN the finding is a warning that says the object is not among the manifests checked
        expect(mine.length).toBeGreaterThan(0);
        for (const f of mine) {
          expect(f.severity).toBe(Severity.WARNING);
          expect(f.message).toMatch(/among the manifests checked: unless it is applied from elsewhere, /);
        }
      });
    }
  });
}

// Manifests shared by the cases of several rules.

export const SLICE_OK = [MYSQL, slice('mysql-1', 'mysql')];
/** Pods without declared ports for a Service selecting `app: db`. */
export const DB_PODS = deployment('db', { app: 'db' }, []);
export const ING_OK = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] })];
export const INGRESS_OK = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] })];

/** A Deployment whose container declares port 8080 'http' and has a readiness probe. */
export function withProbe(probe: any): any {
  const d = deployment('web', { app: 'web' });
  d.spec.template.spec.containers[0].readinessProbe = probe;
  return d;
}

// Helpers of the tests of rule branches.

/** The findings as `index ruleId field` strings. */
export function ids(manifests: any[], options = {}): string[] {
  return ManifestChecker.check(manifests, options).map((f) => `${f.manifestIndex} ${f.ruleId} ${f.field}`);
}

/** The message of the one finding of `ruleId` at `field`. */
export function messageOf(manifests: any[], ruleId: string, field: string): string {
  const found = ManifestChecker.check(manifests).filter((f) => f.ruleId === ruleId && f.field === field);
  expect(found).toHaveLength(1);
  return found[0].message;
}

/** `count` distinct IPv4 addresses 10.0.x.y. */
export function addresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.0.${Math.floor(i / 200) + 4}.${(i % 200) + 1}`);
}

/** `count` zone hints zone-a, zone-b, ... */
export function zones(count: number): any[] {
  return Array.from({ length: count }, (_, i) => ({ name: `zone-${String.fromCharCode(97 + i)}` }));
}
