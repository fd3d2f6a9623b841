#!/usr/bin/env node
// Derives, from the official OpenAPI (v2, swagger.json) of one Kubernetes release, the compact
// field structure the manifest checker needs, and writes it to scripts/k8s-schema/v<version>.json.
// scripts/generate-schema.js then turns the files of that folder into src/validation/rules/_schema.ts.
//
// Usage: node scripts/extract-k8s-schema.js <swagger.json> <version> "<source reference>"
//   e.g. node scripts/extract-k8s-schema.js swagger.json 1.30 \
//          "kubernetes/kubernetes api/openapi-spec/swagger.json, branch release-1.30 (...)"
//
// Where the OpenAPI comes from: kubernetes/kubernetes keeps it as api/openapi-spec/swagger.json
// (one per release branch and tag). The files committed here were read from the verbatim copy
// that the official Python client keeps of it for each release: kubernetes-client/python,
// file kubernetes/swagger.json.unprocessed at the client tag of that release (v28.1.0 for 1.28,
// v29.0.0, v30.1.0, v31.0.0, v32.0.1, v33.1.0, v34.1.0; its scripts/constants.py names the
// release branch it was taken from, KUBERNETES_BRANCH = "release-1.NN"). In a clone of that
// repository: git show v30.1.0:kubernetes/swagger.json.unprocessed > swagger.json
// The file at the kubernetes/kubernetes tag (v1.30.0 ...) serves as well: fields do not change
// in patch releases. Cross-check made when the files were derived: the field names of every
// core, discovery and networking type kept here equal the json tags of the Go types of
// kubernetes/api (k8s.io/api) at tags v0.28.0 to v0.34.0, and the 1.28 data of the five checked
// kinds equals the structural schema of k8s.io/client-go v0.28.15 that _schema.ts came from.
//
// What is kept, starting from the roots below and following every $ref:
// - each struct type (a definition with properties), its fields as codes:
//   's' string, 'n' number (integer or number), 'b' boolean, 'u' string or number, '*' anything,
//   '<Type>' another struct type, '[<code>' a list of <code>, '{<code>' a map of <code>.
//   A $ref to a definition that is not a struct is inlined, with the conventions of the
//   structural schema in k8s.io/client-go (applyconfigurations) that _schema.ts first came from:
//   a named string type (IntOrString, Time, MicroTime, Quantity) is 'u' ("untyped": each has its
//   own parser), a named object without properties (FieldsV1) is '*'.
// - `stages`: the fields whose OpenAPI description says that they are alpha or beta (or behind a
//   feature gate), keyed "<Type>.<field>", so that generate-schema.js can tell when a field that
//   is newer than 1.28 became GA. The wording is kept as the OpenAPI has it, old remarks too
//   (NetworkPolicySpec.egress says it was "beta-level in 1.8"); only new fields' stages are used.
// Type names are shortened as in _schema.ts: core., discovery., networking., meta., intstr.
'use strict';
const fs = require('fs');
const path = require('path');

/** The kinds the checker knows (`apiVersion/kind` -> definition), and extra ones kept for later. */
const ROOTS = {
  'v1/Service': 'io.k8s.api.core.v1.Service',
  'v1/Endpoints': 'io.k8s.api.core.v1.Endpoints',
  'discovery.k8s.io/v1/EndpointSlice': 'io.k8s.api.discovery.v1.EndpointSlice',
  'networking.k8s.io/v1/Ingress': 'io.k8s.api.networking.v1.Ingress',
  'networking.k8s.io/v1/IngressClass': 'io.k8s.api.networking.v1.IngressClass',
  'networking.k8s.io/v1/NetworkPolicy': 'io.k8s.api.networking.v1.NetworkPolicy',
};

function short(name) {
  return name
    .replace(/^io\.k8s\.api\.core\.v1\./, 'core.')
    .replace(/^io\.k8s\.api\.discovery\.v1\./, 'discovery.')
    .replace(/^io\.k8s\.api\.networking\.v1\./, 'networking.')
    .replace(/^io\.k8s\.apimachinery\.pkg\.apis\.meta\.v1\./, 'meta.')
    .replace(/^io\.k8s\.apimachinery\.pkg\.util\.intstr\./, 'intstr.');
}

const LONG = { core: 'io.k8s.api.core.v1', discovery: 'io.k8s.api.discovery.v1', networking: 'io.k8s.api.networking.v1', meta: 'io.k8s.apimachinery.pkg.apis.meta.v1', intstr: 'io.k8s.apimachinery.pkg.util.intstr' };

