#!/usr/bin/env bash
# The package as a user gets it: pack the compiled library the way it is published
# (jsii-pacmak, JavaScript target), install the tarball into a new app in a temporary folder
# as the README's "Install" section says, and check that
#   1. the smallest app of the README (its files are taken from README.md), with the
#      validation plugin on in cdk8s.yaml,
#      synthesizes (`npx cdk8s synth`) and `npx k8s-connectivity-check dist/` finds nothing;
#   2. an app with a mistake fails `cdk8s synth` with the problem printed once;
#   3. the validation plugin fails `cdk8s synth` for a mistake only the checker sees (a raw
#      EndpointSlice whose Service does not exist).
# Needs a compiled library (lib/ and .jsii: `npm test` or `npx projen compile` first) and the
# npm registry or an npm cache that holds the app's dependencies. KEEP_TMP=1 keeps the folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
start=$(date +%s)

step() { echo "== test:package [$(( $(date +%s) - start ))s] $*"; }
fail() { echo "test:package FAILED: $*" >&2; exit 1; }

[ -f .jsii ] && [ -f lib/index.js ] || fail "no compiled library (lib/, .jsii): run 'npm test' or 'npx projen compile' first"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cdk8s-service-patterns-package.XXXXXX")
if [ "${KEEP_TMP:-}" = "1" ]; then
  echo "(keeping $tmp)"
else
  trap 'rm -rf "$tmp"' EXIT
fi

