// Internal: the syntax rules of the Gateway API fields our constructs write, in our own words.
// The authority is the v1.6.1 standard-channel CRDs (their openAPIV3Schema `pattern`,
// `maxLength`, `maxItems` and `x-kubernetes-validations`); each function returns the problems
// found, worded without the field name. Not exported by the folder's index.
import { ApiObject, ApiObjectMetadata, Chart, Duration } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { KubeName } from '../net/names';
import { PortRules } from '../net/port';

/** The API group of the Gateway API kinds. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/**
 * The object of a Gateway API construct (`gateway.networking.k8s.io/v1`, construct id
 * `Resource`): a plain ApiObject whose spec is written as its JSON. The classes imported from
 * the CRDs map their JSON once more after the JSON patches, which drops every field they do not
 * know (an experimental-channel field added by a patch) and copies the object at every
 * rendering.
 */
export function gatewayObject(scope: Construct, kind: string, metadata: ApiObjectMetadata, spec: unknown): ApiObject {
  return new ApiObject(scope, 'Resource', { apiVersion: `${GATEWAY_GROUP}/v1`, kind, metadata, spec });
}

/** The CRD limits we enforce (`maxItems`, `maxLength`). */
export const LIMITS = {
  hostnames: 16,
  parentRefs: 32,
  rules: 16,
  matchesPerRule: 64,
  matchesPerRoute: 128,
  backendRefs: 16,
  filters: 16,
  headerMatches: 16,
  queryParamMatches: 16,
  headerModifiers: 16,
  listeners: 64,
  certificateRefs: 64,
  allowedRouteKinds: 8,
  grantEntries: 16,
  pathLength: 1024,
  headerNameLength: 256,
  headerValueLength: 4096,
  queryValueLength: 1024,
  weightMax: 1000000,
  grpcNameLength: 1024,
  gatewayClassNameLength: 253,
} as const;

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IPV4_LIKE = /^[0-9]+(\.[0-9]+){3}$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const GRPC_METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

/**
 * A host name of a route or listener: a DNS subdomain in lower case, optionally with a leading
 * `*.` label, at most 253 characters; not an IP address (the Gateway API matches host names only).
 */
export function hostnameErrors(value: string): string[] {
  if (typeof value !== 'string' || value.length === 0) {
    return ['must be a host name such as \'shop.example.com\' or \'*.example.com\''];
  }
  const errors: string[] = [];
  if (value.length > 253) {
    errors.push(`must be no more than 253 characters (it has ${value.length})`);
  }
  if (!HOSTNAME.test(value)) {
    errors.push('must be a lower-case DNS name, optionally starting with \'*.\' (e.g. \'shop.example.com\' or \'*.example.com\'), without scheme, port or path');
  } else if (IPV4_LIKE.test(value)) {
    errors.push('must be a host name, not an IP address: a Gateway matches requests by host name');
  }
  return errors;
}

/** The path types of an HTTPRoute match (the values of `HttpPathType`). */
export type PathMatchType = 'PathPrefix' | 'Exact' | 'RegularExpression';

/**
 * The value of a path match: for `PathPrefix` and `Exact`, an absolute path of the characters
 * of RFC 3986 (or %-escapes) without '//', '/./', '/../', '#', an escaped '/' or a trailing
 * '/.' or '/..'; for `RegularExpression`, a pattern that compiles. At most 1024 characters.
 */
export function pathErrors(value: string, type: PathMatchType): string[] {
  if (typeof value !== 'string' || value.length === 0) {
    return ['must not be empty: use \'/\' to match every path'];
  }
  const errors: string[] = [];
  if (value.length > LIMITS.pathLength) {
    errors.push(`must be no more than ${LIMITS.pathLength} characters (it has ${value.length})`);
  }
  if (type === 'RegularExpression') {
    try {
      new RegExp(value);
    } catch {
      errors.push('must be a regular expression that compiles');
    }
    return errors;
  }
  if (!value.startsWith('/')) {
    errors.push(`must be an absolute path starting with '/' for ${type}; did you mean '/${value}'?`);
  }
  for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) {
    if (value.includes(bad)) {
      errors.push(`must not contain '${bad}' for ${type}`);
    }
  }
  if (value.endsWith('/..') || value.endsWith('/.')) {
    errors.push(`must not end with '/.' or '/..' for ${type}`);
  }
  if (!PATH_CHARS.test(value)) {
    errors.push(`must contain only the characters of a URL path (letters, digits and -._~!$&'()*+,;=:@/, or %-escapes) for ${type}; use HttpRouteMatch.regularExpression() for a pattern`);
  }
  return errors;
}

/** An HTTP header (or query parameter) name: 1 to 256 characters of an RFC 7230 token. */
export function headerNameErrors(value: string): string[] {
  if (typeof value !== 'string' || value.length === 0) {
    return ['must not be empty'];
  }
  const errors: string[] = [];
  if (value.length > LIMITS.headerNameLength) {
    errors.push(`must be no more than ${LIMITS.headerNameLength} characters (it has ${value.length})`);
  }
  if (!HEADER_NAME.test(value)) {
    errors.push('must be an HTTP token: letters, digits and !#$%&\'*+-.^_`|~ (no spaces or \':\')');
  }
  return errors;
}

