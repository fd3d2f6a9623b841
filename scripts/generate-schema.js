#!/usr/bin/env node
// Generates src/validation/rules/_schema.ts, the field structure the strict unknown-field check
// of the manifest checker uses, for each Kubernetes version the checker knows (1.28 to 1.34).
//
// Usage (from the project root):
//   node scripts/generate-schema.js
// To regenerate from the OpenAPI itself (see scripts/extract-k8s-schema.js for the source):
//   node scripts/extract-k8s-schema.js <swagger.json of 1.NN> 1.NN "<source reference>"   (each version)
//   node scripts/generate-schema.js
//   npx jest --coverage=false test/validation/schema-versions.test.ts
//
// Input: scripts/k8s-schema/v<version>.json, one per version, each derived from the official
// OpenAPI of that release by scripts/extract-k8s-schema.js (its header says where the OpenAPI
// comes from: kubernetes/kubernetes api/openapi-spec/swagger.json of the release branch, as kept
// verbatim by kubernetes-client/python at the client tag of the release). To add a version:
// extract its JSON, add it to VERSIONS below, look at the new fields the generator lists (and add
// those that are not GA at once to GATES), then run this script and the tests.
//
// The output is compact: each type is one object whose values are short codes:
//   's' string, 'n' number, 'b' boolean, 'u' string or number (IntOrString, Time), '*' anything,
//   '<Type>' another type, '[<code>' a list of <code>, '{<code>' a map of <code>.
// 1.28 is stored in full (SCHEMA_TYPES, SCHEMA_ROOTS: the five kinds the checker serves, exactly
// as before versions existed, plus the extra roots), each later version as the type tables that
// changed since the version before it; SCHEMA_VERSIONS is built from them when the module loads,
// and a type table that does not change is the same object in every version.
'use strict';
const fs = require('fs');
const path = require('path');

/** The versions, oldest first; the first is stored in full. */
const VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34'];

/** The kinds the checker serves today; other roots of the data are extra (kept for later). */
const CHECKED = [
  'v1/Service',
  'v1/Endpoints',
  'discovery.k8s.io/v1/EndpointSlice',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/IngressClass',
];

/**
 * The feature gates of the fields newer than 1.28, with the version of each stage. The OpenAPI
 * descriptions lag behind the gates (ipMode never says it is alpha; trafficDistribution still
 * says alpha in 1.31, where it is beta; forNodes says alpha in 1.34, where it is beta), so the
 * stages come from this table; where a description loses its alpha/beta wording, the generator
 * checks that this is the GA version stated here.
 * Source: kubernetes/kubernetes pkg/features/kube_features.go (the versioned feature gate specs:
 * LoadBalancerIPMode, ServiceTrafficDistribution, PreferSameTrafficDistribution), and the KEPs
 * kubernetes/enhancements 1860 (ipMode), 4444 (trafficDistribution), 3015 (forNodes).
 */
const GATES = {
  'core.LoadBalancerIngress.ipMode': { gate: 'LoadBalancerIPMode', alpha: '1.29', beta: '1.30', ga: '1.32' },
  'core.ServiceSpec.trafficDistribution': { gate: 'ServiceTrafficDistribution', alpha: '1.30', beta: '1.31', ga: '1.33' },
  'discovery.EndpointHints.forNodes': { gate: 'PreferSameTrafficDistribution', alpha: '1.33', beta: '1.34', ga: '1.35' },
};

const minor = (v) => Number(v.split('.')[1]);

function fail(message) {
  console.error(`generate-schema: ${message}`);
  process.exit(1);
}