step "pack the library with jsii-pacmak (JavaScript target) into $tmp/dist"
npx jsii-pacmak --target js --outdir "$tmp/dist" >"$tmp/pacmak.log" 2>&1 || { cat "$tmp/pacmak.log"; fail "jsii-pacmak failed"; }
tarball=$(ls "$tmp"/dist/js/*.tgz)
echo "   $(basename "$tarball"): $(du -k "$tarball" | cut -f1) KB"

step "check the tarball holds lib/, .jsii, README.md, docs/ (the README links there) and no src/"
contents=$(tar -tzf "$tarball")
for f in package/.jsii package/package.json package/README.md package/API.md package/lib/index.js package/lib/index.d.ts \
  package/lib/cli/main.js package/lib/cli/cdk8s-plugin.js \
  package/docs/checker.md package/docs/external.md package/docs/stateful.md package/docs/web.md \
  package/docs/gateway.md package/docs/gateway-checker.md package/docs/map.md; do
  grep -qxF "$f" <<<"$contents" || fail "$f is not in the package"
done
# Every ./docs/*.md the README links to must be in the package.
for link in $(grep -o '(\./docs/[^)#]*' README.md | sed 's/^(\.\///' | sort -u); do
  grep -qxF "package/$link" <<<"$contents" || fail "README links to ./$link, which the package does not ship"
done
if grep -q '^package/src/' <<<"$contents"; then fail "the package ships src/"; fi
if grep -q '^package/test/' <<<"$contents"; then fail "the package ships test/"; fi

# The versions the library is built and tested with (from this project's install), so that an
# npm cache filled by `npm ci` serves them.
version_of() { node -p "require('$root/node_modules/$1/package.json').version"; }
deps="cdk8s@$(version_of cdk8s) cdk8s-plus-28@$(version_of cdk8s-plus-28) constructs@$(version_of constructs)"
devdeps="cdk8s-cli@$(version_of cdk8s-cli) ts-node@$(version_of ts-node) typescript@$(version_of typescript) @types/node@$(version_of @types/node)"

app="$tmp/app"
mkdir -p "$app"
cd "$app"
step "create an app in $app: npm init, npm install <tarball> $deps, npm install -D $devdeps"
npm init -y >/dev/null
npm_flags=(--prefer-offline --no-audit --no-fund --loglevel=error)
npm install "${npm_flags[@]}" "$tarball" $deps
npm install "${npm_flags[@]}" --save-dev $devdeps
[ -f node_modules/cdk8s-service-patterns/lib/cli/cdk8s-plugin.js ] || fail "the plugin is not at node_modules/cdk8s-service-patterns/lib/cli/cdk8s-plugin.js"

# The README's smallest app (tsconfig.json, cdk8s.yaml with the validation plugin, main.ts).
node "$root/test/package/readme-app.js" "$root/README.md" .
grep -q 'ConnectivityCheckValidation' cdk8s.yaml || fail "the README's cdk8s.yaml does not turn the validation plugin on"

step "1. the smallest app: npx cdk8s synth (validation plugin on)"
status=0
npx cdk8s synth --no-check-upgrade --validation-reports-output-file validation-report.json >synth.log 2>&1 || status=$?
cat synth.log
[ "$status" -eq 0 ] || fail "cdk8s synth of the smallest app exited $status"
[ -s dist/shop.k8s.yaml ] || fail "no dist/shop.k8s.yaml"
grep -q 'kind: EndpointSlice' dist/shop.k8s.yaml || fail "dist/shop.k8s.yaml has no EndpointSlice"
node -e '
  const report = JSON.parse(require("fs").readFileSync("validation-report.json", "utf8"));
  const ours = (report.reports || []).filter((r) => /cdk8s-plugin\.js$/.test(r.summary.plugin));
  if (ours.length !== 1 || ours[0].summary.status !== "success") {
    console.error(JSON.stringify(report, null, 2));
    process.exit(1);
  }
  console.log(`   validation plugin: ${ours[0].summary.status}, ${JSON.stringify(ours[0].summary.metadata)}`);
' || fail "the validation plugin did not run, or did not succeed"

# With validations in cdk8s.yaml, cdk8s-cli also writes dist/construct-metadata.json: the CLI
# must skip it (it holds no Kubernetes object) and check the manifests of the whole folder.
checked="dist/"
[ -f dist/construct-metadata.json ] || fail "cdk8s-cli wrote no dist/construct-metadata.json: this step would not show that the CLI skips it"
step "1. npx k8s-connectivity-check $checked (expect exit 0)"
status=0
npx k8s-connectivity-check $checked || status=$?
[ "$status" -eq 0 ] || fail "k8s-connectivity-check $checked exited $status on the smallest app"

step "2. an app with a mistake (a loopback address): npx cdk8s synth must fail and print the problem once"
rm -rf dist
cat >main.ts <<'EOF'
import { App, Chart } from 'cdk8s';
import { ExternalBackend, ExternalService } from 'cdk8s-service-patterns';

const app = new App();
const chart = new Chart(app, 'shop');
new ExternalService(chart, 'Db', {
  backend: ExternalBackend.addresses(['127.0.0.1']),
  ports: [{ port: 5432 }],
});
app.synth();
EOF
status=0
npx cdk8s synth --no-check-upgrade >synth.log 2>&1 || status=$?
echo "--- cdk8s synth output ($(wc -l <synth.log) lines, exit $status):"
cat synth.log
echo "---"
[ "$status" -ne 0 ] || fail "cdk8s synth of an app with a loopback address exited 0"
problem="\`backend.addresses[0]\` must not be a loopback address"
count=$(grep -cF -- "$problem" synth.log || true)
[ "$count" -eq 1 ] || fail "the problem '$problem' is printed $count times, not once"
grep -qF 'ValidationError: validation failed with 1 problem' synth.log || fail "no 'ValidationError: validation failed with 1 problem' line"
if grep -q 'problems: \[' synth.log; then fail "the problems array is dumped"; fi
if grep -qE 'node_modules/cdk8s-service-patterns/(lib|src)/' synth.log; then fail "the output has frames inside the library"; fi
[ ! -e dist/shop.k8s.yaml ] || fail "a failed synth wrote dist/shop.k8s.yaml"

step "3. a mistake only the checker sees (an EndpointSlice for a Service that does not exist): the validation plugin must fail the synth"
cat >main.ts <<'EOF'
import { ApiObject, App, Chart } from 'cdk8s';

const app = new App();
const chart = new Chart(app, 'shop');
new ApiObject(chart, 'Slice', {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'orders-db-1', labels: { 'kubernetes.io/service-name': 'orders-db' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.0.4.17'] }],
  ports: [{ name: 'postgresql', port: 5432 }],
});
app.synth();
EOF
status=0
npx cdk8s synth --no-check-upgrade >synth.log 2>&1 || status=$?
echo "--- cdk8s synth output ($(wc -l <synth.log) lines, exit $status):"
cat synth.log
echo "---"
[ "$status" -ne 0 ] || fail "cdk8s synth with the validation plugin exited 0 for a slice without its Service"
grep -q 'XREF004' synth.log || fail "the validation report does not name XREF004"

step "passed in $(( $(date +%s) - start ))s"
