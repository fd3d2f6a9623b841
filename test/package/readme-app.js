// Writes the README's smallest app into a folder: each fenced block right after a
// `<!-- smallest app: FILE -->` line becomes FILE. Fails if one of the files is missing, so the
// package test always builds the app the README shows.
//   node test/package/readme-app.js README.md <folder>
const fs = require('fs');
const path = require('path');

const [readme, dir] = process.argv.slice(2);
const text = fs.readFileSync(readme, 'utf8');
const block = /^<!-- smallest app: (\S+) -->\n```[^\n]*\n([\s\S]*?)^```$/gm;
const written = [];
let m;
while ((m = block.exec(text)) !== null) {
  fs.writeFileSync(path.join(dir, m[1]), m[2]);
  written.push(m[1]);
}
for (const want of ['tsconfig.json', 'cdk8s.yaml', 'main.ts']) {
  if (!written.includes(want)) {
    console.error(`the README has no '<!-- smallest app: ${want} -->' block`);
    process.exit(1);
  }
}
console.log(`   from the README: ${written.join(', ')}`);
