import { Reporter, isMap, own } from '../_engine';
import { FIELD_SINCE, SCHEMA_VERSIONS } from '../_schema';

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

/**
 * The apiVersion each kind the catalogue knows is served under: the five kinds, and
 * NetworkPolicy (whose schema root the per-version schema keeps in every version).
 */
export const SERVED: Record<string, string> = {
  Service: 'v1',
  Endpoints: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
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
 * The API rules of one object (API001 to API007): shape, removed versions, kind/version
 * mismatch, strict decoding. They decide whether the rules of the object's kind run at all, so
 * the engine runs them first, as one shared check (their `Rule` objects have no `check`).
 * Returns the schema root of the object when the per-kind rules should run on it.
 */
export function checkApi(r: Reporter): string | undefined {
  const obj = r.m.obj;
  if (!isMap(obj)) {
    r.report('API005', '(object)', obj, 'must be a map with `apiVersion`, `kind` and `metadata`', 'give each document `apiVersion`, `kind` and `metadata.name`');
    return undefined;
  }
  const apiVersion: any = r.m.apiVersion;
  const kind: any = r.m.kind;
  const metadata = r.m.metadata;
  let ok = true;
  if (typeof apiVersion !== 'string' || apiVersion.length === 0) {
    r.report('API005', 'apiVersion', apiVersion, 'must be set to the API group and version of the kind', 'e.g. \'v1\' for a Service, \'discovery.k8s.io/v1\' for an EndpointSlice');
    ok = false;
  }
  if (typeof kind !== 'string' || kind.length === 0) {
    r.report('API005', 'kind', kind, 'must be set to the kind of the object', 'e.g. \'Service\'');
    ok = false;
  }
  if (metadata !== undefined && !isMap(metadata)) {
    r.report('API005', 'metadata', metadata, 'must be a map', 'give `metadata.name` and, optionally, `metadata.namespace`');
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
      walk(r, obj, schemaOf(r.settings.minor), kind, true);
    }
    return undefined;
  }
  const served = own(SERVED, kind);
  if (served === undefined) {
    checkKindOfGroup(r, apiVersion, kind);
    return undefined;
  }
  if (served !== apiVersion) {
    // A kind of the same name in another API group is another kind, a custom resource (Calico's
    // projectcalico.org/v3 NetworkPolicy, Knative's serving.knative.dev/v1 Service): unknown here,
    // not wrong. Only a group Kubernetes itself serves says the version is the wrong one.
    if (BUILT_IN_GROUPS.has(groupOf(apiVersion))) {
      r.report('API002', 'apiVersion', apiVersion, `does not serve the kind '${kind}'`, `use apiVersion '${served}' for a ${kind}`);
    }
    return undefined;
  }
  const schema = schemaOf(r.settings.minor);
  walk(r, obj, schema, kind, false);
  return schema.roots[kind].code;
}

/**
 * The kinds the built-in API groups serve in Kubernetes 1.28 (list kinds aside): a kind of such
 * an apiVersion that is not here does not exist, and the API server refuses the object.
 */
