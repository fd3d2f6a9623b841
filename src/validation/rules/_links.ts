/** The Kubernetes documentation the rules link to, and the kinds they name. */
export const D = 'https://kubernetes.io/docs';
export const SVC_DOCS = `${D}/concepts/services-networking/service/`;
export const EPS_DOCS = `${D}/concepts/services-networking/endpoint-slices/`;
export const ING_DOCS = `${D}/concepts/services-networking/ingress/`;
export const NAMES_DOCS = `${D}/concepts/overview/working-with-objects/names/`;
export const PROBES_DOCS = `${D}/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/`;

/** The five kinds the API checks know (see `SERVED`). */
export const FIVE = ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'];
/** The kinds the API checks know (see `SERVED`): the five, and NetworkPolicy. */
export const API_KINDS = [...FIVE, 'NetworkPolicy'];
/** The kinds that hold addresses and ports of backends. */
export const BACKEND_KINDS = ['Service', 'Endpoints', 'EndpointSlice'];
/** The workload kinds whose pod templates the rules read. */
export const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'];
