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

/** The 1-based line of the first occurrence of `needle` in `text` (after `after`, if given). */
function lineOf(text: string, needle: string, after = ''): number {
  const index = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (index < 0) {
    throw new Error(`'${needle}' is not in the text`);
  }
  return text.slice(0, index).split('\n').length;
}

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  labels:
    app.kubernetes.io/name: -bad-
  annotations:
    kubernetes.io/ingress.class: traefik
spec:
  ingressClassName: nginx
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
`;

describe('what is read', () => {
  test('a folder: YAML with apiVersion and kind and JSON manifests are read, other files are skipped and counted', () => {
    // GIVEN a cdk8s dist/ folder next to files that are YAML or JSON but no manifests
    write('dist/app.k8s.yaml', GOOD);
    write('dist/construct-metadata.json', JSON.stringify({ version: '1.0.0', resources: { 'app/web': { path: 'app/web' } } }));
    write('dist/list.json', JSON.stringify({ kind: 'ServiceList', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x_y' }, spec: { clusterIP: 'None' } }] }));
    write('dist/broken.json', '{ "apiVersion": "v1", ');
    write('dist/array.json', '[1, 2]');
    write('package.json', JSON.stringify({ name: 'app', version: '1.0.0' }));
    write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true } }));
    write('kustomization.yaml', 'resources:\n  - dist/app.k8s.yaml\n');
    write('chart/values.yaml', 'replicaCount: 1\nimage:\n  repository: nginx\n');
    write('docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
    write('empty.yaml', '# nothing yet\n');
    write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    // WHEN the folder is checked
    const { code, out, err } = run([dir]);
    // THEN the manifests are read, the others counted as skipped, and nothing is said about them
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain('META001 Service x_y');
    expect(out).not.toContain('API005');
    expect(out).toMatch(/in 3 objects from 2 files \(9 skipped, --verbose lists them\)\n$/);
    expect(err).toBe('');
  });

  test('--verbose lists the skipped files with the reason', () => {
    // GIVEN
    write('dist/app.k8s.yaml', GOOD);
    write('dist/construct-metadata.json', JSON.stringify({ version: '1.0.0', resources: {} }));
    write('dist/broken.json', '{ "apiVersion": ');
    write('values.yaml', 'replicaCount: 1\n');
    // WHEN
    const { code, out, err } = run(['--verbose', dir]);
    // THEN
    expect(code).toBe(EXIT_CLEAN);
    expect(err).toMatch(/skipped '.*dist\/broken\.json': not valid JSON\n/);
    expect(err).toMatch(/skipped '.*dist\/construct-metadata\.json': no apiVersion and kind\n/);
    expect(err).toMatch(/skipped '.*values\.yaml': no apiVersion and kind\n/);
    expect(out).toMatch(/in 2 objects from 1 file \(3 skipped\)\n$/);
  });

  test('a YAML file with manifests keeps its other documents: they are findings', () => {
    // GIVEN a manifest file with a stray scalar document
    const text = `${GOOD}---\njust some text\n`;
    const file = write('app.yaml', text);
    // WHEN
    const { code, out } = run([file]);
    // THEN the stray document is reported at its line
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain(`${file}:${lineOf(text, 'just some text')}:1: error API005 object #2: \`(object)\` must be a map`);
  });

  test('a file given is read as manifests whatever its name, unless nothing in it is meant as one', () => {
    // GIVEN a kustomization, a JSON file that are no manifests, and a YAML manifest without apiVersion
    const kustomization = write('kustomization.yaml', 'resources:\n  - app.yaml\n');
    const metadata = write('construct-metadata.json', JSON.stringify({ version: '1.0.0' }));
    const good = write('good.yaml', GOOD);
    const noVersion = write('svc.txt', 'kind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n');
    // WHEN each is given (as a pre-commit hook passes the files it changed)
    const yaml = run([kustomization, good]);
    const json = run([metadata, good]);
    const broken = run([noVersion]);
    // THEN the files that are no manifests are skipped and said so (without --verbose: they
    // were given), and the manifest that lacks its apiVersion is read and reported
    expect(yaml.code).toBe(EXIT_CLEAN);
    expect(yaml.err).toMatch(/skipped '.*kustomization\.yaml': no apiVersion and kind/);
    expect(yaml.out).toBe('no findings in 2 objects from 1 file (1 skipped)\n');
    expect(json.code).toBe(EXIT_CLEAN);
    expect(json.err).toMatch(/skipped '.*construct-metadata\.json': no apiVersion and kind/);
    expect(json.out).toBe('no findings in 2 objects from 1 file (1 skipped)\n');
    expect(broken.code).toBe(EXIT_FINDINGS);
    expect(broken.out).toContain('API005');
  });

  test('a YAML file given with nothing meant as a manifest fails as having nothing to check (exit 2)', () => {
    const values = write('values.yaml', 'replicaCount: 1\n');
    const { code, err } = run([values]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toMatch(/no Kubernetes manifest found.*values\.yaml \(no apiVersion and kind\)/);
  });
});