const GROUP_KINDS: Record<string, readonly string[]> = {
  'v1': ['Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume',
    'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount'],
  'apps/v1': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'batch/v1': ['CronJob', 'Job'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'policy/v1': ['Eviction', 'PodDisruptionBudget'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'autoscaling/v1': ['HorizontalPodAutoscaler', 'Scale'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'coordination.k8s.io/v1': ['Lease'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'events.k8s.io/v1': ['Event'],
};

/** API006: a kind that the (built-in) group of its apiVersion does not serve. */
/** The API group of an apiVersion ('' for the core group: `v1`). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The API groups Kubernetes serves itself, now or before (the core group is ''). */
const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([...Object.keys(GROUP_KINDS), ...Object.keys(REMOVED), ...Object.values(SERVED)].map(groupOf));

function checkKindOfGroup(r: Reporter, apiVersion: string, kind: string): void {
  const kinds = own(GROUP_KINDS, apiVersion);
  if (kinds === undefined || kinds.includes(kind) || (kind.endsWith('List') && kinds.includes(kind.slice(0, -4)))) {
    return;
  }
  const close = closestKind(kind, kinds) ?? closestKind(kind, Object.keys(SERVED));
  const servedElsewhere = own(SERVED, close ?? '');
  r.report('API006', 'kind', kind, `is not a kind that '${apiVersion}' serves`,
    close === undefined ? `use one of ${kinds.map((k) => `'${k}'`).join(', ')}, or the apiVersion of the kind`
      : `did you mean '${close}'${servedElsewhere !== undefined && servedElsewhere !== apiVersion ? ` (apiVersion '${servedElsewhere}')` : ''}?`);
}

/** The kind among `kinds` that `kind` most likely misspells (case, or at most two edits), or undefined. */
function closestKind(kind: string, kinds: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of kinds) {
    const d = k.toLowerCase() === kind.toLowerCase() ? 0 : editDistance(k, kind);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** The Levenshtein distance of two short strings. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_x, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

const RENAMED_NOTE: Record<string, string> = {
  Ingress: ' and move `backend.serviceName`/`backend.servicePort` to `backend.service.name`/`backend.service.port.number`, and add a `pathType` to every path',
  EndpointSlice: ' and move `topology` to `zone`/`nodeName`',
};

/** What a schema code asks for: one of the scalars, or a list, a map or a struct of the schema. */
const enum Shape { ANY, STRING, NUMBER, BOOLEAN, STRING_OR_NUMBER, LIST, MAP, STRUCT }

/**
 * A schema code compiled once, so that the walk compares numbers and looks fields up in a
 * `Map` instead of parsing codes (and slicing them) at every value.
 */
interface SchemaNode {
  readonly shape: Shape;
  /** The code itself; for a struct, its type name (for the hints of unknown fields). */
  readonly code: string;
  /** For a string, a number or a boolean: what `typeof` says of a value that fits. */
  readonly type: string | undefined;
  /** The items of a list or the values of a map. */
  readonly item: SchemaNode | undefined;
  /** The fields of a struct. */
  readonly fields: Map<string, SchemaNode> | undefined;
  /**
   * For a field that is not generally available in the version checked: why the API server may
   * drop it (API007). Such a field is never taken by the walk's fast path.
   */
  readonly gate: string | undefined;
}

/** The schema of one Kubernetes version, compiled. */
class CompiledSchema {
  /** The root node of each kind of `SERVED`. */
  public readonly roots: Record<string, SchemaNode> = {};
  private readonly nodes = new Map<string, SchemaNode>();

  public constructor(private readonly version: string) {
    const schema = SCHEMA_VERSIONS[version];
    for (const kind of Object.keys(SERVED)) {
      this.roots[kind] = this.nodeOf(schema.roots[`${SERVED[kind]}/${kind}`]);
    }
  }

  /** The field names of a struct type, in schema order. */
  public fieldsOf(code: string): string[] {
    return Object.keys(SCHEMA_VERSIONS[this.version].types[code] ?? {});
  }

  /** The compiled node of a schema code (structs refer to each other, so nodes are shared). */
  private nodeOf(code: string): SchemaNode {
    let node = this.nodes.get(code);
    if (node !== undefined) {
      return node;
    }
    const leaf = (shape: Shape, type: string | undefined, item?: SchemaNode): SchemaNode =>
      // (every node has every field, so that the walk reads nodes of one shape)
      ({ shape, code, type, item, fields: undefined, gate: undefined });
    switch (code.length === 1 || code[0] === '[' || code[0] === '{' ? code[0] : '') {
      case '*': node = leaf(Shape.ANY, undefined); break;
      case 's': node = leaf(Shape.STRING, 'string'); break;
      case 'n': node = leaf(Shape.NUMBER, 'number'); break;
      case 'b': node = leaf(Shape.BOOLEAN, 'boolean'); break;
      case 'u': node = leaf(Shape.STRING_OR_NUMBER, undefined); break;
      case '[': node = leaf(Shape.LIST, undefined, this.nodeOf(code.slice(1))); break;
      case '{': node = leaf(Shape.MAP, undefined, this.nodeOf(code.slice(1))); break;
      default: {
        // Registered before its fields are compiled: a struct may contain itself.
        const fields = new Map<string, SchemaNode>();
        node = { shape: Shape.STRUCT, code, type: undefined, item: undefined, fields, gate: undefined };
        this.nodes.set(code, node);
        const table = SCHEMA_VERSIONS[this.version].types[code];
        for (const key of Object.keys(table)) {
          const field = this.nodeOf(table[key]);
          const gate = gateOf(`${code}.${key}`, this.version);
          fields.set(key, gate === undefined ? field : { ...field, gate });
        }
        return node;
      }
    }
    this.nodes.set(code, node);
    return node;
  }
}

/** Version numbers compared as numbers: '1.9' < '1.28'. */
function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}

/** Why a field may be dropped in `version`, when it is not GA there; undefined when it is. */
function gateOf(field: string, version: string): string | undefined {
  const since = own(FIELD_SINCE, field);
  if (since === undefined || minorOf(since.ga) <= minorOf(version)) {
    return undefined;
  }
  const gate = since.gate !== undefined ? `the feature gate ${since.gate}` : 'its feature gate';
  return since.beta !== undefined && minorOf(since.beta) <= minorOf(version)
    ? `is a beta field in Kubernetes ${version} (generally available from ${since.ga}): the API server drops it where ${gate} is turned off`
    : `is an alpha field in Kubernetes ${version} (generally available from ${since.ga}): the API server drops it unless ${gate} is turned on`;
}

/** The compiled schema of each version asked for; 1.28's is compiled when the module loads. */
const COMPILED = new Map<number, CompiledSchema>([[28, new CompiledSchema('1.28')]]);

/** The compiled schema of Kubernetes 1.`minor`. */
function schemaOf(minor: number): CompiledSchema {
  let schema = COMPILED.get(minor);
  if (schema === undefined) {
    schema = new CompiledSchema(`1.${minor}`);
    COMPILED.set(minor, schema);
  }
  return schema;
}

/**
 * Whether `value` is a scalar that needs no further look for `node` (null is unset): the
 * common case, decided without the field's path. The walk tests the commonest cases first
 * without calling this (null, undefined, and a value of the node's `type`).
 */
function scalarFits(value: any, node: SchemaNode): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  switch (node.shape) {
    case Shape.ANY: return true;
    case Shape.STRING: return typeof value === 'string';
    case Shape.NUMBER: return typeof value === 'number';
    case Shape.BOOLEAN: return typeof value === 'boolean';
    case Shape.STRING_OR_NUMBER: return typeof value === 'string' || typeof value === 'number';
    default: return false;
  }
}

/** How a step of a field path is written: `.name` (or `name` first), or `[index]`, `[key]`. */
const enum Step { FIELD, ITEM }

/**
 * The walk of one object against the schema. The path to the current value is kept as a stack
 * of steps and only written out as text when a finding is reported: most values have none.
 */
class SchemaWalk {
  private readonly steps: Step[] = [];
  private readonly names: Array<string | number> = [];
  private r!: Reporter;
  private unknownOnly = false;
  /** With `unknownOnly` (an object of a removed version): the version and kind it moves to. */
  private target = '';
  private schema!: CompiledSchema;

  /** Walks `obj` against the struct `root`, reporting through `r`. */
  public run(r: Reporter, obj: any, schema: CompiledSchema, kind: string, unknownOnly: boolean): void {
    this.r = r;
    this.schema = schema;
    this.unknownOnly = unknownOnly;
    this.target = unknownOnly ? `${own(SERVED, kind) ?? ''} ${kind}` : '';
    this.walk(obj, schema.roots[kind], 0);
    this.r = undefined as any; // hold no object after the walk
  }

  /** The path of the value at `depth`, as the API server writes it. */
  private path(depth: number): string {
    let path = '';
    for (let i = 0; i < depth; i++) {
      const name = this.names[i];
      if (this.steps[i] === Step.ITEM) {
        path = `${path}[${name}]`;
      } else {
        // an empty key is written as `[""]`, so that no finding has an empty field
        path = name === '' ? `${path}[""]` : path ? `${path}.${name}` : `${name}`;
      }
    }
    return path;
  }

  /** Reports a value of the wrong type (API004), unless only unknown fields are reported. */
  private typeError(value: any, depth: number, expected: string): void {
    if (!this.unknownOnly) {
      this.r.report('API004', this.path(depth), value, `must be ${expected}`, `write it as ${expected}`);
    }
  }

  /**
   * Walks a value against a node, reporting unknown fields (API003) and wrong types (API004);
   * `depth` is the number of steps to the value.
   */
  private walk(value: any, node: SchemaNode, depth: number): void {
    if (value === null || value === undefined) {
      return; // null means unset for the API server's decoder
    }
    switch (node.shape) {
      case Shape.ANY:
        return;
      case Shape.STRING:
        if (typeof value !== 'string') this.typeError(value, depth, 'a string');
        return;
      case Shape.NUMBER:
        if (typeof value !== 'number') this.typeError(value, depth, 'a number');
        return;
      case Shape.BOOLEAN:
        if (typeof value !== 'boolean') this.typeError(value, depth, 'a boolean (true or false)');
        return;
      case Shape.STRING_OR_NUMBER:
        if (typeof value !== 'string' && typeof value !== 'number') this.typeError(value, depth, 'a number or a string');
        return;
      case Shape.LIST: {
        if (!Array.isArray(value)) {
          this.typeError(value, depth, 'a list');
          return;
        }
        const item = node.item!;
        for (let i = 0; i < value.length; i++) {
          const v = value[i];
          if (v !== null && v !== undefined && typeof v !== item.type && !scalarFits(v, item)) {
            this.steps[depth] = Step.ITEM;
            this.names[depth] = i;
            this.walk(v, item, depth + 1);
          }
        }
        return;
      }
      case Shape.MAP: {
        if (!isMap(value)) {
          this.typeError(value, depth, 'a map');
          return;
        }
        const item = node.item!;
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const v = value[key];
          if (v !== null && v !== undefined && typeof v !== item.type && !scalarFits(v, item)) {
            this.steps[depth] = Step.ITEM;
            this.names[depth] = key;
            this.walk(v, item, depth + 1);
          }
        }
        return;
      }
      default: {
        if (!isMap(value)) {
          this.typeError(value, depth, 'a map');
          return;
        }
        const fields = node.fields!;
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const field = fields.get(key);
          const v = value[key];
          if (field !== undefined && field.gate === undefined && (v === null || v === undefined || typeof v === field.type || scalarFits(v, field))) {
            continue; // the common case
          }
          this.steps[depth] = Step.FIELD;
          this.names[depth] = key;
          if (field === undefined) {
            this.unknownField(node.code, key, v, depth + 1);
          } else {
            if (field.gate !== undefined && v !== null && v !== undefined && !this.unknownOnly) {
              this.r.report('API007', this.path(depth + 1), v, field.gate, 'leave it out, or check that the cluster turns the feature on');
            }
            this.walk(v, field, depth + 1);
          }
        }
      }
    }
  }

  /** Reports an unknown field `key` of the struct type `code` (API003), with a hint. */
  private unknownField(code: string, key: string, value: any, depth: number): void {
    const known = this.schema.fieldsOf(code).filter((f) => f !== 'status');
    const hint = own(RENAMED, `${code}.${key}`);
    const close = known.find((f) => f.toLowerCase() === key.toLowerCase());
    // (for a removed version, the API server refuses the version itself: this says what else
    // changes in the version to move to)
    const what = this.unknownOnly ? `is not a field of a ${this.target}, the version to move to`
      : 'is not a field of this object: the API server rejects unknown fields (strict field validation)';
    this.r.report('API003', this.path(depth), value, what,
      hint ?? (close ? `did you mean \`${close}\`?` : `remove it; known fields here: ${known.join(', ')}`));
  }
}

/** A walk not in use: reused by the next object (a walk reports, and reporting may re-enter). */
let spareWalk: SchemaWalk | undefined;

/**
 * Walks an object against the struct `root`, reporting unknown fields (API003) and wrong types
 * (API004). With `unknownOnly`, only unknown fields are reported (used for removed versions).
 */
function walk(r: Reporter, obj: any, schema: CompiledSchema, kind: string, unknownOnly: boolean): void {
  const w = spareWalk ?? new SchemaWalk();
  spareWalk = undefined;
  try {
    w.run(r, obj, schema, kind, unknownOnly);
  } finally {
    spareWalk = w;
  }
}