/** Orders short type names by their full definition names. */
function byLongName(a, b) {
  const long = (n) => n.replace(/^([a-z]+)\./, (m, p) => `${LONG[p] || p}.`);
  return long(a).localeCompare(long(b));
}

/**
 * The maturity a field's description states, or undefined for none: 'alpha' or 'beta' where the
 * text says so, 'gated' where it names a feature gate without a stage.
 */
function stageOf(description) {
  const text = description || '';
  if (/\balpha\b/i.test(text)) return 'alpha';
  if (/\bbeta\b/i.test(text)) return 'beta';
  if (/feature[- ]?gate/i.test(text)) return 'gated';
  return undefined;
}

function extract(openapi) {
  const defs = openapi.definitions;
  if (!defs) throw new Error('not an OpenAPI v2 document: no definitions');
  const types = {};
  const stages = {};
  const pending = [];

  function refName(spec) {
    const m = /^#\/definitions\/(.+)$/.exec(spec.$ref);
    if (!m || !defs[m[1]]) throw new Error(`unresolved $ref ${spec.$ref}`);
    return m[1];
  }

  function code(spec, where) {
    if (spec.$ref) {
      const name = refName(spec);
      const def = defs[name];
      if (def.properties) {
        pending.push(name);
        return short(name);
      }
      // Not a struct: inlined.
      if (def.type === 'string') return 'u';
      if (def.type === 'object' && !def.additionalProperties) return '*';
      return code(def, where);
    }
    if (spec['x-kubernetes-int-or-string']) return 'u';
    switch (spec.type) {
      case 'string': return 's';
      case 'integer': case 'number': return 'n';
      case 'boolean': return 'b';
      case 'array': return `[${code(spec.items, where)}`;
      case 'object':
        if (spec.additionalProperties) return `{${code(spec.additionalProperties, where)}`;
        if (spec.properties) throw new Error(`inline struct at ${where}`);
        return '*';
      default:
        throw new Error(`unknown field spec at ${where}: ${JSON.stringify(spec)}`);
    }
  }

  const roots = {};
  for (const [gvk, name] of Object.entries(ROOTS)) {
    if (!defs[name]) throw new Error(`no definition ${name}`);
    roots[gvk] = short(name);
    pending.push(name);
  }
  while (pending.length > 0) {
    const name = pending.shift();
    const key = short(name);
    if (types[key]) continue;
    const def = defs[name];
    const fields = {};
    types[key] = fields; // before its fields: a struct may contain itself
    for (const field of Object.keys(def.properties).sort((a, b) => a.localeCompare(b))) {
      const spec = def.properties[field];
      fields[field] = code(spec, `${name}.${field}`);
      const stage = stageOf(spec.description);
      if (stage) stages[`${key}.${field}`] = stage;
    }
  }
  // Ordered as _schema.ts always was: by full definition name, then field name (localeCompare).
  const sortedTypes = {};
  for (const key of Object.keys(types).sort(byLongName)) sortedTypes[key] = types[key];
  const sortedStages = {};
  for (const key of Object.keys(stages).sort()) sortedStages[key] = stages[key];
  return { roots, types: sortedTypes, stages: sortedStages };
}

function main() {
  const [input, version, source] = process.argv.slice(2);
  if (!input || !/^1\.\d+$/.test(version || '') || !source) {
    console.error('usage: node scripts/extract-k8s-schema.js <swagger.json> <1.NN> "<source reference>"');
    process.exit(2);
  }
  const data = { kubernetes: version, source, ...extract(JSON.parse(fs.readFileSync(input, 'utf-8'))) };
  const out = path.join(__dirname, 'k8s-schema', `v${version}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // One line per type: small, and a diff between versions reads type by type.
  const lines = ['{'];
  lines.push(` "kubernetes": ${JSON.stringify(data.kubernetes)},`);
  lines.push(` "source": ${JSON.stringify(data.source)},`);
  lines.push(` "roots": ${JSON.stringify(data.roots)},`);
  lines.push(' "types": {');
  const names = Object.keys(data.types);
  names.forEach((n, i) => lines.push(`  ${JSON.stringify(n)}: ${JSON.stringify(data.types[n])}${i < names.length - 1 ? ',' : ''}`));
  lines.push(' },');
  lines.push(` "stages": ${JSON.stringify(data.stages)}`);
  lines.push('}');
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`wrote ${path.relative(process.cwd(), out)} (${names.length} types, ${Object.keys(data.stages).length} staged fields)`);
}

if (require.main === module) main();
module.exports = { extract, stageOf, byLongName, ROOTS };
