import { IpAddress } from '../../../net/ip';
import { KubeName } from '../../../net/names';
import { Reporter, absent, isMap, list, map } from '../_engine';
import { Walk } from '../_rule';

/** The deprecated annotation that names the ingress class. */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** The annotation prefix of the AWS Load Balancer Controller's actions, which an Ingress backend may name instead of a Service. */
export const ALB_ACTIONS = 'alb.ingress.kubernetes.io/actions.';
/** The port name of a backend that names such an action: the controller's marker, never a Service port. */
export const ALB_ACTION_PORT = 'use-annotation';

/**
 * The walk over an Ingress: its spec, then the default backend, the rules (per rule its host,
 * then per path its pathType, path and backend), the TLS entries and the class.
 */
export const INGRESS_WALK: Walk = {
  name: 'ingress',
  order: 510,
  fields: ['spec', 'metadata', 'defaultBackend', 'rules', 'tls', 'ingressClassName', 'host', 'http', 'paths', 'pathType', 'path', 'backend', 'hosts', 'secretName'],
};

/**
 * Whether `annotation` injects raw controller configuration (the `*-snippet` annotations of
 * ingress-nginx and others, CVE-2021-25742).
 */
export function isSnippetAnnotation(annotation: string): boolean {
  const name = annotation.includes('/') ? annotation.slice(annotation.lastIndexOf('/') + 1) : annotation;
  return /(^|-)snippets?$/.test(name);
}

/** The problems of a host name of an Ingress rule or TLS entry (wildcards allowed). */
export function hostErrors(host: string): string[] {
  // The API server parses loosely: '01.02.03.04' is an IP address to it too.
  if (IpAddress.isLooseIp(host)) {
    return ['must be a DNS name, not an IP address'];
  }
  return host.includes('*') ? KubeName.wildcardDns1123SubdomainErrors(host) : KubeName.dns1123SubdomainErrors(host);
}

/** Calls `each` for every path of every rule of the Ingress `r.m` that is a map, with its rule and path index. */
export function forEachPath(r: Reporter, each: (p: Record<string, any>, rule: number, path: number) => void): void {
  list(map(r.m.spec).rules).forEach((rule, i) => {
    if (!isMap(rule) || !isMap(rule.http)) {
      return;
    }
    list(rule.http.paths).forEach((p, j) => {
      if (isMap(p)) {
        each(p, i, j);
      }
    });
  });
}

/** The kind and name of a typed reference: required, and usable as a URL path segment. */
export function checkReference(r: Reporter, ruleId: string, ref: Record<string, any>, at: string): void {
  for (const field of ['kind', 'name']) {
    const value = ref[field];
    if (absent(value)) {
      r.report(ruleId, `${at}.${field}`, undefined, 'is required');
    } else if (typeof value === 'string' && (value === '.' || value === '..' || /[/%]/.test(value))) {
      r.report(ruleId, `${at}.${field}`, value, 'must be usable as a URL path segment: not \'.\' or \'..\', and without \'/\' or \'%\'');
    }
  }
}

/** Whether a TLS host and a rule host denote the same names (one may be a `*.` wildcard). */
export function hostsMatch(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  return wildcardMatches(a, b) || wildcardMatches(b, a);
}

/** Whether `w` is a `*.` wildcard that matches the host `h`. */
function wildcardMatches(w: string, h: string): boolean {
  return w.startsWith('*.') && h.includes('.') && h.slice(h.indexOf('.')) === w.slice(1);
}

/** The hosts listed by the TLS entries of an Ingress spec. */
export function tlsHostsOf(tls: readonly any[]): string[] {
  const hosts: string[] = [];
  for (const entry of tls) {
    for (const host of list(map(entry).hosts)) {
      if (typeof host === 'string') {
        hosts.push(host);
      }
    }
  }
  return hosts;
}
