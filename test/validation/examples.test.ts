// The example app's scenarios are the correct seeds: every object they emit must pass the
// checker (errors), not only the objects the safety net owns.
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { ManifestChecker, Severity } from '../../src';

const SCENARIOS = path.join(__dirname, '..', '..', 'examples', 'scenarios');

test('every object of every example scenario passes the checker', () => {
  // GIVEN the example app with every scenario file
  const app = Testing.app();
  const files = fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(SCENARIOS, file)).addScenarios(app);
  }
  // WHEN all their objects are checked together
  const manifests = app.charts.flatMap((chart) => chart.toJson());
  const errors = ManifestChecker.check(manifests).filter((f) => f.severity === Severity.ERROR);
  // THEN
  expect(files.length).toBeGreaterThan(0);
  expect(manifests.length).toBeGreaterThan(10);
  expect(errors.map((f) => `${f.ruleId} ${f.kind}/${f.name} ${f.field}: ${f.message}`)).toEqual([]);
});
