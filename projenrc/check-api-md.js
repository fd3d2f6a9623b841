// `npx projen docgen:check` (part of `npm test`): fails when API.md is not what jsii-docgen
// makes of the compiled .jsii, i.e. the public API changed and API.md was not regenerated.
// API.md itself is not touched: the fresh text goes to a temporary file and is compared.
// Needs no git, so it works in a fresh clone and in a checkout without history alike.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const committed = path.join(root, 'API.md');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-md-'));
const fresh = path.join(dir, 'API.md');
try {
  const docgen = path.join(path.dirname(require.resolve('jsii-docgen/package.json')), 'bin', 'jsii-docgen');
  const run = spawnSync(process.execPath, [docgen, '-o', fresh], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`jsii-docgen failed (exit ${run.status}); is the library compiled (npx projen compile)?`);
    process.exit(1);
  }
  const want = fs.readFileSync(fresh, 'utf8');
  const have = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
  if (want !== have) {
    const a = have.split('\n');
    const b = want.split('\n');
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) {
      line++;
    }
    console.error(`API.md is out of date with the public API (first difference at line ${line + 1}):`);
    console.error(`  API.md:   ${JSON.stringify(a[line] ?? '(end of file)').slice(0, 200)}`);
    console.error(`  expected: ${JSON.stringify(b[line] ?? '(end of file)').slice(0, 200)}`);
    console.error("Run 'npx projen docgen' and commit API.md.");
    process.exit(1);
  }
  console.log('API.md is up to date');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