describe('nothing to check', () => {
  test('fails if a folder holds no manifest, naming what it skipped (exit 2)', () => {
    // GIVEN a dist/ folder with only the cdk8s metadata
    write('dist/construct-metadata.json', JSON.stringify({ version: '1.0.0', resources: {} }));
    write('dist/values.yaml', 'replicaCount: 1\n');
    // WHEN
    const { code, out, err } = run([path.join(dir, 'dist')]);
    // THEN
    expect(code).toBe(EXIT_UNREADABLE);
    expect(out).toBe('');
    expect(err).toMatch(/^k8s-connectivity-check: no Kubernetes manifest found in '.*dist' \(0 files read, 2 skipped: .*construct-metadata\.json \(no apiVersion and kind\), .*values\.yaml \(no apiVersion and kind\)\)\n$/);
  });

  test('fails if a folder is empty (exit 2)', () => {
    const { code, err } = run([dir]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toMatch(/no Kubernetes manifest found in '.*' \(no \*\.yaml, \*\.yml or \*\.json file\)/);
  });

  test('fails if the files given are empty (exit 2)', () => {
    const { code, err } = run([write('empty.yaml', '---\n# later\n')]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toMatch(/no Kubernetes manifest found in '.*empty\.yaml' \(1 file read, none skipped\)/);
  });
});

describe('lines of the fields', () => {
  test('findings point at the line and column of their field, keys in brackets included', () => {
    // GIVEN a Service and an Ingress with a bad label, both class settings and a backend to no Service
    const text = `${GOOD}---\n${INGRESS}`;
    const file = write('app.yaml', text);
    // WHEN
    const { out } = run([file]);
    // THEN
    expect(out).toContain(`${file}:${lineOf(text, 'app.kubernetes.io/name: -bad-')}:5: error META003 Ingress shop: \`metadata.labels[app.kubernetes.io/name]\``);
    expect(out).toContain(`${file}:${lineOf(text, 'kubernetes.io/ingress.class: traefik')}:5: error ING008 Ingress shop: \`metadata.annotations[kubernetes.io/ingress.class]\``);
    expect(out).toContain(`${file}:${lineOf(text, 'name: api')}:17: warning XREF008 Ingress shop: \`spec.rules[0].http.paths[1].backend.service.name\``);
  });

  test('items of a List point at their own lines', () => {
    // GIVEN a kubectl-style List in YAML whose second item has a bad port
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: a
    spec:
      clusterIP: None
  - apiVersion: v1
    kind: Service
    metadata:
      name: b
    spec:
      clusterIP: None
      ports:
        - port: 99999
`;
    const file = write('list.yaml', text);
    // WHEN
    const { out } = run([file]);
    // THEN
    expect(out).toContain(`${file}:${lineOf(text, 'port: 99999')}:11: error SVC002 Service b`);
  });

  test('JSON files have lines too', () => {
    // GIVEN a pretty-printed JSON Service with a bad port
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' }, spec: { clusterIP: 'None', ports: [{ port: 99999 }] } }, null, 2);
    const file = write('svc.json', text);
    // WHEN
    const { out } = run([file]);
    // THEN
    expect(out).toContain(`${file}:${lineOf(text, '"port": 99999')}:9: error SVC002 Service api`);
  });
});

describe('YAML 1.1 as kubectl reads it', () => {
  const service = (publish: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
  annotations:
    deployed: 2024-01-01
spec:
  clusterIP: None
  publishNotReadyAddresses: ${publish}
  selector:
    app: db
`;

  test.each(['yes', 'Yes', 'on', 'ON', 'y', 'true', 'no', 'off', 'n'])('`publishNotReadyAddresses: %s` is a boolean, not an API004 type error', (word) => {
    const { out } = run(['-'], service(word));
    expect(out).not.toContain('API004');
    // and a date stays a string, as sigs.k8s.io/yaml keeps it
    expect(out).not.toContain('metadata.annotations');
  });

  test('a quoted "yes" is a string: API004', () => {
    const { code, out } = run(['-'], service('"yes"'));
    expect(code).toBe(EXIT_FINDINGS);
    expect(out).toContain('<stdin>:9:3: error API004 Service db: `spec.publishNotReadyAddresses` must be a boolean');
  });
});

describe('--json values', () => {
  test('the value is the one parsed, not quoted text', () => {
    // GIVEN a port with an unknown protocol and a port number out of range
    const text = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  clusterIP: None
  ports:
    - port: 99999
      protocol: HTP
`;
    // WHEN
    const { out } = run(['--format', 'json', '-'], text);
    // THEN
    const findings = JSON.parse(out).findings;
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'SVC002', value: 99999, line: 8, column: 7 }),
      expect.objectContaining({ ruleId: 'SVC004', value: 'HTP', line: 9, column: 7 }),
    ]));
    expect(out).not.toContain('"\'HTP\'"');
  });
});

describe('--format github', () => {
  test('one workflow command per finding, on the line of the field, with the summary last', () => {
    // GIVEN a file whose name needs escaping in a property, with an error and a warning
    const text = `${GOOD}---\n${BAD_PORT}`;
    const file = write('a,b:c.yaml', text);
    // WHEN
    const { code, out } = run(['--format', 'github', file]);
    // THEN
    expect(code).toBe(EXIT_FINDINGS);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const shown = file.split(path.sep).join('/').replace(/,/g, '%2C').replace(/:/g, '%3A');
    expect(lines[0]).toBe(`::error file=${shown},line=${lineOf(text, 'port: 99999')},col=7,title=SVC002::Service api: \`spec.ports[0].port\` must be between 1 and 65535, got 99999%0Asee https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports`);
    expect(lines[1]).toMatch(/^::warning file=.*,title=XREF014::Service api: /);
    expect(lines[2]).toBe('1 error, 1 warning in 3 objects from 1 file');
  });

  test('messages escape %, CR and LF', () => {
    // GIVEN a value with a percent sign and a new line
    const { out } = run(['--format', 'github', '-'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "50%\\r\\noff"\nspec:\n  clusterIP: None\n');
    // THEN
    expect(out).toMatch(/^::error title=META001::<stdin>:4:3: Service 50%25%0D%0Aoff: .*got '50%25%0D%0Aoff'/m);
  });
});

describe('--format sarif', () => {
  /**
   * The requirements of the SARIF 2.1.0 schema that a result log must meet, checked by hand
   * (OASIS Static Analysis Results Interchange Format Version 2.1.0, section numbers below).
   */
  function expectValidSarif(log: any): void {
    // §3.13 sarifLog: `version` "2.1.0" and `runs` are required; `$schema` names the schema
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(Array.isArray(log.runs)).toBe(true);
    for (const run_ of log.runs) {
      // §3.14 run: `tool` is required; §3.18 tool: `driver` is required; §3.19 toolComponent: `name` is required
      expect(typeof run_.tool.driver.name).toBe('string');
      if (run_.tool.driver.informationUri !== undefined) {
        expect(run_.tool.driver.informationUri).toMatch(/^https?:\/\//);
      }
      const rules: any[] = run_.tool.driver.rules ?? [];
      for (const rule of rules) {
        // §3.49 reportingDescriptor: `id` is required; §3.12 multiformatMessageString: `text` is required
        expect(typeof rule.id).toBe('string');
        expect(typeof rule.shortDescription.text).toBe('string');
        // §3.50 reportingConfiguration: `level` is one of none, note, warning, error
        expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
      }
      // §3.7.3: the ids of a toolComponent's rules are unique
      expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      // §3.14 run: `columnKind` is utf16CodeUnits or unicodeCodePoints
      expect(['utf16CodeUnits', 'unicodeCodePoints']).toContain(run_.columnKind);
      for (const result of run_.results) {
        // §3.27 result: `message` is required; §3.11 message: `text` (or `id`) is required
        expect(typeof result.message.text).toBe('string');
        // §3.27: `level` is one of none, note, warning, error; `ruleIndex` indexes the driver's rules
        expect(['none', 'note', 'warning', 'error']).toContain(result.level);
        expect(rules[result.ruleIndex].id).toBe(result.ruleId);
        for (const location of result.locations ?? []) {
          // §3.28 location, §3.29 physicalLocation: `artifactLocation` (or `address`) is required
          const physical = location.physicalLocation;
          expect(typeof physical.artifactLocation.uri).toBe('string');
          // §3.4 artifactLocation: `uri` is a URI reference (no backslashes, no spaces)
          expect(physical.artifactLocation.uri).not.toMatch(/[\\ ]/);
          // §3.30 region: `startLine` and `startColumn` are integers of at least 1
          expect(Number.isInteger(physical.region.startLine) && physical.region.startLine >= 1).toBe(true);
          expect(Number.isInteger(physical.region.startColumn) && physical.region.startColumn >= 1).toBe(true);
        }
        for (const suppression of result.suppressions ?? []) {
          // §3.35 suppression: `kind` is required, inSource or external
          expect(['inSource', 'external']).toContain(suppression.kind);
        }
      }
    }
  }

  test('a valid SARIF 2.1.0 log, with relative paths and acknowledged findings suppressed', () => {
    // GIVEN a folder, checked from inside, with a bad port and an acknowledged warning
    const acknowledged = GOOD.split('---')[0].replace('  name: web\n', '  name: web\n  annotations:\n    service-patterns.cdk8s.io/acknowledge: "XREF001: pods come from an operator"\n');
    const text = `${acknowledged}---\n${BAD_PORT}`;
    write('dist/my app.yaml', text);
    const cwd = process.cwd();
    let result: ReturnType<typeof run>;
    try {
      process.chdir(dir);
      // WHEN
      result = run(['--format', 'sarif', 'dist']);
    } finally {
      process.chdir(cwd);
    }
    // THEN
    expect(result.code).toBe(EXIT_FINDINGS);
    const log = JSON.parse(result.out);
    expectValidSarif(log);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('k8s-connectivity-check');
    expect(driver.rules.find((r: any) => r.id === 'SVC002')).toEqual({
      id: 'SVC002',
      shortDescription: { text: 'a port number is not between 1 and 65535' },
      helpUri: 'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
      defaultConfiguration: { level: 'error' },
    });
    const results = log.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual(expect.objectContaining({
      ruleId: 'XREF001',
      level: 'warning',
      suppressions: [{ kind: 'inSource', justification: 'pods come from an operator' }],
    }));
    expect(results[1]).toEqual(expect.objectContaining({
      ruleId: 'SVC002',
      level: 'error',
      message: { text: 'Service api: `spec.ports[0].port` must be between 1 and 65535, got 99999' },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: 'dist/my%20app.yaml' },
          region: { startLine: lineOf(text, 'port: 99999'), startColumn: 7 },
        },
      }],
    }));
    expect(results[1].suppressions).toBeUndefined();
  });

  test('files outside the working folder are file URIs, stdin has no location', () => {
    const file = write('bad.yaml', BAD_PORT);
    const fromFile = JSON.parse(run(['--format', 'sarif', file]).out);
    const fromStdin = JSON.parse(run(['--format', 'sarif', '-'], BAD_PORT).out);
    expectValidSarif(fromFile);
    expectValidSarif(fromStdin);
    expect(fromFile.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*\/bad\.yaml$/);
    expect(fromStdin.runs[0].results[0].locations).toBeUndefined();
  });
});

describe('--fail-on', () => {
  test('warning makes warnings fail, error (the default) does not', () => {
    const file = write('svc.yaml', GOOD.split('---')[0]);
    expect(run([file]).code).toBe(EXIT_CLEAN);
    expect(run(['--fail-on', 'error', file]).code).toBe(EXIT_CLEAN);
    expect(run(['--fail-on', 'warning', file]).code).toBe(EXIT_FINDINGS);
    expect(run(['--fail-on=warning', write('good.yaml', GOOD)]).code).toBe(EXIT_CLEAN);
  });

  test('acknowledged warnings do not fail', () => {
    const file = write('svc.yaml', GOOD.split('---')[0].replace('  name: web\n', '  name: web\n  annotations:\n    service-patterns.cdk8s.io/acknowledge: "XREF001: pods come from an operator"\n'));
    expect(run(['--fail-on', 'warning', file]).code).toBe(EXIT_CLEAN);
  });

  test('fails if the severity or the format is unknown (exit 2)', () => {
    const fail = run(['--fail-on', 'info', '-'], GOOD);
    expect(fail.code).toBe(EXIT_UNREADABLE);
    expect(fail.err).toMatch(/option --fail-on must be one of 'error', 'warning', got 'info'/);
    const format = run(['--format', 'xml', '-'], GOOD);
    expect(format.code).toBe(EXIT_UNREADABLE);
    expect(format.err).toMatch(/option --format must be one of 'text', 'json', 'github', 'sarif', got 'xml'/);
    expect(run(['--format']).err).toMatch(/option --format needs a value/);
  });
});

describe('cluster facts', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('are passed to the checker as given', () => {
    // GIVEN a spy on the checker
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const check = require('../../src/validation/check');
    const spy = jest.spyOn(check, 'checkManifests');
    // WHEN every fact is given
    run(['--complete', '--namespace', 'shop', '--kubernetes-version', '1.30', '--ip-families', 'IPv4, IPv6', '--security', '-'], GOOD);
    // THEN
    expect(spy).toHaveBeenCalledWith(expect.any(Array), expect.objectContaining({
      complete: true, namespace: 'shop', kubernetesVersion: '1.30', ipFamilies: ['IPv4', 'IPv6'], security: true,
    }));
    // and none is passed when not given
    run(['-'], GOOD);
    const options = spy.mock.calls[1][1] as Record<string, unknown>;
    expect(Object.keys(options).sort()).toEqual(['includeAcknowledged', 'nodePortRange', 'skipRules']);
  });

  test('are in the usage, with the new options', () => {
    const { out } = run(['--help']);
    for (const option of ['--format FORMAT', '--fail-on SEVERITY', '--verbose', '--complete', '--namespace NS', '--kubernetes-version V', '--ip-families F,...', '--security']) {
      expect(out).toContain(option);
    }
    expect(run(['--namespace']).err).toMatch(/option --namespace needs a value/);
  });
});

describe('--graph', () => {
  const INGRESS_TO_NOWHERE = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
          - path: /cart
            pathType: Prefix
            backend:
              service:
                name: cart
                port:
                  number: 80
`;

  test('mermaid prints the map of the manifests instead of the findings', () => {
    // GIVEN a clean file
    const file = write('good.yaml', GOOD);
    // WHEN it is mapped
    const { code, out, err } = run(['--graph', 'mermaid', file]);
    // THEN
    expect(code).toBe(EXIT_CLEAN);
    expect(err).toBe('');
    expect(out).toBe(`flowchart LR
  subgraph ns_default["namespace default"]
    svc_default_web(["Service web<br/>ClusterIP"])
    deploy_default_web[["Deployment web<br/>app=web"]]
  end
  svc_default_web -->|"http:80 → http"| deploy_default_web
`);
  });

  test('dot prints the same map as a Graphviz digraph', () => {
    const file = write('good.yaml', GOOD);
    const { code, out } = run([file, '--graph=dot']);
    expect(code).toBe(EXIT_CLEAN);
    expect(out).toBe(`digraph connectivity {
  rankdir=LR;
  node [shape=box, fontname="Helvetica", fontsize=10];
  edge [fontname="Helvetica", fontsize=9];
  subgraph "cluster_ns_default" {
    label="namespace default";
    "svc_default_web" [label="Service web\\nClusterIP", shape=box, style=rounded];
    "deploy_default_web" [label="Deployment web\\napp=web", shape=box3d];
  }
  "svc_default_web" -> "deploy_default_web" [label="http:80 → http"];
}
`);
  });

  test('marks the findings on the edges they concern, says how many on stderr, and exits as usual', () => {
    // GIVEN an Ingress to a Service that is there and to one that is not
    const file = write('shop.yaml', `${GOOD}---\n${INGRESS_TO_NOWHERE}`);
    // WHEN it is mapped
    const warned = run(['--graph', 'mermaid', file]);
    const complete = run(['--graph', 'mermaid', '--complete', file]);
    // THEN the backend to the missing Service is marked: a warning (exit 0), an error when the manifests are complete (exit 1)
    expect(warned.code).toBe(EXIT_CLEAN);
    expect(warned.out).toContain('    missing_default_Service_cart{{"missing Service cart"}}\n');
    expect(warned.out).toMatch(/ {2}ing_default_shop ==>\|"shop\.example\.com\/cart → 80<br\/>✗ XREF008: names Service 'cart'[^"]*"\| missing_default_Service_cart\n/);
    expect(warned.out).toContain('  ing_default_shop -->|"shop.example.com/ → http"| svc_default_web\n');
    expect(warned.err).toBe('k8s-connectivity-check: 1 warning marked on the map; run without --graph to list them\n');
    expect(complete.code).toBe(EXIT_FINDINGS);
    expect(complete.err).toBe('k8s-connectivity-check: 1 error marked on the map; run without --graph to list them\n');
  });

  test('--namespace places objects without one', () => {
    const file = write('good.yaml', GOOD);
    const { out } = run(['--graph', 'mermaid', '--namespace', 'shop', file]);
    expect(out).toContain('  subgraph ns_shop["namespace shop"]\n');
    expect(out).toContain('  svc_shop_web -->|"http:80 → http"| deploy_shop_web\n');
  });

  test('reads stdin', () => {
    const { code, out } = run(['--graph', 'dot', '-'], GOOD);
    expect(code).toBe(EXIT_CLEAN);
    expect(out).toMatch(/^digraph connectivity \{\n/);
  });

  test('fails if the format of the map is unknown, or combined with --format (exit 2)', () => {
    const file = write('good.yaml', GOOD);
    const unknown = run(['--graph', 'svg', file]);
    expect(unknown.code).toBe(EXIT_UNREADABLE);
    expect(unknown.err).toBe('k8s-connectivity-check: option --graph must be one of \'mermaid\', \'dot\', got \'svg\'\n');
    const missing = run([file, '--graph']);
    expect(missing.code).toBe(EXIT_UNREADABLE);
    expect(missing.err).toBe('k8s-connectivity-check: option --graph needs a value\n');
    const both = run(['--graph', 'dot', '--json', file]);
    expect(both.code).toBe(EXIT_UNREADABLE);
    expect(both.out).toBe('');
    expect(both.err).toBe('k8s-connectivity-check: option --graph prints a map, not findings: leave out --format and --json\n');
  });

  test('fails on unreadable input as without it (exit 2)', () => {
    const { code, out } = run(['--graph', 'mermaid', path.join(dir, 'nope.yaml')]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(out).toBe('');
  });

  test('is in the usage', () => {
    const { out } = run(['--help']);
    expect(out).toContain('  --graph FORMAT            print a map of the paths through the objects instead of the findings:\n');
    expect(out).toContain('mermaid or dot; NetworkPolicies and the findings mark its edges');
  });
});

describe('files that are no manifests', () => {
  test('a kubeconfig given is skipped, not reported as an object of an unknown kind', () => {
    // (Shopify/krane test/fixtures/kube-config/dummy_config.yml)
    const file = write('dummy_config.yml', 'apiVersion: v1\nkind: Config\nclusters:\n  - name: c\n    cluster: {server: "https://1.2.3.4"}\ncontexts: []\nusers: []\n');
    const { code, err } = run([file]);
    expect(code).toBe(EXIT_UNREADABLE);
    expect(err).toMatch(/dummy_config\.yml \(a kubeconfig, not a manifest\)/);
  });
});