function load(version) {
  const file = path.join(__dirname, 'k8s-schema', `v${version}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf-8'));
  if (data.kubernetes !== version) fail(`${file} is of version ${data.kubernetes}`);
  return data;
}

/** The type names reachable from `roots` in `types`. */
function reachable(types, roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    if (!types[name]) fail(`no type ${name}`);
    seen.add(name);
    for (const code of Object.values(types[name])) {
      const target = code.replace(/^[[{]+/, '');
      if (target.length > 1) queue.push(target);
    }
  }
  return seen;
}

function pick(obj, keys) {
  const out = {};
  for (const key of Object.keys(obj)) if (keys.has(key)) out[key] = obj[key]; // in the data's order
  return out;
}

/** A TypeScript literal in the compact style of the generated file (single quotes, bare keys). */
function literal(value) {
  return JSON.stringify(value).replace(/"([A-Za-z_$][\w$]*)":/g, '$1:').replace(/"/g, '\'');
}

const data = VERSIONS.map(load);
const first = data[0];

// The roots must be the same in every version: a version that lost or moved a kind needs a
// decision, not a silent change.
for (const d of data) {
  if (literal(d.roots) !== literal(first.roots)) fail(`the roots of ${d.kubernetes} differ from ${first.kubernetes}`);
}
for (const gvk of CHECKED) if (!first.roots[gvk]) fail(`no root ${gvk}`);
const checkedRoots = {};
for (const gvk of CHECKED) checkedRoots[gvk] = first.roots[gvk];
const extraRoots = {};
for (const [gvk, type] of Object.entries(first.roots)) if (!checkedRoots[gvk]) extraRoots[gvk] = type;

const checkedNames = reachable(first.types, Object.values(checkedRoots));
const baseTypes = pick(first.types, checkedNames);
const extraTypes = pick(first.types, new Set(Object.keys(first.types).filter((n) => !checkedNames.has(n))));

// Deltas: the type tables that changed (or appeared: null for one that went away).
const deltas = {};
for (let i = 1; i < data.length; i++) {
  const before = data[i - 1].types;
  const now = data[i].types;
  const delta = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(now)])) {
    if (!now[name]) delta[name] = null;
    else if (!before[name] || literal(before[name]) !== literal(now[name])) delta[name] = now[name];
  }
  deltas[data[i].kubernetes] = delta;
}

// FIELD_SINCE: every field of a 1.28 type that a later version lists and 1.28 does not.
const fieldSince = {};
for (const d of data.slice(1)) {
  for (const [type, fields] of Object.entries(d.types)) {
    const base = first.types[type];
    if (!base) continue; // a new type is reached only through a new field
    for (const field of Object.keys(fields)) {
      const key = `${type}.${field}`;
      if (base[field] === undefined && !fieldSince[key]) fieldSince[key] = { listed: d.kubernetes };
    }
  }
}
// A field that a version lists and a later one no longer does needs a decision too.
for (let i = 1; i < data.length; i++) {
  for (const [type, fields] of Object.entries(data[i - 1].types)) {
    for (const field of Object.keys(fields)) {
      if (data[i].types[type] && data[i].types[type][field] === undefined) {
        fail(`${type}.${field} is in ${data[i - 1].kubernetes} but not in ${data[i].kubernetes}`);
      }
    }
  }
}
for (const [key, since] of Object.entries(fieldSince)) {
  const gate = GATES[key];
  const described = data.filter((d) => minor(d.kubernetes) >= minor(since.listed)).map((d) => [d.kubernetes, d.stages[key]]);
  // GA by the descriptions: the first version from which on none says alpha/beta, if any ever did.
  let describedGa;
  if (described.some(([, stage]) => stage)) {
    for (let i = described.length - 1; i >= 0 && !described[i][1]; i--) describedGa = described[i][0];
  }
  if (!gate) {
    fail(`${key} is new in ${since.listed} (described: ${described.map(([v, s]) => `${v} ${s || 'ga?'}`).join(', ')}): add it to GATES with its stages`);
  }
  if (gate.alpha && minor(gate.alpha) !== minor(since.listed)) fail(`${key}: GATES says alpha in ${gate.alpha}, the OpenAPI lists it from ${since.listed}`);
  if (describedGa && describedGa !== gate.ga) fail(`${key}: the descriptions make it GA in ${describedGa}, GATES says ${gate.ga}`);
  if (!describedGa && described.some(([, stage]) => stage) && minor(gate.ga) <= minor(VERSIONS[VERSIONS.length - 1])) {
    fail(`${key}: GATES says GA in ${gate.ga}, the descriptions still say ${described[described.length - 1][1]}`);
  }
  fieldSince[key] = { listed: since.listed, ga: gate.ga };
  if (gate.beta) fieldSince[key].beta = gate.beta;
  if (gate.gate) fieldSince[key].gate = gate.gate;
}
for (const key of Object.keys(GATES)) if (!fieldSince[key]) fail(`GATES has ${key}, which no version adds`);

const sortedSince = {};
for (const key of Object.keys(fieldSince).sort()) sortedSince[key] = fieldSince[key];

const lines = [
  '/* eslint-disable */',
  '// Generated by scripts/generate-schema.js from the official OpenAPI of Kubernetes 1.28 to 1.34',
  '// (scripts/k8s-schema/). Do not edit by hand. Codes: s string, n number, b boolean, u string or',
  '// number, * anything, <Type> another type, [<code> a list, {<code> a map.',
  '',
  '/** The struct types of Kubernetes 1.28 reachable from `SCHEMA_ROOTS`: field name to code. @internal */',
  `export const SCHEMA_TYPES: Record<string, Record<string, string>> = ${literal(baseTypes)};`,
  '',
  '/** The root type of each `apiVersion/kind` the schema knows. @internal */',
  `export const SCHEMA_ROOTS: Record<string, string> = ${literal(checkedRoots)};`,
  '',
  '/** The roots kept for later (not served by the checker yet), in every version. */',
  `const EXTRA_ROOTS: Record<string, string> = ${literal(extraRoots)};`,
  '',
  '/** The 1.28 types that only `EXTRA_ROOTS` reach. */',
  `const EXTRA_TYPES: Record<string, Record<string, string>> = ${literal(extraTypes)};`,
  '',
  '/** Per version after 1.28, the type tables changed since the version before (null: gone). */',
  `const DELTAS: Record<string, Record<string, Record<string, string> | null>> = ${literal(deltas)};`,
  '',
  '/** The Kubernetes versions the schema knows, oldest first; the first is the default. @internal */',
  `export const SCHEMA_VERSION_NAMES: readonly string[] = ${literal(VERSIONS)};`,
  '',
  '/** The schema of one Kubernetes version. @internal */',
  'export interface SchemaVersion {',
  '  /** The struct types: field name to code. */',
  '  readonly types: Record<string, Record<string, string>>;',
  '  /** The root type of each `apiVersion/kind`. */',
  '  readonly roots: Record<string, string>;',
  '}',
  '',
  '/**',
  ' * The schema of each version of `SCHEMA_VERSION_NAMES`, with every field its OpenAPI lists, alpha',
  ' * and beta ones too (see `FIELD_SINCE`). A type table that is the same in two versions is the',
  ' * same object; two versions with no change between them share their `types`. @internal',
  ' */',
  'export const SCHEMA_VERSIONS: Record<string, SchemaVersion> = {};',
  '{',
  '  const roots = { ...SCHEMA_ROOTS, ...EXTRA_ROOTS };',
  '  let types: Record<string, Record<string, string>> = { ...SCHEMA_TYPES, ...EXTRA_TYPES };',
  '  for (const version of SCHEMA_VERSION_NAMES) {',
  '    const delta = DELTAS[version];',
  '    if (delta !== undefined && Object.keys(delta).length > 0) {',
  '      types = { ...types };',
  '      for (const name of Object.keys(delta)) {',
  '        const table = delta[name];',
  '        if (table === null) {',
  '          delete types[name];',
  '        } else {',
  '          types[name] = table;',
  '        }',
  '      }',
  '    }',
  '    SCHEMA_VERSIONS[version] = { types, roots };',
  '  }',
  '}',
  '',
  '/** When a field newer than 1.28 came, by the OpenAPI and the feature gate that guards it. @internal */',
  'export interface FieldSince {',
  '  /** The first version whose OpenAPI lists the field (as alpha, if it has stages). */',
  '  readonly listed: string;',
  '  /** The version where it became beta, if it had that stage. */',
  '  readonly beta?: string;',
  '  /** The version where it became GA: it may be later than the newest version known here. */',
  '  readonly ga: string;',
  '  /** The feature gate that guards it before GA. */',
  '  readonly gate?: string;',
  '}',
  '',
  '/**',
  ' * Every field, keyed `<Type>.<field>`, of a 1.28 type that a later OpenAPI lists and 1.28 does not',
  ' * (the fields of types new since 1.28 are reached only through these). A checker that accepts a',
  ' * field only from its GA version on treats it as unknown before `ga`. The stages come from the',
  ' * versioned feature gates of Kubernetes (pkg/features/kube_features.go) and agree with the',
  ' * alpha/beta wording of the OpenAPI descriptions, where they have one. @internal',
  ' */',
  `export const FIELD_SINCE: Record<string, FieldSince> = ${literal(sortedSince)};`,
  '',
];
const out = path.join(__dirname, '..', 'src', 'validation', 'rules', '_schema.ts');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.join('\n'));
console.log(`wrote ${path.relative(process.cwd(), out)} (${VERSIONS.length} versions, ${Object.keys(baseTypes).length} + ${Object.keys(extraTypes).length} types in 1.28)`);
for (const [key, since] of Object.entries(sortedSince)) {
  console.log(`  ${key}: listed ${since.listed}, beta ${since.beta || '-'}, GA ${since.ga} (${since.gate || 'no gate'})`);
}
