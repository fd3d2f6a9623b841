// The examples of docs/map.md, run here so that they stay true.
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ConnectivityMap, ManifestChecker, MapEdgeStatus } from '../../src';
import { CliIo, EXIT_CLEAN, main } from '../../src/cli/main';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'map.md'), 'utf-8');

/** The text of the first fenced block of a language in the doc. */
function block(lang: string): string {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\`\\n`).exec(DOC);
  if (!m) throw new Error(`no ${lang} block in docs/map.md`);
  return m[1];
}

test('the Mermaid example is what the CLI prints for the YAML example', () => {
  // GIVEN
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readStdin: () => block('yaml') };
  // WHEN
  const code = main(['--graph', 'mermaid', '-'], io);
  // THEN
  expect(code).toBe(EXIT_CLEAN);
  expect(err).toBe('k8s-connectivity-check: 2 warnings marked on the map; run without --graph to list them\n');
  expect(out).toBe(block('mermaid'));
});

test('the code example compiles, runs, and is the one in the doc', () => {
  // --- docs example: start
  const app = new App();
  const chart = new Chart(app, 'Shop', { namespace: 'shop' });
  const labels = { 'app.kubernetes.io/name': 'web' };
  new k8s.KubeDeployment(chart, 'Web', {
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'web', image: 'web:1.4', ports: [{ name: 'http', containerPort: 8080 }] }] },
      },
    },
  });
  new k8s.KubeService(chart, 'Service', {
    metadata: { name: 'web' },
    spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http') }] },
  });

  // the map of one chart, or of every chart of the app
  const mermaid = ConnectivityMap.fromChart(chart).toMermaid();

  // with the checker's findings marked: check the same objects, in the same order
  const manifests = ConnectivityMap.manifestsOf(app);
  const map = ConnectivityMap.fromApp(app, { findings: ManifestChecker.check(manifests) });
  const dot = map.toDot();

  // or over any manifests, such as YAML documents parsed with the `yaml` package
  const fromYaml = ConnectivityMap.fromManifests(manifests, { namespace: 'shop' });
  // --- docs example: end

  // THEN the doc shows this code
  const source = fs.readFileSync(__filename, 'utf-8');
  const snippet = /\/\/ --- docs example: start\n([\s\S]*?) {2}\/\/ --- docs example: end/.exec(source)![1]
    .split('\n').map((l) => l.replace(/^ {2}/, '')).join('\n');
  expect(block('ts')).toContain(snippet);
  // and it maps what it builds
  expect(mermaid).toContain('svc_shop_web -->|"http:80 → http"| deploy_shop_shop_web_c8');
  expect(dot).toContain('"svc_shop_web" -> "deploy_shop_shop_web_c8');
  expect(map.edges.every((e) => e.status === MapEdgeStatus.NORMAL)).toBe(true);
  expect(fromYaml.toMermaid()).toBe(mermaid);
});
