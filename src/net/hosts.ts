// Internal: the rules of Ingress host names, the one copy for the constructs and the checker
// (src/net is the lowest layer both import). Not exported by the folder's index, so not part of
// the package's API.
import { IpAddress } from './ip';
import { KubeName } from './names';

/**
 * The problems with an Ingress host name: it must be a DNS-1123 subdomain, or `*.` followed
 * by one; never an IP address, a host:port, a URL or a name with a wildcard elsewhere.
 */
export function ingressHostErrors(host: string): string[] {
  if (typeof host !== 'string' || host.length === 0) {
    return ['must be a host name such as \'shop.example.com\''];
  }
  // The common case first: a DNS-1123 subdomain with a letter in it is none of the things
  // below (an IPv4 address has no letter, the other forms need ':', '/', '[' or '*').
  if (/[a-z]/.test(host)) {
    const errors = KubeName.dns1123SubdomainErrors(host);
    if (errors.length === 0) {
      return errors;
    }
  }
  const url = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/:?#]*)/.exec(host);
  if (url) {
    return [`must be a host name, not a URL: use '${url[1].toLowerCase()}' and put any path in a route`];
  }
  const hostPort = /^([^:/]+):(\d+)$/.exec(host);
  if (hostPort) {
    return [`must be a host name without a port: use '${hostPort[1].toLowerCase()}'; an Ingress serves ports 80 and 443`];
  }
  // The API server reads hosts with its loose parser: '01.02.03.04' is an IP address to it.
  if (IpAddress.isLooseIp(host) || IpAddress.isLooseIp(host.replace(/^\[|\]$/g, ''))) {
    return ['must be a host name, not an IP address: an Ingress routes by name; leave the host out to serve every address'];
  }
  if (host.includes('/')) {
    return ['must be a host name without a path: put the path in a route'];
  }
  if (host.includes('*')) {
    if (host.startsWith('*.') && !host.slice(2).includes('*')) {
      return KubeName.wildcardDns1123SubdomainErrors(host);
    }
    return ['must use a wildcard only as a whole first label (\'*.example.com\')'];
  }
  return KubeName.dns1123SubdomainErrors(host);
}

/**
 * Whether two host names can match the same request: equal, or one is a `*.` wildcard that
 * matches the other (a wildcard matches exactly one label).
 */
export function hostsOverlap(a: string, b: string): boolean {
  return a === b || wildcardCovers(a, b) || wildcardCovers(b, a);
}

function wildcardCovers(wildcard: string, host: string): boolean {
  if (!wildcard.startsWith('*.') || host.startsWith('*.')) {
    return false;
  }
  const suffix = wildcard.slice(1);
  if (!host.endsWith(suffix)) {
    return false;
  }
  const head = host.slice(0, host.length - suffix.length);
  return head.length > 0 && !head.includes('.');
}

