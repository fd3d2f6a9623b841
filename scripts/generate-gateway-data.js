#!/usr/bin/env node
/*
 * Generates src/validation/rules/gateway/_crd-data.ts from the Gateway API CRDs
 * (scripts/gateway-api/*.yaml: the v1.6.1 standard-channel CRDs of kubernetes-sigs/gateway-api): for each kind, which apiVersions the CRD serves,
 * and for each served version the OpenAPI schema as the checker needs it (types, enums, limits,
 * patterns, required fields, defaults, list types and map keys, and each x-kubernetes-validations
 * CEL rule with its message and its parsed syntax tree). Descriptions are dropped; `status` is dropped too, since the API
 * server ignores the status of an object created through the main resource.
 *
 * Usage: node scripts/generate-gateway-data.js [crd-dir] [out-file]
 * The test test/validation/gateway/data.test.ts regenerates the text in memory and compares it.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_CRDS = [path.join(ROOT, 'scripts', 'gateway-api')];
const DEFAULT_OUT = path.join(ROOT, 'src', 'validation', 'rules', 'gateway', '_crd-data.ts');

/** The folder of the CRDs: the argument, else the copy kept in scripts/gateway-api. */
function crdDir(arg) {
  if (arg) return arg;
  for (const d of DEFAULT_CRDS) {
    if (fs.existsSync(path.join(d, 'httproutes.yaml'))) return d;
  }
  throw new Error('cannot find the Gateway API CRDs: pass their folder as the first argument');
}

/**
 * One schema node, compact. Keys: t type, p properties, r required, i items, a additionalProperties
 * (a node, or true for any value), u x-kubernetes-preserve-unknown-fields, o x-kubernetes-int-or-string,
 * e enum, d default, n nullable, f format, x pattern, minL/maxL maxLength, minI/maxI items,
 * minP/maxP properties, min/max, lt list type, lk list map keys, v CEL rules (indexes into `rules`),
 * one/any/not the oneOf/anyOf/not alternatives.
 */
function compact(s, rules, ruleIndex) {
  const n = {};
  if (s.type) n.t = s.type;
  if (s['x-kubernetes-int-or-string']) n.o = true;
  if (s['x-kubernetes-preserve-unknown-fields']) n.u = true;
  if (s.nullable) n.n = true;
  if (s.enum) n.e = s.enum;
  if (s.default !== undefined) n.d = s.default;
  if (s.format) n.f = s.format;
  if (s.pattern !== undefined) n.x = s.pattern;
  if (s.minLength !== undefined) n.minL = s.minLength;
  if (s.maxLength !== undefined) n.maxL = s.maxLength;
  if (s.minItems !== undefined) n.minI = s.minItems;
  if (s.maxItems !== undefined) n.maxI = s.maxItems;
  if (s.minProperties !== undefined) n.minP = s.minProperties;
  if (s.maxProperties !== undefined) n.maxP = s.maxProperties;
  if (s.minimum !== undefined) n.min = s.minimum;
  if (s.maximum !== undefined) n.max = s.maximum;
  if (s['x-kubernetes-list-type']) n.lt = s['x-kubernetes-list-type'];
  if (s['x-kubernetes-list-map-keys']) n.lk = s['x-kubernetes-list-map-keys'];
  if (s.required && s.required.length > 0) n.r = s.required;
  if (s.properties) {
    n.p = {};
    for (const [k, c] of Object.entries(s.properties)) n.p[k] = compact(c, rules, ruleIndex);
  }
  if (s.items) n.i = compact(s.items, rules, ruleIndex);
  if (s.oneOf) n.one = s.oneOf.map((c) => compact(c, rules, ruleIndex));
  if (s.anyOf) n.any = s.anyOf.map((c) => compact(c, rules, ruleIndex));
  if (s.not) n.not = compact(s.not, rules, ruleIndex);
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
    n.a = s.additionalProperties === true ? true : compact(s.additionalProperties, rules, ruleIndex);
  }
  const v = s['x-kubernetes-validations'];
  if (v && v.length > 0) {
    n.v = v.map((rule) => {
      const entry = { rule: rule.rule, message: rule.message || '', ast: parsedRule(rule.rule) };
      if (rule.messageExpression) entry.messageExpression = rule.messageExpression;
      if (rule.reason) entry.reason = rule.reason;
      if (rule.fieldPath) entry.fieldPath = rule.fieldPath;
      if (rule.optionalOldSelf) entry.optionalOldSelf = true;
      const key = JSON.stringify(entry);
      let i = ruleIndex.get(key);
      if (i === undefined) {
        i = rules.length;
        rules.push(entry);
        ruleIndex.set(key, i);
      }
      return i;
    });
  }
  return n;
}

