import { Walk } from '../_rule';

/** The walk over the finalizers, then the owner references, of an object (META006, META007). */
export const FINALIZER_WALK: Walk = { name: 'finalizers and owner references', order: 140, fields: ['finalizers', 'ownerReferences'] };

/** The finalizers Kubernetes itself defines, which have no domain prefix. */
export const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
