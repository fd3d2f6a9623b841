import { CRD_DATA } from './_crd-data';
import { GATEWAY_GROUP } from './_index';
import { SchemaWalk, applyDefaults } from './_walk';
import { Severity } from '../../finding';
import { Reporter, hasOwn, isMap, own } from '../_engine';
import { Rule } from '../_rule';

/** The kinds of the Gateway API CRDs (standard channel). */
export const GATEWAY_KINDS: readonly string[] = Object.keys(CRD_DATA.kinds).sort();

const SPEC = 'https://gateway-api.sigs.k8s.io/reference/spec/';
const E = Severity.ERROR;

/**
 * The API checks of one Gateway API object: its apiVersion (a version the CRDs do not serve is
 * API001, a kind the group does not have is API006), then its `spec` against the CRD schema of
 * that version, after defaulting, and the CRD's CEL rules (GW001 to GW009).
 */
export function checkGatewaySchema(r: Reporter): void {
  const m = r.m;
  const apiVersion = m.apiVersion;
  if (typeof apiVersion !== 'string' || typeof m.kind !== 'string' || !apiVersion.startsWith(`${GATEWAY_GROUP}/`) || !isMap(m.obj)) {
    return;
  }
  const version = apiVersion.slice(GATEWAY_GROUP.length + 1);
  const crd = own(CRD_DATA.kinds, m.kind);
  if (crd === undefined) {
    const close = GATEWAY_KINDS.find((k) => k.toLowerCase() === String(m.kind).toLowerCase());
    r.report('API006', 'kind', m.kind, `is not a kind that '${GATEWAY_GROUP}' serves (Gateway API ${CRD_DATA.bundle}, standard channel)`,
      close !== undefined ? `did you mean '${close}'?` : `use one of ${GATEWAY_KINDS.map((k) => `'${k}'`).join(', ')}`);
    return;
  }
  if (!crd.served.includes(version)) {
    const listed = crd.unserved.includes(version) ? `is no longer served by the ${m.kind} CRD of Gateway API ${CRD_DATA.bundle}`
      : `is not a version of the ${m.kind} CRD of Gateway API ${CRD_DATA.bundle}`;
    r.report('API001', 'apiVersion', apiVersion, `${listed} (served: ${crd.served.map((v) => `'${GATEWAY_GROUP}/${v}'`).join(', ')})`,
      `use '${GATEWAY_GROUP}/${crd.served.includes('v1') ? 'v1' : crd.served[0]}'`);
    return;
  }
  const root = crd.versions[version];
  const obj = m.obj;
  const walk = new SchemaWalk(r, CRD_DATA.rules);
  for (const field of Object.keys(obj)) {
    if (field === 'apiVersion' || field === 'kind' || field === 'metadata') {
      continue; // checked by the API rules and the metadata rules
    }
    const node = root.p !== undefined && hasOwn(root.p, field) ? root.p[field] : undefined;
    if (node === undefined) {
      r.report('GW001', field, obj[field], 'is not a field of the object (strict field validation rejects unknown fields)',
        `remove it${root.p !== undefined ? `, or use one of ${Object.keys(root.p).map((k) => `\`${k}\``).join(', ')}` : ''}`);
    } else if (obj[field] !== undefined && obj[field] !== null) {
      walk.walk(applyDefaults(obj[field], node), node, field);
    }
  }
  for (const field of root.r ?? []) {
    if (obj[field] === undefined || obj[field] === null) {
      walk.block();
      r.report('GW003', field, undefined, 'is required', `set \`${field}\``);
    }
  }
  walk.finish();
}

const base = { kinds: GATEWAY_KINDS, severity: E, docsUrl: SPEC, server: true } as const;

export const GW001: Rule = {
  ...base,
  // Its check also runs on kinds the group does not have (API006), so it looks at every object
  // and returns at once for those of other API groups.
  kinds: ['*'],
  id: 'GW001',
  summary: 'a field of a Gateway API object is not in its CRD schema (rejected by strict field validation, the kubectl default)',
  check: checkGatewaySchema,
  // One walk of the object against its CRD reports every schema and CEL rule, and the versions
  // and kinds the CRDs do not serve.
  carries: ['GW002', 'GW003', 'GW004', 'GW005', 'GW006', 'GW007', 'GW008', 'GW009', 'API001', 'API006'],
};
export const GW002: Rule = { ...base, id: 'GW002', summary: 'a field of a Gateway API object has the wrong type for its CRD schema (a string where an integer is expected, ...)' };
export const GW003: Rule = { ...base, id: 'GW003', summary: 'a field that the CRD schema requires is missing (after the schema defaults are applied)' };
export const GW004: Rule = { ...base, id: 'GW004', summary: 'a value is not one of the CRD schema\'s enum values' };
export const GW005: Rule = { ...base, id: 'GW005', summary: 'a value exceeds a limit of the CRD schema (maxItems, minItems, maxLength, minLength, maximum, minimum, maxProperties)' };
export const GW006: Rule = { ...base, id: 'GW006', summary: 'a string does not match the pattern of the CRD schema' };
export const GW007: Rule = { ...base, id: 'GW007', summary: 'a list item repeats another in a list the CRD declares a set, or keyed by fields (x-kubernetes-list-type)' };
export const GW008: Rule = {
  ...base,
  id: 'GW008',
  summary: 'a CEL validation rule of the CRD (x-kubernetes-validations) does not hold: the message is the CRD\'s',
};

export const GW009: Rule = {
  ...base,
  id: 'GW009',
  summary: 'a value does not fit the alternatives of the CRD schema (oneOf, anyOf, not), such as a Gateway address of type IPAddress that is not an IPv4 or IPv6 address',
};

/** The schema rules, GW001 (whose check reports them all) to GW009. */
export const SCHEMA_RULES: readonly Rule[] = [GW001, GW002, GW003, GW004, GW005, GW006, GW007, GW008, GW009];
