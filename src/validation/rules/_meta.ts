import { Reporter, hasOwn, isMap, keyErrors, list, map } from './_engine';
import { KubeName } from '../../net/names';

/** The largest total size of an object's annotations (keys and values), in bytes. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** The finalizers Kubernetes itself defines, which have no domain prefix. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** The annotation that acknowledges findings; read by the checker, so it is checked there. */
export const ACK_ANNOTATION = 'service-patterns.cdk8s.io/acknowledge';

/**
 * The object metadata rules: name per kind, namespace, labels, annotations.
 */
export function checkMeta(r: Reporter): void {
  const kind = r.m.kind as string;
  const name = r.m.name;
  const nameRule = kind === 'Service' ? KubeName.dns1035LabelErrors : KubeName.dns1123SubdomainErrors;
  const nameKind = kind === 'Service' ? 'a DNS-1035 label (a letter first, then lower-case letters, digits and \'-\')' : 'a DNS-1123 subdomain';
  if (name === undefined || name === null || name === '') {
    const generateName = map(r.m.metadata).generateName;
    if (typeof generateName !== 'string' || generateName === '') {
      r.report('META001', 'metadata.name', undefined, 'is required', `name the ${kind} with ${nameKind}`);
    } else {
      // generateName is a prefix: the server appends 5 random characters, so a trailing '-' is fine.
      const errors = nameRule(generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName);
      for (const e of errors) {
        r.report('META001', 'metadata.generateName', generateName, e);
      }
    }
  } else if (typeof name === 'string') {
    for (const e of nameRule(name)) {
      r.report('META001', 'metadata.name', name, e, `a ${kind} name must be ${nameKind}`);
    }
  }
  const ns = r.m.namespace;
  if (typeof ns === 'string' && ns !== '') {
    if (kind === 'IngressClass') {
      r.report('META005', 'metadata.namespace', ns, 'is ignored: an IngressClass is cluster-scoped', 'remove `metadata.namespace`');
    } else {
      for (const e of KubeName.dns1123LabelErrors(ns)) {
        r.report('META002', 'metadata.namespace', ns, e);
      }
    }
  }
  const labels = r.m.labels;
  if (isMap(labels)) {
    for (const key in labels) {
      if (!hasOwn(labels, key)) {
        continue; // the keys of `Object.keys`
      }
      const value = labels[key];
      for (const e of keyErrors(key)) {
        r.report('META003', 'metadata.labels', key, `key ${e}`);
      }
      if (typeof value === 'string') {
        for (const e of KubeName.labelValueErrors(value)) {
          r.report('META003', `metadata.labels[${key}]`, value, e);
        }
      }
    }
  }
  const metadata = map(r.m.metadata);
  list(metadata.finalizers).forEach((finalizer, i) => {
    if (typeof finalizer !== 'string') {
      return;
    }
    const errors = keyErrors(finalizer);
    for (const e of errors) {
      r.report('META006', `metadata.finalizers[${i}]`, finalizer, e, 'use a domain-prefixed name such as \'example.com/cleanup\'');
    }
    if (errors.length === 0 && !finalizer.includes('/') && !STANDARD_FINALIZERS.has(finalizer)) {
      r.report('META007', `metadata.finalizers[${i}]`, finalizer, 'has no domain prefix: another controller may use the same name', `write it as '<your domain>/${finalizer}'`);
    }
  });
  let controllers = 0;
  list(metadata.ownerReferences).forEach((ref, i) => {
    if (!isMap(ref)) {
      return;
    }
    for (const field of ['apiVersion', 'kind', 'name', 'uid']) {
      if (typeof ref[field] !== 'string' || ref[field] === '') {
        r.report('META006', `metadata.ownerReferences[${i}].${field}`, ref[field], 'must not be empty', field === 'uid' ? 'give the uid of the owner object as the cluster knows it, or leave the owner reference to the controller that creates this object' : `give the owner's ${field}`);
      }
    }
    if (ref.controller === true) {
      controllers++;
      if (controllers === 2) {
        r.report('META006', `metadata.ownerReferences[${i}].controller`, true, 'must be true for one owner reference at most', 'keep one controller');
      }
    }
  });
  const annotations = r.m.annotations;
  if (isMap(annotations)) {
    // A UTF-16 code unit is at most 3 bytes of UTF-8: only count the bytes exactly when the
    // annotations may be over the limit.
    let units = 0;
    for (const key in annotations) {
      if (!hasOwn(annotations, key)) {
        continue; // the keys of `Object.keys`
      }
      // Annotation keys are checked in lower case by the API server.
      for (const e of keyErrors(key.toLowerCase())) {
        r.report('META004', 'metadata.annotations', key, `key ${e}`);
      }
      const value = annotations[key];
      units += key.length + (typeof value === 'string' ? value.length : 0);
    }
    let size = 0;
    if (units * 3 > ANNOTATIONS_MAX_BYTES) {
      for (const key of Object.keys(annotations)) {
        const value = annotations[key];
        size += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
      }
    }
    if (size > ANNOTATIONS_MAX_BYTES) {
      r.report('META004', 'metadata.annotations', `${size} bytes`, `must have at most ${ANNOTATIONS_MAX_BYTES} bytes in all (keys and values)`, 'move large data to a ConfigMap');
    }
  }
}
