import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-service-patterns',
  description: 'Typed cdk8s constructs for Kubernetes connectivity (Service, EndpointSlice, ExternalName, Ingress) and a manifest checker that catches mistakes before a cluster does',
  author: 'cdk8s-service-patterns maintainers',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://example.com/cdk8s-service-patterns.git',
  keywords: ['cdk8s', 'kubernetes', 'service', 'endpointslice', 'ingress', 'externalname', 'validation'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  license: 'Apache-2.0',

  // cdk8s 2.x and constructs 10.x; 2.68.11 (the exact minimum cdk8s-plus-28 asks for) is not in the registry.
  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',

  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  devDeps: ['@types/node@^20', 'cdk8s-cli@^2.207.0', 'fast-check@^4', 'ts-node'],
  // Parsing IP addresses and YAML are solved problems: use well-kept libraries, bundled as jsii requires.
  // The Gateway API CRDs' x-kubernetes-validations rules are evaluated as written with a CEL
  // evaluator (CommonJS, RE2 semantics for `matches`); @bufbuild/protobuf is its peer dependency.
  // @bufbuild/cel-spec (the evaluator's own dependency, at its version) types the rules' syntax
  // trees, parsed when the CRD data is generated: the parser costs about 1 ms per rule.
  bundledDeps: ['ipaddr.js@^2.2.0', 'yaml@^2.9.1', '@bufbuild/cel@0.6.1', '@bufbuild/cel-spec@0.6.1', '@bufbuild/protobuf@^2.17.0'],

  bin: { 'k8s-connectivity-check': 'lib/cli/main.js' },

  github: false,
  release: false,
  depsUpgrade: false,

  // Keep the targets so the library can be published like cdk8s-plus; only the npm package is built here.
  publishToPypi: { distName: 'cdk8s-service-patterns', module: 'cdk8s_service_patterns' },
  publishToMaven: {
    javaPackage: 'org.cdk8s.servicepatterns',
    mavenGroupId: 'org.cdk8s',
    mavenArtifactId: 'cdk8s-service-patterns',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8s.ServicePatterns', packageId: 'Cdk8s.ServicePatterns' },
  publishToGo: { moduleName: 'example.com/cdk8s-service-patterns-go' },

  jestOptions: {
    // Snapshots must be able to fail: `test` never writes them; `test:update` does.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
  },
  // (node_modules without a slash: a link named so, as a worktree may have, is ignored too)
  gitignore: ['examples/dist/', '.fresh-ci/', '/node_modules'],
  npmignoreEnabled: true,
  // docs/ ships in the package: the README's `./docs/*.md` links then resolve for npm readers too.
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/.ci/', '/scripts/', '/rosetta/'] },
});

project.package.addField('overrides', {
  // The registry lacks the non-Linux bindings of unrs-resolver 1.13.x, so a lockfile made
  // with it fails `npm ci` elsewhere; 1.12.2 has every binding.
  'unrs-resolver': '1.12.2',
});

// ts-jest only transpiles (isolatedModules), so type errors in tests, examples and benchmarks
// are caught here first.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json && tsc --noEmit -p examples/tsconfig.json');

// README snippets must compile against the public API (through rosetta/default.ts-fixture).
project.postCompileTask.exec('jsii-rosetta extract --strict');
project.gitignore.exclude('.jsii.tabl.json');

// `npm test` (projen's `test` task) is the one command that checks a change, on any machine
// with Node.js and npm: compile, API.md up to date, README snippets, type-check of tests and
// examples, jest, eslint. No packaging: packaging for Java, Python, .NET and Go needs
// toolchains and registries a contributor may not have (`npm run package-all`).
// The steps projen put in `test` (tsc, jest, eslint) move to `test:unit`, which `build` runs
// after its own compile, so that `build` compiles once.
const unitTask = project.addTask('test:unit', {
  description: 'Type-check tests and examples, run jest and eslint, against the last compile (`npm test` compiles first)',
});
unitTask.addSteps(...project.testTask.steps);

const apiCheckTask = project.addTask('docgen:check', {
  description: 'Fail if API.md is not what jsii-docgen makes of the compiled .jsii (fix: npx projen docgen)',
  exec: 'node projenrc/check-api-md.js',
});

project.testTask.reset();
project.testTask.description = 'Compile, check API.md is up to date, compile the README snippets, type-check tests and examples, run jest and eslint (no packaging)';
project.testTask.spawn(project.preCompileTask);
project.testTask.spawn(project.compileTask);
project.testTask.spawn(apiCheckTask);
project.testTask.spawn(project.postCompileTask);
project.testTask.spawn(unitTask, { receiveArgs: true });

// `build` keeps its order (compile, post-compile with docgen, tests, package) but runs the
// tests through `test:unit`: it has just compiled, and it regenerates API.md on purpose.
// projen locks the build task's steps, so this goes through the file's escape hatch.
const tasksFile = project.tryFindObjectFile('.projen/tasks.json');
if (!tasksFile) {
  throw new Error('no .projen/tasks.json');
}
tasksFile.addOverride('tasks.build.steps', [
  project.defaultTask!,
  project.preCompileTask,
  project.compileTask,
  project.postCompileTask,
  unitTask,
  project.packageTask,
].map((task) => ({ spawn: task.name })));

// `package` builds the npm package only, with or without CI=true; the other languages are in
// `package-all` (needs Maven, Python, .NET and Go toolchains).
const packageJs = project.tasks.tryFind('package:js');
if (!packageJs) {
  throw new Error('no package:js task');
}
project.packageTask.reset();
project.packageTask.description = 'Create the npm package (dist/js); `package-all` packages every jsii language';
project.packageTask.spawn(packageJs);

// Installs the packed library into a new app in a temporary folder as the README says, and
// runs `cdk8s synth` with the validation plugin and the CLI against it.
project.addTask('test:package', {
  description: 'Pack the compiled library, install it into a fresh app as the README says, synth with the validation plugin, run the CLI (needs a compile first)',
  exec: 'bash test/package/run.sh',
});

project.addTask('example', {
  description: 'Synthesize the example app into examples/dist',
  cwd: 'examples',
  exec: 'cdk8s synth --no-check-upgrade',
});
project.addTask('bench', {
  description: 'Synthesize N external databases + N public web apps three ways (library, raw L1, cdk8s-plus) and print time and peak memory (no assertions)',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json bench/run.ts',
});
project.addTask('bench:checker', {
  description: 'Measure the manifest checker against YAML parsing at 1k/5k/10k manifests (no assertions)',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json bench/checker.ts',
});

project.synth();
