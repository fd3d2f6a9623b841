import { Reporter, isMap, own } from './_engine';
import { SCHEMA_ROOTS, SCHEMA_TYPES } from './_schema';

/** The group/versions removed before 1.28: the release that removed them and what replaces each kind. */
const REMOVED: Record<string, { removedIn: string; replacements: Record<string, string> }> = {
  'extensions/v1beta1': {
    removedIn: '1.22',
    replacements: {
      Ingress: 'networking.k8s.io/v1',
      Deployment: 'apps/v1',
      DaemonSet: 'apps/v1',
      ReplicaSet: 'apps/v1',
      NetworkPolicy: 'networking.k8s.io/v1',
      PodSecurityPolicy: '',
    },
  },
  'networking.k8s.io/v1beta1': { removedIn: '1.22', replacements: { Ingress: 'networking.k8s.io/v1', IngressClass: 'networking.k8s.io/v1' } },
  'discovery.k8s.io/v1beta1': { removedIn: '1.25', replacements: { EndpointSlice: 'discovery.k8s.io/v1' } },
  'apps/v1beta1': { removedIn: '1.16', replacements: { Deployment: 'apps/v1', StatefulSet: 'apps/v1', ControllerRevision: 'apps/v1' } },
  'apps/v1beta2': { removedIn: '1.16', replacements: { Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', ControllerRevision: 'apps/v1' } },
  'batch/v1beta1': { removedIn: '1.25', replacements: { CronJob: 'batch/v1' } },
  'policy/v1beta1': { removedIn: '1.25', replacements: { PodDisruptionBudget: 'policy/v1', PodSecurityPolicy: '' } },
  'autoscaling/v2beta1': { removedIn: '1.25', replacements: { HorizontalPodAutoscaler: 'autoscaling/v2' } },
  'autoscaling/v2beta2': { removedIn: '1.26', replacements: { HorizontalPodAutoscaler: 'autoscaling/v2' } },
  'rbac.authorization.k8s.io/v1beta1': { removedIn: '1.22', replacements: { Role: 'rbac.authorization.k8s.io/v1', RoleBinding: 'rbac.authorization.k8s.io/v1', ClusterRole: 'rbac.authorization.k8s.io/v1', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1' } },
  'admissionregistration.k8s.io/v1beta1': { removedIn: '1.22', replacements: { MutatingWebhookConfiguration: 'admissionregistration.k8s.io/v1', ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1' } },
  'apiextensions.k8s.io/v1beta1': { removedIn: '1.22', replacements: { CustomResourceDefinition: 'apiextensions.k8s.io/v1' } },
  'apiregistration.k8s.io/v1beta1': { removedIn: '1.22', replacements: { APIService: 'apiregistration.k8s.io/v1' } },
  'certificates.k8s.io/v1beta1': { removedIn: '1.22', replacements: { CertificateSigningRequest: 'certificates.k8s.io/v1' } },
  'coordination.k8s.io/v1beta1': { removedIn: '1.22', replacements: { Lease: 'coordination.k8s.io/v1' } },
  'scheduling.k8s.io/v1beta1': { removedIn: '1.22', replacements: { PriorityClass: 'scheduling.k8s.io/v1' } },
  'events.k8s.io/v1beta1': { removedIn: '1.25', replacements: { Event: 'events.k8s.io/v1' } },
  'node.k8s.io/v1beta1': { removedIn: '1.25', replacements: { RuntimeClass: 'node.k8s.io/v1' } },
  'flowcontrol.apiserver.k8s.io/v1beta1': { removedIn: '1.26', replacements: { FlowSchema: 'flowcontrol.apiserver.k8s.io/v1beta3', PriorityLevelConfiguration: 'flowcontrol.apiserver.k8s.io/v1beta3' } },
};

/** The apiVersion each of the five kinds the catalogue knows is served under. */
export const SERVED: Record<string, string> = {
  Service: 'v1',
  Endpoints: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
};

/** Hints for the fields of removed versions that were renamed in the GA version. */
const RENAMED: Record<string, string> = {
  'core.ServiceSpec.tls': 'a Service has no TLS settings: terminate TLS in the pod, or with an Ingress `spec.tls`',
  'networking.IngressBackend.serviceName': 'in networking.k8s.io/v1 use `service.name`',
  'networking.IngressBackend.servicePort': 'in networking.k8s.io/v1 use `service.port.number` (or `service.port.name` for a named port)',
  'networking.IngressSpec.backend': 'in networking.k8s.io/v1 use `defaultBackend`',
  'discovery.Endpoint.topology': 'in discovery.k8s.io/v1 use `zone` and `nodeName` (or `deprecatedTopology`)',
};

/**
 * The API rules of one object: shape, removed versions, kind/version mismatch, strict decoding.
 * Returns the schema root of the object when the per-kind rules should run on it.
 */
export function checkApi(r: Reporter): string | undefined {
  const obj = r.obj;
  if (!isMap(obj)) {
    r.report('API005', '(object)', obj, 'must be a map with `apiVersion`, `kind` and `metadata`', 'give each document `apiVersion`, `kind` and `metadata.name`');
    return undefined;
  }
  const apiVersion = obj.apiVersion;
  const kind = obj.kind;
  let ok = true;
  if (typeof apiVersion !== 'string' || apiVersion.length === 0) {
    r.report('API005', 'apiVersion', apiVersion, 'must be set to the API group and version of the kind', 'e.g. \'v1\' for a Service, \'discovery.k8s.io/v1\' for an EndpointSlice');
    ok = false;
  }
  if (typeof kind !== 'string' || kind.length === 0) {
    r.report('API005', 'kind', kind, 'must be set to the kind of the object', 'e.g. \'Service\'');
    ok = false;
  }
  if (obj.metadata !== undefined && !isMap(obj.metadata)) {
    r.report('API005', 'metadata', obj.metadata, 'must be a map', 'give `metadata.name` and, optionally, `metadata.namespace`');
    ok = false;
  }
  if (!ok) {
    return undefined;
  }
  const removed = own(REMOVED, apiVersion);
  if (removed) {
    const replacement = own(removed.replacements, kind);
    const fix = replacement === undefined
      ? 'use a version served by Kubernetes 1.28 (see `kubectl api-versions`)'
      : replacement === '' ? `${kind} was removed from Kubernetes without a replacement`
        : `use '${replacement}'${own(RENAMED_NOTE, kind) ?? ''}`;
    r.report('API001', 'apiVersion', apiVersion, `was removed in Kubernetes ${removed.removedIn} and is not served by a 1.28 API server`, fix);
    // For the kinds the catalogue knows, show what else must change for the GA version.
    const ga = own(SERVED, kind);
    if (ga && replacement === ga) {
      walk(r, obj, SCHEMA_ROOTS[`${ga}/${kind}`], '', true);
    }
    return undefined;
  }
  const served = own(SERVED, kind);
  if (served === undefined) {
    return undefined;
  }
  if (served !== apiVersion) {
    r.report('API002', 'apiVersion', apiVersion, `does not serve the kind '${kind}'`, `use apiVersion '${served}' for a ${kind}`);
    return undefined;
  }
  const root = SCHEMA_ROOTS[`${apiVersion}/${kind}`];
  walk(r, obj, root, '', false);
  return root;
}

const RENAMED_NOTE: Record<string, string> = {
  Ingress: ' and move `backend.serviceName`/`backend.servicePort` to `backend.service.name`/`backend.service.port.number`, and add a `pathType` to every path',
  EndpointSlice: ' and move `topology` to `zone`/`nodeName`',
};

/**
 * Whether `value` is a scalar that needs no further look for schema code `code` (null is unset).
 */
function scalarFits(value: any, code: string): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  switch (code) {
    case '*': return true;
    case 's': return typeof value === 'string';
    case 'n': return typeof value === 'number';
    case 'b': return typeof value === 'boolean';
    case 'u': return typeof value === 'string' || typeof value === 'number';
    default: return false;
  }
}

/**
 * Walks a value against a schema code, reporting unknown fields (API003) and wrong types (API004).
 * With `unknownOnly`, only unknown fields are reported (used for removed versions).
 */
function walk(r: Reporter, value: any, code: string, path: string, unknownOnly: boolean): void {
  if (value === null || value === undefined) {
    return; // null means unset for the API server's decoder
  }
  const typeError = (expected: string) => {
    if (!unknownOnly) {
      r.report('API004', path, value, `must be ${expected}`, `write it as ${expected}`);
    }
  };
  switch (code.length === 1 || code[0] === '[' || code[0] === '{' ? code[0] : '') {
    case '*':
      return;
    case 's':
      if (typeof value !== 'string') typeError('a string');
      return;
    case 'n':
      if (typeof value !== 'number') typeError('a number');
      return;
    case 'b':
      if (typeof value !== 'boolean') typeError('a boolean (true or false)');
      return;
    case 'u':
      if (typeof value !== 'string' && typeof value !== 'number') typeError('a number or a string');
      return;
    case '[':
      if (!Array.isArray(value)) {
        typeError('a list');
        return;
      }
      const itemCode = code.slice(1);
      for (let i = 0; i < value.length; i++) {
        if (!scalarFits(value[i], itemCode)) {
          walk(r, value[i], itemCode, `${path}[${i}]`, unknownOnly);
        }
      }
      return;
    case '{':
      if (!isMap(value)) {
        typeError('a map');
        return;
      }
      const valueCode = code.slice(1);
      for (const key of Object.keys(value)) {
        if (!scalarFits(value[key], valueCode)) {
          walk(r, value[key], valueCode, `${path}[${key}]`, unknownOnly);
        }
      }
      return;
    default: {
      const fields = SCHEMA_TYPES[code];
      if (!isMap(value)) {
        typeError('a map');
        return;
      }
      for (const key of Object.keys(value)) {
        const fieldCode = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
        if (fieldCode !== undefined && scalarFits(value[key], fieldCode)) {
          continue; // the common case, decided without building the field's path
        }
        // an empty key is written as `[""]`, so that no finding has an empty field
        const child = key === '' ? `${path}[""]` : path ? `${path}.${key}` : key;
        if (fieldCode === undefined) {
          const known = Object.keys(fields).filter((f) => f !== 'status');
          const hint = own(RENAMED, `${code}.${key}`);
          const close = known.find((f) => f.toLowerCase() === key.toLowerCase());
          r.report('API003', child, value[key], 'is not a field of this object: the API server rejects unknown fields (strict field validation)',
            hint ?? (close ? `did you mean \`${close}\`?` : `remove it; known fields here: ${known.join(', ')}`));
          continue;
        }
        walk(r, value[key], fieldCode, child, unknownOnly);
      }
    }
  }
}
