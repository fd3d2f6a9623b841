import {
  MYSQL, WEB_PODS, deployment, endpoints, ingress, ingressClass, path, rule, slice, statefulSet, svc, web,
} from './_fixtures';
import { CheckOptions, ManifestChecker, Severity } from '../../src';
import { withRuleTable } from '../../src/validation/rules/_docs';

/** One rule: manifests that pass it (cleanly: no finding at all), and manifests that fail it at `field`. */
interface RuleCase {
  readonly id: string;
  readonly title: string;
  readonly pass: any[];
  readonly fail: any[];
  readonly field: string;
  /** Options of both checks (cluster facts, profiles). */
  readonly options?: CheckOptions;
}

const SLICE_OK = [MYSQL, slice('mysql-1', 'mysql')];
/** Pods without declared ports for a Service selecting `app: db`. */
const DB_PODS = deployment('db', { app: 'db' }, []);
const ING_OK = [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] })];

/** A Deployment whose container declares port 8080 'http' and has a readiness probe. */
function withProbe(probe: any): any {
  const d = deployment('web', { app: 'web' });
  d.spec.template.spec.containers[0].readinessProbe = probe;
  return d;
}

const CASES: RuleCase[] = [
  // API
  {
    id: 'API001',
    title: 'a networking.k8s.io/v1beta1 Ingress',
    pass: ING_OK,
    fail: [{ ...ingress('old', { rules: [rule('a.example.com', { path: '/', backend: { serviceName: 'web', servicePort: 80 } })] }), apiVersion: 'networking.k8s.io/v1beta1' }],
    field: 'apiVersion',
  },
  {
    id: 'API002',
    title: 'an Ingress under v1',
    pass: ING_OK,
    fail: [{ ...ingress('site', { rules: [rule('a.example.com', path('/'))] }), apiVersion: 'v1' }],
    field: 'apiVersion',
  },
  { id: 'API003', title: 'a Service with a tls field', pass: [web(), WEB_PODS], fail: [web({ tls: [{ secretName: 'x' }] }), WEB_PODS], field: 'spec.tls' },
  { id: 'API004', title: 'a port number as a string', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: '80', targetPort: 'http' }] }), WEB_PODS], field: 'spec.ports[0].port' },
  { id: 'API005', title: 'a document without kind', pass: [web(), WEB_PODS], fail: [{ apiVersion: 'v1', metadata: { name: 'x' } }], field: 'kind' },
  { id: 'API007', title: 'spec.trafficDistribution, a beta field in 1.31', options: { kubernetesVersion: '1.31' }, pass: [web(), WEB_PODS], fail: [web({ trafficDistribution: 'PreferClose' }), WEB_PODS], field: 'spec.trafficDistribution' },
  { id: 'API006', title: 'a misspelt kind', pass: [web(), WEB_PODS], fail: [{ ...web(), kind: 'Servce' }, WEB_PODS], field: 'kind' },
  // META
  { id: 'META001', title: 'a Service name with an underscore', pass: [web(), WEB_PODS], fail: [{ ...web(), metadata: { name: 'my_web' } }, WEB_PODS], field: 'metadata.name' },
  { id: 'META002', title: 'an invalid namespace', pass: [web({}, { namespace: 'shop' }), deployment('web', { app: 'web' }, undefined, { namespace: 'shop' })], fail: [web({}, { namespace: 'Shop' })], field: 'metadata.namespace' },
  { id: 'META003', title: 'a label value with a space', pass: [web({}, { labels: { tier: 'front' } }), WEB_PODS], fail: [web({}, { labels: { tier: 'front end' } }), WEB_PODS], field: 'metadata.labels[tier]' },
  { id: 'META004', title: 'an annotation key with two slashes', pass: [web({}, { annotations: { 'example.com/owner': 'team a' } }), WEB_PODS], fail: [web({}, { annotations: { 'a/b/c': 'x' } }), WEB_PODS], field: 'metadata.annotations' },
  { id: 'META006', title: 'an owner reference without uid', pass: [web({}, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '6f7c0e1a-0000-4000-8000-000000000000' }] }), WEB_PODS], fail: [web({}, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }] }), WEB_PODS], field: 'metadata.ownerReferences[0].uid' },
  { id: 'META007', title: 'a finalizer without a domain', pass: [web({}, { finalizers: ['example.com/cleanup', 'kubernetes'] }), WEB_PODS], fail: [web({}, { finalizers: ['cleanup'] }), WEB_PODS], field: 'metadata.finalizers[0]' },
  { id: 'META005', title: 'a namespaced IngressClass', pass: [ingressClass({ controller: 'k8s.io/ingress-nginx' })], fail: [ingressClass({ controller: 'k8s.io/ingress-nginx' }, { namespace: 'default' })], field: 'metadata.namespace' },
  // Service
  { id: 'SVC001', title: 'an externalName without type (so it needs ports)', pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { externalName: 'db.example.com' })], field: 'spec.ports' },
  { id: 'SVC002', title: 'port 99999', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 99999, targetPort: 'http' }] }), WEB_PODS], field: 'spec.ports[0].port' },
  { id: 'SVC003', title: 'two ports without names', pass: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'a', port: 1 }, { name: 'b', port: 2 }] }), DB_PODS], fail: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'a', port: 1 }, { port: 2 }] }), DB_PODS], field: 'spec.ports[1].name' },
  { id: 'SVC004', title: 'protocol in lower case', pass: [svc('dns', { selector: { app: 'db' }, ports: [{ port: 53, protocol: 'UDP' }] }), DB_PODS], fail: [svc('dns', { selector: { app: 'db' }, ports: [{ port: 53, protocol: 'udp' }] }), DB_PODS], field: 'spec.ports[0].protocol' },
  { id: 'SVC005', title: 'the same port twice', pass: [svc('dns', { selector: { app: 'db' }, ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }] }), DB_PODS], fail: [svc('dns', { selector: { app: 'db' }, ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53 }] }), DB_PODS], field: 'spec.ports[1]' },
  { id: 'SVC006', title: 'a targetPort name too long', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http-for-the-frontend' }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
  { id: 'SVC007', title: 'a nodePort on a ClusterIP Service', pass: [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS], field: 'spec.ports[0].nodePort' },
  { id: 'SVC008', title: 'an unknown type', pass: [web({ type: 'LoadBalancer' }), WEB_PODS], fail: [web({ type: 'Internal' }), WEB_PODS], field: 'spec.type' },
  { id: 'SVC009', title: 'a headless NodePort Service', pass: [web({ clusterIP: 'None' }), WEB_PODS], fail: [web({ type: 'NodePort', clusterIP: 'None' }), WEB_PODS], field: 'spec.clusterIP' },
  { id: 'SVC010', title: 'an ExternalName that is a URL', pass: [svc('site', { type: 'ExternalName', externalName: 'www.example.com.' })], fail: [svc('site', { type: 'ExternalName', externalName: 'https://www.example.com/' })], field: 'spec.externalName' },
  { id: 'SVC011', title: 'a ClientIP timeout over one day', pass: [web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS], fail: [web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 100000 } } }), WEB_PODS], field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds' },
  { id: 'SVC012', title: 'a loopback external IP', pass: [web({ externalIPs: ['203.0.113.10'] }), WEB_PODS], fail: [web({ externalIPs: ['203.0.113.10', '127.0.0.1'] }), WEB_PODS], field: 'spec.externalIPs[1]' },
  { id: 'SVC013', title: 'source ranges on a ClusterIP Service', pass: [web({ type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'] }), WEB_PODS], fail: [web({ loadBalancerSourceRanges: ['203.0.113.0/24'] }), WEB_PODS], field: 'spec.loadBalancerSourceRanges' },
  { id: 'SVC014', title: 'externalTrafficPolicy on a ClusterIP Service', pass: [web({ type: 'NodePort', externalTrafficPolicy: 'Local' }), WEB_PODS], fail: [web({ externalTrafficPolicy: 'Local' }), WEB_PODS], field: 'spec.externalTrafficPolicy' },
  { id: 'SVC015', title: 'two families with SingleStack', pass: [web({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] }), WEB_PODS], fail: [web({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] }), WEB_PODS], field: 'spec.ipFamilyPolicy' },
  { id: 'SVC016', title: 'loadBalancerClass on a NodePort Service', pass: [web({ type: 'LoadBalancer', loadBalancerClass: 'example.com/internal' }), WEB_PODS], fail: [web({ type: 'NodePort', loadBalancerClass: 'example.com/internal' }), WEB_PODS], field: 'spec.loadBalancerClass' },
  { id: 'SVC017', title: 'an appProtocol with a space', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'kubernetes.io/h2c' }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'http', appProtocol: 'http 2' }] }), WEB_PODS], field: 'spec.ports[0].appProtocol' },
  { id: 'SVC018', title: 'a selector value with a slash', pass: [web(), WEB_PODS], fail: [web({ selector: { app: 'web/v1' } }), WEB_PODS], field: 'spec.selector[app]' },
  { id: 'SVC019', title: 'externalName on a ClusterIP Service', pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { externalName: 'db.example.com', clusterIP: 'None' })], field: 'spec.externalName' },
  { id: 'SVC020', title: 'an ExternalName that is an IP literal', pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { type: 'ExternalName', externalName: '10.0.4.17' })], field: 'spec.externalName' },
  {
    id: 'SVC021',
    title: 'the same node port in two Services',
    pass: [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS, svc('api', { type: 'NodePort', selector: { app: 'db' }, ports: [{ port: 80, nodePort: 30081 }] }), DB_PODS],
    fail: [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), WEB_PODS, svc('api', { type: 'NodePort', selector: { app: 'db' }, ports: [{ port: 80, nodePort: 30080 }] }), DB_PODS],
    field: 'spec.ports[0].nodePort',
  },
  { id: 'SVC022', title: 'sessionAffinityConfig without ClientIP affinity', pass: [web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS], fail: [web({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }), WEB_PODS], field: 'spec.sessionAffinityConfig' },
  { id: 'SVC023', title: 'topology annotations that disagree', pass: [web({}, { annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Auto' } }), WEB_PODS], fail: [web({}, { annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Disabled' } }), WEB_PODS], field: 'metadata.annotations[service.kubernetes.io/topology-mode]' },
  { id: 'SVC024', title: 'the removed tolerate-unready-endpoints annotation', pass: [web({ clusterIP: 'None', publishNotReadyAddresses: true }), WEB_PODS], fail: [web({ clusterIP: 'None' }, { annotations: { 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' } }), WEB_PODS], field: 'metadata.annotations[service.alpha.kubernetes.io/tolerate-unready-endpoints]' },
  { id: 'SVC025', title: 'RequireDualStack on an IPv4-only cluster', options: { ipFamilies: ['IPv4'] }, pass: [web({ ipFamilyPolicy: 'PreferDualStack' }), WEB_PODS], fail: [web({ ipFamilyPolicy: 'RequireDualStack' }), WEB_PODS], field: 'spec.ipFamilyPolicy' },
  // Endpoints
  { id: 'EP001', title: 'an empty subset', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ ports: [{ name: 'mysql', port: 3306 }] }])], field: 'subsets[0]' },
  { id: 'EP002', title: 'a link-local address', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '169.254.169.254' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'subsets[0].addresses[0].ip' },
  { id: 'EP003', title: 'port 0', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 0 }] }])], field: 'subsets[0].ports[0].port' },
  { id: 'EP004', title: 'a hostname with dots', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17', hostname: 'db-0' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17', hostname: 'db.0' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'subsets[0].addresses[0].hostname' },
  { id: 'EP005', title: 'Endpoints on Kubernetes 1.33', options: { kubernetesVersion: '1.33' }, pass: SLICE_OK, fail: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'apiVersion' },
  // EndpointSlice
  { id: 'EPS001', title: 'addressType in lower case', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { addressType: 'ipv4' })], field: 'addressType' },
  { id: 'EPS002', title: '1001 endpoints in one slice', pass: [MYSQL, slice('mysql-1', 'mysql', { endpoints: Array.from({ length: 1000 }, (_, i) => ({ addresses: [`10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`] })) })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: Array.from({ length: 1001 }, () => ({ addresses: ['10.0.4.17'] })) })], field: 'endpoints' },
  { id: 'EPS003', title: 'an IPv6 address in an IPv4 slice', pass: [MYSQL, slice('mysql-1', 'mysql', { addressType: 'IPv6', endpoints: [{ addresses: ['2001:db8::17'] }] })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['2001:db8::17'] }] })], field: 'endpoints[0].addresses[0]' },
  { id: 'EPS004', title: 'a loopback address', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['127.0.0.1'] }] })], field: 'endpoints[0].addresses[0]' },
  { id: 'EPS004', title: 'a link-local multicast address', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['224.0.0.251'] }] })], field: 'endpoints[0].addresses[0]' },
  { id: 'EPS005', title: 'two ports with the same name', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { ports: [{ name: 'mysql', port: 3306 }, { name: 'mysql', port: 3307 }] })], field: 'ports[1].name' },
  { id: 'EPS006', title: 'a hostname in upper case', pass: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hostname: 'db-0' }] })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hostname: 'DB-0' }] })], field: 'endpoints[0].hostname' },
  { id: 'EPS007', title: 'two addresses in one endpoint', pass: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'] }, { addresses: ['10.0.4.18'] }] })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17', '10.0.4.18'] }] })], field: 'endpoints[0].addresses' },
  // Addresses the API server accepts but that cannot be what was meant
  { id: 'NET001', title: 'leading zeros in an endpoint address', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['010.0.4.17'] }] })], field: 'endpoints[0].addresses[0]' },
  { id: 'NET002', title: 'a global multicast address as endpoint', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['239.1.2.3'] }] })], field: 'endpoints[0].addresses[0]' },
  // Ingress
  { id: 'ING001', title: 'an Ingress with neither rules nor default backend', pass: ING_OK, fail: [ingress('site', {})], field: 'spec' },
  { id: 'ING002', title: 'an IP address as host', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('203.0.113.10', path('/'))] })], field: 'spec.rules[0].host' },
  { id: 'ING003', title: 'an HTTP rule without paths', pass: ING_OK, fail: [ingress('site', { rules: [{ host: 'shop.example.com', http: { paths: [] } }] })], field: 'spec.rules[0].http.paths' },
  { id: 'ING004', title: 'a path without pathType', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', { path: '/', backend: { service: { name: 'web', port: { number: 80 } } } })] })], field: 'spec.rules[0].http.paths[0].pathType' },
  { id: 'ING005', title: 'a relative Prefix path', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('api'))] })], field: 'spec.rules[0].http.paths[0].path' },
  { id: 'ING006', title: 'a backend with port name and number', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { number: 80, name: 'http' }))] })], field: 'spec.rules[0].http.paths[0].backend.service.port' },
  { id: 'ING007', title: 'a TLS host with an underscore', pass: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }], rules: [rule('shop.example.com', path('/'))] })], fail: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['shop_example.com'], secretName: 'tls' }], rules: [rule('shop_example.com', path('/'))] })], field: 'spec.tls[0].hosts[0]' },
  { id: 'ING008', title: 'a class annotation that differs from ingressClassName', pass: [...ING_OK.slice(0, 2), ingress('site', { ingressClassName: 'nginx', rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } })], fail: [...ING_OK.slice(0, 2), ingress('site', { ingressClassName: 'nginx', rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } })], field: 'metadata.annotations[kubernetes.io/ingress.class]' },
  { id: 'ING009', title: 'a rule host that no TLS entry covers', pass: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['*.example.com'], secretName: 'tls' }], rules: [rule('shop.example.com', path('/'))] })], fail: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }], rules: [rule('shop.example.com', path('/')), rule('www.example.com', path('/'))] })], field: 'spec.rules[1].host' },
  { id: 'IC001', title: 'an IngressClass without controller', pass: [ingressClass({ controller: 'k8s.io/ingress-nginx' })], fail: [ingressClass({})], field: 'spec.controller' },
  { id: 'IC002', title: 'namespaced parameters without namespace', pass: [ingressClass({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Params', name: 'p', scope: 'Namespace', namespace: 'ops' } })], fail: [ingressClass({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Params', name: 'p', scope: 'Namespace' } })], field: 'spec.parameters.namespace' },
  // Cross-object
  { id: 'XREF001', title: 'a selector that matches no pods', pass: [web(), WEB_PODS], fail: [web({ selector: { app: 'wbe' } }), WEB_PODS], field: 'spec.selector' },
  { id: 'XREF002', title: 'a named targetPort no container declares', pass: [web(), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 'web' }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
  { id: 'XREF003', title: 'a numeric targetPort no container declares', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), WEB_PODS], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), WEB_PODS], field: 'spec.ports[0].targetPort' },
  { id: 'XREF004', title: 'a slice for a Service that does not exist', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysq1')], field: 'metadata.labels[kubernetes.io/service-name]' },
  { id: 'XREF005', title: 'a slice without service-name label', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', undefined)], field: 'metadata.labels' },
  { id: 'XREF006', title: 'a slice port name that differs from the Service', pass: SLICE_OK, fail: [MYSQL, slice('mysql-1', 'mysql', { ports: [{ name: 'db', port: 3306 }] })], field: 'ports[0].name' },
  { id: 'XREF007', title: 'Endpoints not named like their Service', pass: [MYSQL, endpoints('mysql', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], fail: [MYSQL, endpoints('mysql-endpoints', [{ addresses: [{ ip: '10.0.4.17' }], ports: [{ name: 'mysql', port: 3306 }] }])], field: 'metadata.name' },
  { id: 'XREF008', title: 'an Ingress backend Service that does not exist', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'wbe'))] })], field: 'spec.rules[0].http.paths[0].backend.service.name' },
  { id: 'XREF009', title: 'an Ingress backend port that the Service lacks', pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/', 'web', { number: 8080 }))] })], field: 'spec.rules[0].http.paths[0].backend.service.port.number' },
  { id: 'XREF010', title: 'a TLS host no rule serves', pass: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['*.example.com'] }], rules: [rule('shop.example.com', path('/'))] })], fail: [...ING_OK.slice(0, 2), ingress('site', { tls: [{ hosts: ['www.example.com'] }], rules: [rule('shop.example.com', path('/'))] })], field: 'spec.tls[0].hosts[0]' },
  { id: 'XREF011', title: 'a host and path served by two Ingresses', pass: [...ING_OK, ingress('other', { rules: [rule('shop.example.com', path('/api'))] })], fail: [...ING_OK, ingress('other', { rules: [rule('shop.example.com', path('/'))] })], field: 'spec.rules[0].http.paths[0].path' },
  { id: 'XREF012', title: 'a StatefulSet whose Service is not headless', pass: [svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], fail: [svc('db', { selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], field: 'spec.serviceName' },
  { id: 'XREF013', title: 'a StatefulSet whose Service does not exist', pass: [svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'peer', port: 7000 }] }), statefulSet('db', 'db')], fail: [statefulSet('db', 'db-headless')], field: 'spec.serviceName' },
  { id: 'XREF014', title: 'a selector-less Service with no slice or Endpoints', pass: SLICE_OK, fail: [MYSQL], field: 'spec.selector' },
  { id: 'XREF015', title: 'a numeric targetPort that only the pods declaring ports lack', pass: [web({ ports: [{ name: 'http', port: 80, targetPort: 8080 }] }), WEB_PODS, deployment('web-canary', { app: 'web' }, [])], fail: [web({ ports: [{ name: 'http', port: 80, targetPort: 9090 }] }), WEB_PODS, deployment('web-canary', { app: 'web' }, [])], field: 'spec.ports[0].targetPort' },
  // Workloads
  { id: 'POD001', title: 'a probe on a port name the container does not declare', pass: [withProbe({ httpGet: { path: '/', port: 'http' } })], fail: [withProbe({ httpGet: { path: '/', port: 'web' } })], field: 'spec.template.spec.containers[0].readinessProbe.httpGet.port' },
  { id: 'POD002', title: 'a probe on a port number the container does not declare', pass: [withProbe({ tcpSocket: { port: 8080 } })], fail: [withProbe({ tcpSocket: { port: 9090 } })], field: 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port' },
  // Security profile
  { id: 'SEC001', title: 'externalIPs', options: { security: true }, pass: [web(), WEB_PODS], fail: [web({ externalIPs: ['203.0.113.10'] }), WEB_PODS], field: 'spec.externalIPs[0]' },
  { id: 'SEC002', title: 'an ExternalName to the metadata service', options: { security: true }, pass: [svc('db', { type: 'ExternalName', externalName: 'db.example.com' })], fail: [svc('db', { type: 'ExternalName', externalName: 'metadata.google.internal' })], field: 'spec.externalName' },
  { id: 'SEC003', title: 'a wildcard host', options: { security: true }, pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('*.example.com', path('/'))] })], field: 'spec.rules[0].host' },
  { id: 'SEC004', title: 'a NodePort Service', options: { security: true }, pass: [web(), WEB_PODS], fail: [web({ type: 'NodePort' }), WEB_PODS], field: 'spec.type' },
  { id: 'SEC005', title: 'a LoadBalancer without source ranges', options: { security: true }, pass: [web({ type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'] }), WEB_PODS], fail: [web({ type: 'LoadBalancer' }), WEB_PODS], field: 'spec.loadBalancerSourceRanges' },
  { id: 'SEC006', title: 'a snippet annotation', options: { security: true }, pass: ING_OK, fail: [web(), WEB_PODS, ingress('site', { rules: [rule('shop.example.com', path('/'))] }, { annotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' } })], field: 'metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]' },
  // Acknowledgements
  { id: 'ACK001', title: 'an acknowledgement without reason', pass: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001: pods are created by an operator' } })], fail: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001' } })], field: 'metadata.annotations[service-patterns.cdk8s.io/acknowledge]' },
  { id: 'ACK002', title: 'an acknowledgement of a server rule', pass: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001: pods are created by an operator' } })], fail: [web({ selector: { app: 'operator-pods' } }, { annotations: { 'service-patterns.cdk8s.io/acknowledge': 'XREF001: by an operator; SVC002: we like it' } })], field: 'metadata.annotations[service-patterns.cdk8s.io/acknowledge]' },
];

describe('rule catalogue', () => {
  test('every rule has a passing and a failing case', () => {
    // GIVEN the catalogue
    const ids = ManifestChecker.rules.map((r) => r.id);
    // THEN every rule is covered by a case below, and no case names an unknown rule
    expect([...new Set(CASES.map((c) => c.id))].sort()).toEqual([...ids].sort());
  });

  test('rules carry a summary, kinds, a severity and a Kubernetes docs link', () => {
    for (const info of ManifestChecker.rules) {
      expect(info.id).toMatch(/^(API|META|SVC|EP|EPS|ING|IC|NET|XREF|POD|SEC|ACK)[0-9]{3}$/);
      expect(info.summary.length).toBeGreaterThan(10);
      expect(info.kinds.length).toBeGreaterThan(0);
      expect([Severity.ERROR, Severity.WARNING]).toContain(info.severity);
      expect(info.docsUrl).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
    }
  });

  test('server rules cannot be acknowledged, cross-object rules can', () => {
    expect(ManifestChecker.rule('SVC002').acknowledgeable).toBe(false);
    expect(ManifestChecker.rule('XREF001').acknowledgeable).toBe(true);
  });

  test('fails if an unknown rule is asked for', () => {
    expect(() => ManifestChecker.rule('SVC999')).toThrow(/`id` must be the id of a rule of the catalogue, got 'SVC999'/);
  });
});

describe.each(CASES)('$id', (c) => {
  test(`passes: ${c.title} (fixed)`, () => {
    // WHEN the correct manifests are checked (as a complete set)
    const findings = ManifestChecker.check(c.pass, { ...c.options, complete: true });
    // THEN nothing is found at all
    expect(findings.map((f) => `${f.ruleId} ${f.field}: ${f.message}`)).toEqual([]);
  });

  test(`fails if ${c.title}`, () => {
    // WHEN the wrong manifests are checked as a complete set
    const findings = ManifestChecker.check(c.fail, { ...c.options, complete: true });
    // THEN the rule reports the field, with its severity and docs link
    const info = ManifestChecker.rule(c.id);
    const mine = findings.filter((f) => f.ruleId === c.id);
    expect(mine.map((f) => f.field)).toContain(c.field);
    for (const f of mine) {
      expect(f.severity).toBe(info.severity);
      expect(f.docsUrl).toBe(info.docsUrl);
      expect(f.message).toMatch(/^[a-z`'0-9]/);
      expect(f.message).not.toMatch(/\.$/);
    }
  });
});

test('docs/checker.md has the rules table generated from the catalogue', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const docs: string = require('fs').readFileSync(require('path').join(__dirname, '..', '..', 'docs', 'checker.md'), 'utf-8');
  // (regenerate with `npx ts-node --transpile-only scripts/generate-rule-docs.ts`)
  expect(docs).toEqual(withRuleTable(docs));
  for (const info of ManifestChecker.rules) {
    expect(docs).toContain(`| [${info.id}](${info.docsUrl}) | ${info.severity} | ${info.kinds.join(', ')} |`);
  }
});

describe('an object referred to and not among the manifests', () => {
  const cases = CASES.filter((c) => ManifestChecker.rule(c.id).missingReference);

  test('the rules that report one are marked', () => {
    expect(cases.map((c) => c.id).sort()).toEqual(['XREF001', 'XREF004', 'XREF007', 'XREF008', 'XREF013', 'XREF014']);
  });

  test.each(cases)('$id is a warning that says so, unless the manifests are declared complete', (c) => {
    // WHEN the manifests are checked as they are, not declared complete
    const mine = ManifestChecker.check(c.fail, c.options).filter((f) => f.ruleId === c.id);
    // THEN the finding is a warning that says the object is not among the manifests checked
    expect(mine.length).toBeGreaterThan(0);
    for (const f of mine) {
      expect(f.severity).toBe(Severity.WARNING);
      expect(f.message).toMatch(/among the manifests checked: unless it is applied from elsewhere, /);
    }
  });
});