/**
 * A rule's syntax tree as the evaluator's parser gives it (its `cel.expr.Expr`), written in the
 * compact form `readSyntaxTree` in src/validation/rules/gateway/_cel-tree.ts reads: the checker
 * reads it instead of parsing the rule again in every process, and builds the tree's objects
 * directly (decoding protobuf binary cost about as much as a third of parsing). The checker
 * uses a tree only for the exact rule text it was parsed from.
 */
function parsedRule(rule) {
  const { parse } = require('@bufbuild/cel');
  const parsed = parse(rule);
  if (parsed.expr === undefined) {
    throw new Error(`no expression in rule ${rule}`);
  }
  return JSON.stringify(compactExpr(parsed.expr));
}

/**
 * An `Expr` as nested arrays: [tag, id, ...fields]. Tags: i ident, c constant, s select,
 * f call, l list, m struct, x comprehension, 0 none. Integers (ids, int and uint constants)
 * are decimal strings where they may exceed a double.
 */
function compactExpr(e) {
  if (e === undefined) {
    return null;
  }
  const id = Number(e.id);
  if (!Number.isSafeInteger(id)) {
    throw new Error(`expression id ${e.id} is not a safe integer`);
  }
  const v = e.exprKind.value;
  switch (e.exprKind.case) {
    case 'identExpr': return ['i', id, v.name];
    case 'constExpr': return ['c', id, v.constantKind.case, compactConstant(v.constantKind)];
    case 'selectExpr': return ['s', id, compactExpr(v.operand), v.field, v.testOnly];
    case 'callExpr': return ['f', id, compactExpr(v.target), v.function, v.args.map(compactExpr)];
    case 'listExpr': return ['l', id, v.elements.map(compactExpr), v.optionalIndices];
    case 'structExpr': return ['m', id, v.messageName, v.entries.map((en) => [
      Number(en.id), en.keyKind.case, en.keyKind.case === 'mapKey' ? compactExpr(en.keyKind.value) : en.keyKind.value, compactExpr(en.value), en.optionalEntry,
    ])];
    case 'comprehensionExpr': return ['x', id, v.iterVar, v.iterVar2, compactExpr(v.iterRange), v.accuVar, compactExpr(v.accuInit),
      compactExpr(v.loopCondition), compactExpr(v.loopStep), compactExpr(v.result)];
    case undefined: return ['0', id];
    default: throw new Error(`unknown expression kind ${e.exprKind.case}`);
  }
}

function compactConstant(k) {
  switch (k.case) {
    case 'int64Value':
    case 'uint64Value': return k.value.toString();
    case 'bytesValue': return Buffer.from(k.value).toString('base64');
    case 'nullValue':
    case 'boolValue':
    case 'stringValue': return k.value;
    case 'doubleValue':
      if (!Number.isFinite(k.value) || Object.is(k.value, -0)) {
        throw new Error(`double constant ${k.value} has no JSON form`);
      }
      return k.value;
    default: throw new Error(`unsupported constant kind ${k.case}`);
  }
}

/** The data of all CRDs in `dir`. */
function generateData(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const rules = [];
  const ruleIndex = new Map();
  const kinds = {};
  let bundle = '';
  for (const f of files) {
    const crd = YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
    bundle = bundle || (crd.metadata.annotations || {})['gateway.networking.k8s.io/bundle-version'] || '';
    const kind = crd.spec.names.kind;
    const entry = { group: crd.spec.group, plural: crd.spec.names.plural, scope: crd.spec.scope, served: [], unserved: [], versions: {} };
    for (const v of crd.spec.versions) {
      if (!v.served) {
        entry.unserved.push(v.name);
        continue;
      }
      entry.served.push(v.name);
      const root = { ...v.schema.openAPIV3Schema, properties: { ...v.schema.openAPIV3Schema.properties } };
      // The API server ignores `status` on create and update of the main resource (status subresource).
      // Its fields are not checked: any value is kept as it is.
      if (v.subresources && v.subresources.status && root.properties.status) {
        root.properties.status = { 'x-kubernetes-preserve-unknown-fields': true };
      }
      entry.versions[v.name] = compact(root, rules, ruleIndex);
    }
    kinds[kind] = entry;
  }
  return { bundle, kinds, rules };
}

/** The text of _crd-data.ts for the CRDs in `dir`. */
function generate(dir) {
  const data = generateData(crdDir(dir));
  return [
    '// Generated by scripts/generate-gateway-data.js from the Gateway API CRDs (standard channel). Do not edit.',
    '/* eslint-disable */',
    "import type { CrdData } from './_crd-types';",
    '',
    `export const CRD_DATA: CrdData = ${JSON.stringify(data)};`,
    '',
  ].join('\n');
}

module.exports = { generate, generateData, crdDir, parsedRule };

if (require.main === module) {
  const out = process.argv[3] || DEFAULT_OUT;
  fs.writeFileSync(out, generate(process.argv[2]));
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
