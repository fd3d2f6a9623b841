// One benchmark measurement in a fresh process: build N units one way, synthesize them to a
// temporary folder, and print the time and memory as JSON.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { addUnits, Way } from './units';

const way = process.argv[2] as Way;
const n = Number(process.argv[3]);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));

global.gc?.();
const baselineRss = process.memoryUsage().rss;
let peakHeap = 0;
const sampler = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 5);

const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
const app = new App({ outdir });
// One chart: cdk8s validates the whole app again for every chart it writes, a cost that grows
// with charts x objects whatever builds the objects.
const chart = new Chart(app, 'bench');
addUnits(way, chart, n);
const built = process.hrtime.bigint();
app.synth();
const end = process.hrtime.bigint();
const cpu = process.cpuUsage(cpuStart);
clearInterval(sampler);

const files = fs.readdirSync(outdir);
const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(outdir, f)).size, 0);
fs.rmSync(outdir, { recursive: true, force: true });
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({
  way,
  n,
  constructMs: Number(built - start) / 1e6,
  synthMs: Number(end - built) / 1e6,
  totalMs: Number(end - start) / 1e6,
  // user + system CPU time of the build and synth: what the machine's load does not inflate
  cpuMs: (cpu.user + cpu.system) / 1e3,
  peakRssMb: maxRssBytes / 2 ** 20,
  synthRssMb: (maxRssBytes - baselineRss) / 2 ** 20,
  yamlBytes: bytes,
}));