/** A header or query value: 1 to `max` characters. */
export function valueErrors(value: string, max: number): string[] {
  if (typeof value !== 'string' || value.length === 0) {
    return ['must be a non-empty string'];
  }
  return value.length > max ? [`must be no more than ${max} characters (it has ${value.length})`] : [];
}

/** A gRPC service name (`pkg.Service`) or method name, as an exact match. */
export function grpcNameErrors(value: string, what: 'service' | 'method'): string[] {
  if (typeof value !== 'string' || value.length === 0) {
    return ['must not be empty'];
  }
  const errors: string[] = [];
  if (value.length > LIMITS.grpcNameLength) {
    errors.push(`must be no more than ${LIMITS.grpcNameLength} characters (it has ${value.length})`);
  }
  if (what === 'service' && !GRPC_SERVICE.test(value)) {
    errors.push('must be a fully qualified gRPC service name: identifiers joined by \'.\' (e.g. \'shop.v1.Orders\')');
  }
  if (what === 'method' && !GRPC_METHOD.test(value)) {
    errors.push('must be a gRPC method name: letters, digits and \'_\', not starting with a digit (e.g. \'GetOrder\')');
  }
  return errors;
}

/** A backend weight: a whole number from 0 to 1000000. */
export function weightErrors(value: number): string[] {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > LIMITS.weightMax) {
    return [`must be a whole number from 0 to ${LIMITS.weightMax}`];
  }
  return [];
}

/** A port number. */
export function portErrors(value: number): string[] {
  return PortRules.portNumberErrors(value);
}

/** A namespace: a DNS-1123 label. */
export function namespaceErrors(value: string): string[] {
  return KubeName.dns1123LabelErrors(value);
}

/** The name of an object or of a section (listener, rule): a DNS-1123 subdomain. */
export function nameErrors(value: string): string[] {
  return KubeName.dns1123SubdomainErrors(value);
}

/**
 * Renders a duration as a Gateway API duration (`1h30m`, `10s`, `1s500ms`): up to four parts of
 * at most five digits each. Undefined when it cannot be written so.
 */
export function gatewayDuration(d: Duration): string | undefined {
  let ms: number;
  try {
    ms = d.toMilliseconds();
  } catch {
    return undefined;
  }
  if (!Number.isInteger(ms) || ms < 0) {
    return undefined;
  }
  if (ms === 0) {
    return '0s';
  }
  const parts: string[] = [];
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  const rest = ms % 1000;
  if (h > 0) parts.push(`${h}h`);
  if (m > 0) parts.push(`${m}m`);
  if (s > 0) parts.push(`${s}s`);
  if (rest > 0) parts.push(`${rest}ms`);
  const text = parts.join('');
  return DURATION.test(text) ? text : undefined;
}

/** The problems of a duration given for a timeout. */
export function durationErrors(d: Duration): string[] {
  if (!(d instanceof Duration)) {
    return ['must be a cdk8s `Duration` (e.g. Duration.seconds(10))'];
  }
  return gatewayDuration(d) === undefined
    ? ['must be a whole number of milliseconds of at most 99999 hours']
    : [];
}

/**
 * The first object of `kind` named `name` among `construct` and its children: how the
 * constructs tell that a Service or Secret they refer to is part of this cdk8s app.
 */
export function findApiObject(construct: unknown, kind: string, name: string): ApiObject | undefined {
  if (construct === null || typeof construct !== 'object' || !('node' in (construct as any))) {
    return undefined;
  }
  try {
    return firstApiObject(construct as IConstruct, kind, name);
  } catch {
    return undefined;
  }
}

/**
 * The first match in `node.findAll()` order (pre-order), without listing the whole tree: a web
 * app's Service comes early among its children, and a route asks once per backend.
 */
function firstApiObject(c: IConstruct, kind: string, name: string): ApiObject | undefined {
  if (ApiObject.isApiObject(c) && c.kind === kind && c.name === name) {
    return c;
  }
  for (const child of c.node.children) {
    const found = firstApiObject(child, kind, name);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** Whether `x` is a list; reports the problem otherwise and returns the list (or []). */
export function listOf<T>(
  problems: { add(field: string, value: unknown, message: string): void },
  field: string,
  x: readonly T[] | undefined,
  max?: number,
): T[] {
  if (x === undefined || x === null) {
    return [];
  }
  if (!Array.isArray(x)) {
    problems.add(field, x, 'must be a list');
    return [];
  }
  if (max !== undefined && x.length > max) {
    problems.add(field, `${x.length} items`, `must have at most ${max} items`);
  }
  return [...x];
}

/** A key for a name made of words: lower case, '-' between, for object names. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/^\*\./, 'wildcard.').replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
}

/** The namespace objects without one are applied to, as the checker assumes: the chart's, or 'default'. */
export function defaultNamespace(scope: IConstruct): string {
  try {
    return Chart.of(scope).namespace ?? 'default';
  } catch {
    return 'default';
  }
}

