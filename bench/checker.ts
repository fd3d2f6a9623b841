// Benchmark of the manifest checker: is its cost linear in the number of manifests, and below
// the cost of parsing their YAML? Prints a table; asserts nothing.
//
//   npx ts-node --project examples/tsconfig.json bench/checker.ts
import * as YAML from 'yaml';
import { ManifestChecker } from '../src';

const SIZES = [1000, 5000, 10000];
const REPETITIONS = 7;
const NAMESPACES = 10;

/** Four objects per application: a Deployment, its Service, an extra EndpointSlice and an Ingress. */
function manifests(count: number): any[] {
  const out: any[] = [];
  for (let i = 0; out.length < count; i++) {
    const name = `app-${i}`;
    const namespace = `team-${i % NAMESPACES}`;
    const labels = { app: name };
    out.push({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace },
      spec: {
        replicas: 3, selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'nginx:1.25', ports: [{ name: 'http', containerPort: 8080 }] }] } },
      },
    });
    out.push({
      apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels },
      spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    out.push({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: `${name}-extra`, namespace, labels: { 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'bench.example.com' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [`10.${i % 200}.${(i >> 8) % 250}.${(i % 250) + 1}`] }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    });
    out.push({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }],
        rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }] } }],
      },
    });
  }
  return out.slice(0, count);
}

function ms(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Warm the JIT up on the largest input first, so the smallest size is not measured cold.
{
  const warm = manifests(SIZES[SIZES.length - 1]);
  ManifestChecker.check(YAML.parseAllDocuments(warm.map((o) => YAML.stringify(o)).join('---\n')).map((d) => d.toJS()));
}

const rows: string[][] = [];
for (const size of SIZES) {
  const objects = manifests(size);
  const text = objects.map((o) => YAML.stringify(o)).join('---\n');
  let parsed: any[] = [];
  let findings = 0;
  // One warm-up run of each, then the measured repetitions.
  parsed = YAML.parseAllDocuments(text).map((d) => d.toJS());
  ManifestChecker.check(parsed);
  const parseTimes: number[] = [];
  const checkTimes: number[] = [];
  for (let r = 0; r < REPETITIONS; r++) {
    parseTimes.push(ms(() => { parsed = YAML.parseAllDocuments(text).map((d) => d.toJS()); }));
    checkTimes.push(ms(() => { findings = ManifestChecker.check(parsed).length; }));
  }
  const parse = median(parseTimes);
  const check = median(checkTimes);
  rows.push([
    String(size),
    `${(text.length / 1e6).toFixed(1)} MB`,
    parse.toFixed(0),
    check.toFixed(0),
    ((check * 1000) / size).toFixed(1),
    (check / parse).toFixed(2),
    String(findings),
  ]);
}

const header = ['manifests', 'YAML', 'parse ms', 'check ms', 'check µs/object', 'check/parse', 'findings'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
console.log(`median of ${REPETITIONS} runs, node ${process.version}`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) {
  console.log(line(r));
}
