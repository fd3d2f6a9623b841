import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIo, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, main } from '../../src/cli/main';

/** Runs the tool in-process and returns its exit code and output. */
function run(args: string[], stdin = ''): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readStdin: () => stdin };
  const code = main(args, io);
  return { code, out, err };
}

const GOOD = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - name: http
              containerPort: 8080
`;

const BAD_PORT = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  clusterIP: None
  ports:
    - port: 99999
`;

const NODE_PORT = `apiVersion: v1
kind: Service
metadata:
  name: edge
spec:
  type: NodePort
  clusterIP: None
  ports:
    - port: 80
      nodePort: 8080
`;

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-check-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('k8s-connectivity-check', () => {
  test('exits 0 and says so when the manifests are clean', () => {
    // GIVEN a clean file
    const file = write('good.yaml', GOOD);
    // WHEN it is checked
    const { code, out } = run([file]);
    // THEN
    expect(code).toBe(EXIT_CLEAN);
    expect(out).toBe('no findings in 2 objects from 1 file\n');
  });

  test('exits 1 with file, line, rule, object and field for an error', () => {
    // GIVEN a file whose second document has port 99999
    const file = write('bad.yaml', `${GOOD}---\n${BAD_PORT}`);
    // WHEN it is checked
    const { code, out } = run([file]);
    // THEN the finding points at the field (line and column), a missing field at its parent
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain(`${file}:40:7: error SVC002 Service api: \`spec.ports[0].port\` must be between 1 and 65535, got 99999`);
    expect(out).toContain(`${file}:37:1: warning XREF014 Service api: \`spec.selector\` is missing`);
    expect(out).toMatch(/1 error, 1 warning in 3 objects from 1 file\n$/);
  });

  test('searches folders recursively for yaml, yml and json files', () => {
    // GIVEN a folder tree with manifests in several formats and a file to ignore
    write('a/good.yaml', GOOD);
    write('a/b/bad.yml', BAD_PORT);
    write('c/list.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x_y' }, spec: { clusterIP: 'None' } }] }));
    write('notes.txt', 'not: [a manifest');
    // WHEN the folder is checked
    const { code, out } = run([dir]);
    // THEN all three files are read, and the List is expanded
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain('SVC002 Service api');
    expect(out).toContain('META001 Service x_y');
    expect(out).toMatch(/in 4 objects from 3 files\n$/);
  });

  test('skips hidden folders and node_modules when searching a folder', () => {
    // GIVEN the same bad file in a hidden folder, in node_modules and in a plain sub-folder
    write('d/.hidden/bad.yaml', BAD_PORT);
    write('d/node_modules/pkg/bad.yaml', BAD_PORT);
    write('d/sub/bad.yaml', BAD_PORT);
    // WHEN the folder is checked
    const { code, out } = run([path.join(dir, 'd')]);
    // THEN only the file in the plain sub-folder is read
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain(`${path.join(dir, 'd', 'sub', 'bad.yaml')}:8:7: error SVC002`);
    expect(out).not.toContain('.hidden');
    expect(out).not.toContain('node_modules');
    expect(out).toMatch(/in 1 object from 1 file\n$/);
  });

  test('reads stdin for -', () => {
    // WHEN a bad manifest is piped in
    const { code, out } = run(['-'], BAD_PORT);
    // THEN
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain('<stdin>:8:7: error SVC002');
  });

  test('warnings alone exit 0', () => {
    // GIVEN a Service whose selector matches no pods (a warning)
    const file = write('svc.yaml', GOOD.split('---')[0]);
    // WHEN
    const { code, out } = run([file]);
    // THEN
    expect(code).toBe(EXIT_CLEAN);
    expect(out).toContain('warning XREF001 Service web');
    expect(out).toMatch(/0 errors, 1 warning in 1 object from 1 file\n$/);
  });

  test('--json prints findings with file and line, acknowledged ones marked', () => {
    // GIVEN a bad port and an acknowledged selector warning
    const acknowledged = GOOD.split('---')[0].replace('  name: web\n', '  name: web\n  annotations:\n    service-patterns.cdk8s.io/acknowledge: "XREF001: pods come from an operator"\n');
    const file = write('bad.yaml', `${acknowledged}---\n${BAD_PORT}`);
    // WHEN
    const { code, out } = run(['--json', file]);
    // THEN
    expect(code).toBe(EXIT_FINDINGS);
    const report = JSON.parse(out);
    expect(report.summary).toEqual({ files: 1, objects: 2, skipped: 0, errors: 1, warnings: 1, acknowledged: 1 });
    expect(report.findings).toEqual([
      expect.objectContaining({ file, line: 8, column: 3, ruleId: 'XREF001', acknowledged: true, acknowledgedReason: 'pods come from an operator', value: { app: 'web' } }),
      expect.objectContaining({ file, line: 22, column: 7, ruleId: 'SVC002', severity: 'error', field: 'spec.ports[0].port', value: 99999, kind: 'Service', name: 'api' }),
      expect.objectContaining({ file, line: 19, column: 1, ruleId: 'XREF014', severity: 'warning', field: 'spec.selector' }),
    ]);
  });

  test('--node-port-range changes the allowed node ports', () => {
    // GIVEN a NodePort Service on node port 8080 (also headless, a second error)
    const file = write('np.yaml', NODE_PORT);
    // WHEN checked with the default range, and with a range that includes 8080
    const byDefault = run([file]);
    const custom = run(['--node-port-range', '8000-9000', file]);
    // THEN only the default range reports the node port
    expect(byDefault.out).toContain('`spec.ports[0].nodePort` must be in the cluster\'s node port range 30000-32767, got 8080');
    expect(custom.out).not.toContain('nodePort');
    expect(custom.out).toContain('SVC009');
  });

  test('--skip leaves rules out', () => {
    // GIVEN
    const file = write('np.yaml', NODE_PORT);
    // WHEN
    const { code, out } = run(['--skip', 'SVC007,SVC009', '--skip', 'XREF014', file]);
    // THEN
    expect(code).toBe(EXIT_CLEAN);
    expect(out).toBe('no findings in 1 object from 1 file\n');
  });

  test('--list-rules prints the catalogue', () => {
    // WHEN
    const text = run(['--list-rules']);
    const json = run(['--list-rules', '--json']);
    // THEN
    expect(text.code).toBe(EXIT_CLEAN);
    expect(text.out).toMatch(/^API001 +error +\*: the apiVersion was removed/);
    expect(JSON.parse(json.out).map((r: any) => r.id)).toContain('XREF011');
  });

  test('fails if a file is missing (exit 2)', () => {
    const { code, err } = run([path.join(dir, 'nope.yaml')]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toMatch(/cannot read '.*nope\.yaml': no such file or folder/);
  });

  test('fails if a file is not YAML, naming the file and line (exit 2)', () => {
    const file = write('broken.yaml', `${GOOD}---\nkind: [Service\n`);
    const { code, err } = run([file]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toMatch(new RegExp(`cannot parse '${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' at line 3[0-9]`));
  });

  test('fails if an option is unknown or invalid (exit 2)', () => {
    expect(run(['--fast', 'x.yaml']).code).toBe(EXIT_UNREADABLE);
    expect(run([]).err).toMatch(/give at least one file, folder or '-'/);
    expect(run(['--skip']).err).toMatch(/option --skip needs a value/);
    const badSkip = run(['--skip', 'NOPE1', '-'], GOOD);
    expect(badSkip.code).toBe(EXIT_UNREADABLE);
    expect(badSkip.err).toMatch(/`skipRules\[0\]` must be the id of a rule of the catalogue, got 'NOPE1'/);
    expect(run(['--node-port-range=9000-8000', '-'], GOOD).err).toMatch(/`nodePortRange` must be a port range/);
  });

  test('--help prints the usage', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(EXIT_CLEAN);
    expect(out).toMatch(/^usage: k8s-connectivity-check/);
  });
});
