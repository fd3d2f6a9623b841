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
  bundledDeps: ['ipaddr.js@^2.2.0', 'yaml@^2.9.1', '@bufbuild/cel@0.6.1', '@bufbuild/protobuf@^2.17.0'],

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
  gitignore: ['examples/dist/', '.fresh-ci/'],
  npmignoreEnabled: true,
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/.ci/', '/scripts/', '/docs/', '/rosetta/'] },
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
