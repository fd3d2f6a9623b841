// `npm run bench`: synthesizes N external databases + N public web apps (N = 100, 1000, 10000)
// four ways (BENCH_WAYS: library, l1, plus, gateway), each measurement in a fresh process, the
// ways alternated within each of BENCH_REPEATS repeats, and prints the medians of time, CPU time
// and peak memory. No assertions: the figures go into the README's performance section.
import { execFileSync } from 'child_process';
import * as path from 'path';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? '5');
const ways = (process.env.BENCH_WAYS ?? 'library,l1,plus,gateway').split(',');

interface Result {
  way: string; n: number; constructMs: number; synthMs: number; totalMs: number; cpuMs: number; peakRssMb: number; synthRssMb: number; yamlBytes: number;
}

function measure(way: string, n: number): Result {
  const out = execFileSync(process.execPath, [
    '--expose-gc', '--max-old-space-size=8192', '-r', 'ts-node/register/transpile-only',
    path.join(__dirname, '_worker.ts'), way, String(n),
  ], { env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'examples', 'tsconfig.json') }, maxBuffer: 1 << 20 });
  return JSON.parse(out.toString());
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows: string[] = [];
const table: Record<string, Record<number, Result>> = {};
for (const n of sizes) {
  // The ways alternate within each repeat (library, l1, plus, gateway, library, ...), so that a
  // change in the machine's load falls on every way alike.
  const runs: Record<string, Result[]> = {};
  for (let r = 0; r < repeats; r++) {
    for (const way of ways) {
      (runs[way] ??= []).push(measure(way, n));
    }
  }
  for (const way of ways) {
    const of = runs[way];
    const best: Result = {
      ...of[0],
      constructMs: median(of.map((x) => x.constructMs)),
      synthMs: median(of.map((x) => x.synthMs)),
      totalMs: median(of.map((x) => x.totalMs)),
      cpuMs: median(of.map((x) => x.cpuMs)),
      peakRssMb: median(of.map((x) => x.peakRssMb)),
      synthRssMb: median(of.map((x) => x.synthRssMb)),
    };
    (table[way] ??= {})[n] = best;
    const line = `| ${way.padEnd(7)} | ${String(n).padStart(6)} | ${best.constructMs.toFixed(0).padStart(8)} | ${best.synthMs.toFixed(0).padStart(8)} | ${best.totalMs.toFixed(0).padStart(8)} | ${best.cpuMs.toFixed(0).padStart(6)} | ${best.peakRssMb.toFixed(0).padStart(8)} | ${best.synthRssMb.toFixed(0).padStart(10)} | ${(best.yamlBytes / 2 ** 20).toFixed(1).padStart(7)} |`;
    rows.push(line);
    process.stderr.write(`${line}\n`);
  }
}

console.log(`median of ${repeats} runs per cell, each in a fresh process, the ways alternated; units = N external databases + N public web apps`);
console.log('| way     |      N | build ms | synth ms | total ms | CPU ms | peak RSS MB | RSS growth MB | YAML MB |');
console.log('| ------- | -----: | -------: | -------: | -------: | -----: | ----------: | ------------: | ------: |');
rows.forEach((r) => console.log(r));
const has = (way: string) => ways.includes(way);
if (has('library') && has('l1') && has('plus')) {
  console.log('\nratios (library / l1, library / plus) and growth per 10x units (library):');
  for (const n of sizes) {
    const lib = table.library[n];
    const l1 = table.l1[n];
    const plus = table.plus[n];
    console.log(`N=${n}: time ${(lib.totalMs / l1.totalMs).toFixed(2)}x l1, ${(lib.totalMs / plus.totalMs).toFixed(2)}x plus; CPU ${(lib.cpuMs / l1.cpuMs).toFixed(2)}x l1, ${(lib.cpuMs / plus.cpuMs).toFixed(2)}x plus; peak RSS ${(lib.peakRssMb / l1.peakRssMb).toFixed(2)}x l1, ${(lib.peakRssMb / plus.peakRssMb).toFixed(2)}x plus`);
  }
  for (let i = 1; i < sizes.length; i++) {
    const a = table.library[sizes[i - 1]];
    const b = table.library[sizes[i]];
    console.log(`N ${sizes[i - 1]} -> ${sizes[i]} (${sizes[i] / sizes[i - 1]}x units): library time ${(b.totalMs / a.totalMs).toFixed(2)}x, l1 time ${(table.l1[sizes[i]].totalMs / table.l1[sizes[i - 1]].totalMs).toFixed(2)}x`);
  }
}
if (has('library') && has('gateway')) {
  console.log('\nthe same apps on the Gateway API (gateway / library, Ingress):');
  for (const n of sizes) {
    const lib = table.library[n];
    const gw = table.gateway[n];
    console.log(`N=${n}: time ${(gw.totalMs / lib.totalMs).toFixed(2)}x, CPU ${(gw.cpuMs / lib.cpuMs).toFixed(2)}x, peak RSS ${(gw.peakRssMb / lib.peakRssMb).toFixed(2)}x, YAML ${(gw.yamlBytes / lib.yamlBytes).toFixed(2)}x`);
  }
}
