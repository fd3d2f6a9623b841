// The example app: every scenario of the library, synthesized with `npm run example` into
// examples/dist/*.k8s.yaml. Each file in scenarios/ exports a function that adds its charts.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';

const app = new App();
const dir = path.join(__dirname, 'scenarios');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const scenario = require(path.join(dir, file));
  scenario.addScenarios(app);
}
app.synth();
