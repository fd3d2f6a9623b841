import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// cdk8s-cli's own loader and context: the plugin must work with what `cdk8s synth` hands it.
import { ValidationContext } from 'cdk8s-cli/plugins';

// The loader is internal to cdk8s-cli (not in its package exports): load it by file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PluginManager } = require(path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'lib', 'plugins', '_manager'));

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  ports:
    - name: mysql
      port: 30056
      targetPort: 3306
`;

const SLICE = (address: string) => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: mysql-1
  labels:
    kubernetes.io/service-name: mysql
addressType: IPv4
endpoints:
  - addresses: ["${address}"]
ports:
  - name: mysql
    port: 3306
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-plugin-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Loads the plugin the way cdk8s-cli loads a local plugin from cdk8s.yaml, and runs it. */
async function validate(manifest: string, properties: any = {}): Promise<any> {
  const file = path.join(dir, 'app.k8s.yaml');
  fs.writeFileSync(file, manifest);
  const manager = new PluginManager(path.join(dir, '.plugins'));
  const loaded = manager.load({
    pkg: path.resolve(__dirname, '../../src/cli/cdk8s-plugin'),
    version: '0.0.0',
    class: 'ConnectivityCheckValidation',
    properties,
  });
  const context = new ValidationContext([file], 'cdk8s-service-patterns', '0.0.0', { 'mysql-1': { path: 'App/Chart/Mysql/Slice' } });
  await (loaded.instance as any).validate(context);
  return { success: context.report.success, json: context.report.toJson(), text: context.report.toString() };
}

describe('cdk8s synth validation plugin', () => {
  test('passes clean manifests', async () => {
    // WHEN
    const report = await validate(`${SERVICE}---\n${SLICE('10.0.4.17')}`);
    // THEN
    expect(report.success).toBe(true);
    expect(report.json.violations).toEqual([]);
    expect(report.json.summary.metadata).toEqual({ errors: '0', warnings: '0' });
  });

  test('fails if a slice holds the metadata address, naming the construct', async () => {
    // WHEN
    const report = await validate(`${SERVICE}---\n${SLICE('169.254.169.254')}`);
    // THEN
    expect(report.success).toBe(false);
    expect(report.json.violations).toEqual([expect.objectContaining({
      ruleName: expect.stringMatching(/^EPS004 \(error\): /),
      violatingConstructs: [expect.objectContaining({
        resourceName: 'mysql-1',
        constructPath: 'App/Chart/Mysql/Slice',
        locations: [expect.stringMatching(/^endpoints\[0\]\.addresses\[0\]: must not be a link-local address.*got '169\.254\.169\.254'$/)],
      })],
    })]);
  });

  test('takes properties: rules to skip', async () => {
    const report = await validate(`${SERVICE}---\n${SLICE('169.254.169.254')}`, { skipRules: ['EPS004'] });
    expect(report.success).toBe(true);
  });
});
