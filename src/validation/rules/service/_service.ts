import { Manifest, map } from '../_engine';
import { Walk } from '../_rule';

/** The types of Service. */
export const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
/** The IP families. */
export const FAMILIES = ['IPv4', 'IPv6'];
/** The annotation that gives a LoadBalancer its source ranges (besides `spec.loadBalancerSourceRanges`). */
export const LB_SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * The second walk over the ports of a Service, after `PORT_WALK`: per port, repeated ports
 * (SVC005), then its targetPort (SVC006) and nodePort (SVC007).
 */
export const SERVICE_PORT_WALK: Walk = { name: 'service ports', order: 260, fields: ['targetPort', 'nodePort'] };

/** The type a Service gets: `spec.type`, defaulted to ClusterIP. */
export function serviceType(svc: Manifest): string {
  const t = map(svc.spec).type;
  return typeof t === 'string' && t !== '' ? t : 'ClusterIP';
}

/** Whether a Service is headless (`clusterIP: None`). */
export function isHeadless(svc: Manifest): boolean {
  return map(svc.spec).clusterIP === 'None';
}

/** The protocol of a port, defaulted to TCP. */
export function protocolOf(p: Record<string, any>): string {
  return typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
}
