// A small walker of the Gateway API CRDs' openAPIV3Schema: types, enums, required fields,
// unknown fields, maxItems/minItems, maxLength/minLength, minimum/maximum and patterns.
// The CEL rules (x-kubernetes-validations) are mirrored by the constructs' own checks and tested
// one by one in the unit tests.
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as SCHEMAS from './fixtures/crd-schemas.json';

const schemas: { [kind: string]: any } = SCHEMAS as any;

/** The problems of `obj` against the CRD schema of its kind: `path: message` strings. */
export function schemaProblems(obj: any): string[] {
  const schema = schemas[obj?.kind];
  if (!schema) {
    return [`${obj?.kind}: no schema`];
  }
  if (obj.apiVersion !== 'gateway.networking.k8s.io/v1') {
    return [`apiVersion: must be gateway.networking.k8s.io/v1, got ${obj.apiVersion}`];
  }
  const problems: string[] = [];
  // metadata is validated by the API server, not the CRD schema
  walk({ ...obj, metadata: undefined }, { ...schema, properties: { ...schema.properties, metadata: undefined } }, '', problems);
  return problems;
}

function walk(value: any, schema: any, path: string, problems: string[]): void {
  if (value === undefined || schema === undefined) {
    return;
  }
  const type = schema.type;
  const at = path || '(root)';
  switch (type) {
    case 'object':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${at}: must be an object`);
        return;
      }
      for (const r of schema.required ?? []) {
        if (value[r] === undefined) {
          problems.push(`${at}.${r}: is required`);
        }
      }
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined) {
          continue;
        }
        if (schema.properties && k in schema.properties) {
          walk(v, schema.properties[k], `${path}.${k}`, problems);
        } else if (schema.additionalProperties) {
          walk(v, schema.additionalProperties, `${path}.${k}`, problems);
        } else if (schema.properties && schema['x-kubernetes-preserve-unknown-fields'] !== true) {
          problems.push(`${path}.${k}: unknown field`);
        }
      }
      return;
    case 'array':
      if (!Array.isArray(value)) {
        problems.push(`${at}: must be an array`);
        return;
      }
      if (schema.maxItems !== undefined && value.length > schema.maxItems) {
        problems.push(`${at}: more than ${schema.maxItems} items`);
      }
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        problems.push(`${at}: fewer than ${schema.minItems} items`);
      }
      value.forEach((v, i) => walk(v, schema.items, `${path}[${i}]`, problems));
      return;
    case 'string':
      if (typeof value !== 'string') {
        problems.push(`${at}: must be a string`);
        return;
      }
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        problems.push(`${at}: longer than ${schema.maxLength}`);
      }
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        problems.push(`${at}: shorter than ${schema.minLength}`);
      }
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
        problems.push(`${at}: does not match ${schema.pattern}`);
      }
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        problems.push(`${at}: must be an integer`);
        return;
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        problems.push(`${at}: above ${schema.maximum}`);
      }
      if (schema.minimum !== undefined && value < schema.minimum) {
        problems.push(`${at}: below ${schema.minimum}`);
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') {
        problems.push(`${at}: must be a boolean`);
      }
      break;
    default:
      break;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    problems.push(`${at}: must be one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
  }
}

/** The manifests of `chart` of one kind. */
export function synthKind(chart: Construct, kind: string): any[] {
  return Testing.synth(chart as any).filter((m: any) => m.kind === kind);
}

/** The only manifest of `kind` in `chart`. */
export function only(chart: Construct, kind: string): any {
  const all = synthKind(chart, kind);
  expect(all).toHaveLength(1);
  return all[0];
}

/** Every Gateway API object of the chart, against its CRD schema: the problems found. */
export function gatewayApiSchemaProblems(chart: Construct): string[] {
  return Testing.synth(chart as any)
    .filter((m: any) => m.apiVersion === 'gateway.networking.k8s.io/v1')
    .flatMap((m: any) => schemaProblems(m).map((p) => `${m.kind}/${m.metadata?.name} ${p}`));
}
