import { Reporter, absent, isMap, list, map } from './_engine';
import { isSnippetAnnotation } from './_ingress';
import { IpAddress, IpAddressScope } from '../../net/ip';

/** Host names of cloud metadata services and of the node itself. */
const METADATA_HOSTS = new Set([
  'localhost', 'localhost.localdomain', 'metadata', 'metadata.google.internal', 'metadata.azure.internal', 'instance-data', 'instance-data.ec2.internal',
]);

/**
 * The opt-in security rules of a Service (profile 'security'): externalIPs (SEC001), an
 * ExternalName to the node or a metadata service (SEC002), NodePort (SEC004), a LoadBalancer
 * open to every address (SEC005).
 */
export function checkServiceSecurity(r: Reporter, type: string): void {
  if (!r.settings.security) {
    return;
  }
  const spec = map(r.m.spec);
  list(spec.externalIPs).forEach((ip, i) => {
    r.report('SEC001', `spec.externalIPs[${i}]`, ip, 'lets the Service claim an address: whoever can edit Services can intercept traffic to any address this way (CVE-2020-8554)',
      'use a LoadBalancer Service, and block `externalIPs` with an admission policy');
  });
  if (type === 'ExternalName' && typeof spec.externalName === 'string') {
    const host = spec.externalName.replace(/\.$/, '').toLowerCase();
    const ip = IpAddress.isValid(host) ? IpAddress.parse(host) : undefined;
    const local = ip !== undefined && [IpAddressScope.LOOPBACK, IpAddressScope.LINK_LOCAL, IpAddressScope.UNSPECIFIED].includes(ip.scope);
    if (METADATA_HOSTS.has(host) || host.endsWith('.localhost') || local) {
      r.report('SEC002', 'spec.externalName', spec.externalName,
        'points at the node itself or a cloud metadata service: pods that trust the Service name reach it, and so does anything that proxies by Service name',
        'point the ExternalName at the real backend');
    }
  }
  if (type === 'NodePort') {
    r.report('SEC004', 'spec.type', 'NodePort', 'opens the port on every node of the cluster, to every network the nodes are on', 'use an Ingress or a LoadBalancer with source ranges');
  }
  if (type === 'LoadBalancer' && list(spec.loadBalancerSourceRanges).length === 0
    && absent(map(r.m.annotations)['service.beta.kubernetes.io/load-balancer-source-ranges'])) {
    r.report('SEC005', 'spec.loadBalancerSourceRanges', undefined, 'is missing: the load balancer accepts every client address', 'list the client ranges in `loadBalancerSourceRanges`');
  }
}

/** The opt-in security rules of an Ingress: wildcard hosts (SEC003), snippet annotations (SEC006). */
export function checkIngressSecurity(r: Reporter): void {
  if (!r.settings.security) {
    return;
  }
  list(map(r.m.spec).rules).forEach((rule, i) => {
    if (isMap(rule) && typeof rule.host === 'string' && rule.host.startsWith('*')) {
      r.report('SEC003', `spec.rules[${i}].host`, rule.host, 'serves every host name under the domain: a name nobody meant to publish reaches this backend', 'list the host names');
    }
  });
  const annotations = map(r.m.annotations);
  for (const key of Object.keys(annotations)) {
    if (isSnippetAnnotation(key)) {
      r.report('SEC006', `metadata.annotations[${key}]`, annotations[key], 'injects raw configuration into the controller: whoever writes it can read the controller\'s secrets (CVE-2021-25742)',
        'use a dedicated annotation or a ConfigMap option of the controller');
    }
  }
}
