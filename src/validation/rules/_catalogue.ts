import { RuleInfo, Severity } from '../finding';

const D = 'https://kubernetes.io/docs';
const SVC = `${D}/concepts/services-networking/service/`;
const EPS = `${D}/concepts/services-networking/endpoint-slices/`;
const ING = `${D}/concepts/services-networking/ingress/`;
const NAMES = `${D}/concepts/overview/working-with-objects/names/`;

const E = Severity.ERROR;
const W = Severity.WARNING;

/** One catalogue entry, before it is copied out as a `RuleInfo`. */
interface Entry {
  readonly summary: string;
  readonly kinds: string[];
  readonly severity: Severity;
  readonly docsUrl: string;
  /** True for rules the API server applies: acknowledging them changes nothing. */
  readonly server?: boolean;
  /**
   * True for rules that report an object referred to and not among the manifests: a warning
   * unless the set is declared complete (see `Reporter.reportMissing`).
   */
  readonly missing?: boolean;
  /** True for rules that find at most one thing per object (an acknowledgement may name the rule alone). */
  readonly one?: boolean;
  /** The opt-in profile of the rule. */
  readonly profile?: 'security';
}

const S = ['Service'];
const EP = ['Endpoints'];
const SL = ['EndpointSlice'];
const IN = ['Ingress'];
const IC = ['IngressClass'];
const FIVE = ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'];
const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'];
const PROBES = `${D}/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/`;

/**
 * The rule catalogue: id to entry. Ids are stable; a retired rule keeps its id unused.
 */
export const CATALOGUE: Record<string, Entry> = {
  // API versions and decoding
  API001: { summary: 'the apiVersion was removed from Kubernetes before 1.28', kinds: ['*'], severity: E, docsUrl: `${D}/reference/using-api/deprecation-guide/`, server: true },
  API002: { summary: 'the kind is not served under this apiVersion', kinds: FIVE, severity: E, docsUrl: `${D}/reference/using-api/#api-groups`, server: true },
  API003: { summary: 'unknown field (rejected by strict field validation, the kubectl default)', kinds: FIVE, severity: E, docsUrl: `${D}/reference/using-api/api-concepts/#field-validation`, server: true },
  API004: { summary: 'a field has the wrong type (a string where a number is expected, ...)', kinds: FIVE, severity: E, docsUrl: `${D}/reference/using-api/api-concepts/#field-validation`, server: true },
  API005: { summary: 'the object is not a map with `apiVersion`, `kind` and `metadata`', kinds: ['*'], severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/#required-fields`, server: true, one: true },
  API006: { summary: 'the kind is not served by its API group (a misspelt kind, such as \'Servce\')', kinds: ['*'], severity: E, docsUrl: `${D}/reference/using-api/#api-groups`, server: true, one: true },
  API007: { summary: 'a field is not generally available in the Kubernetes version checked (alpha or beta): the API server drops it where its feature gate is off', kinds: FIVE, severity: W, docsUrl: `${D}/reference/command-line-tools-reference/feature-gates/` },

  // Object metadata
  META001: { summary: 'the object name is missing or invalid for its kind (DNS-1035 label for Services, DNS-1123 subdomain otherwise)', kinds: FIVE, severity: E, docsUrl: NAMES, server: true },
  META002: { summary: 'the namespace is not a DNS-1123 label', kinds: FIVE, severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/namespaces/`, server: true },
  META003: { summary: 'a label key or value has invalid syntax', kinds: FIVE, severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/labels/#syntax-and-character-set`, server: true },
  META004: { summary: 'an annotation key has invalid syntax, or the annotations exceed 256 KiB', kinds: FIVE, severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/annotations/#syntax-and-character-set`, server: true },
  META005: { summary: 'a namespace on a cluster-scoped object (IngressClass) is ignored', kinds: IC, severity: W, docsUrl: `${D}/concepts/overview/working-with-objects/namespaces/#not-all-objects-are-in-a-namespace`, one: true },
  META006: { summary: 'a finalizer is not a qualified name, or an owner reference lacks apiVersion, kind, name or uid', kinds: FIVE, severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/owners-dependents/`, server: true },
  META007: { summary: 'a finalizer has no domain prefix, so it may collide with another controller\'s finalizer', kinds: FIVE, severity: W, docsUrl: `${D}/concepts/overview/working-with-objects/finalizers/` },

  // Service
  SVC001: { summary: 'a Service needs `spec.ports` unless it is headless or of type ExternalName', kinds: S, severity: E, docsUrl: `${SVC}#field-spec-ports`, server: true },
  SVC002: { summary: 'a port number is not between 1 and 65535', kinds: S, severity: E, docsUrl: `${SVC}#field-spec-ports`, server: true },
  SVC003: { summary: 'a port name is missing (several ports), not a DNS-1123 label, or repeated', kinds: S, severity: E, docsUrl: `${SVC}#multi-port-services`, server: true },
  SVC004: { summary: 'a protocol is not TCP, UDP or SCTP', kinds: S, severity: E, docsUrl: `${D}/reference/networking/service-protocols/`, server: true },
  SVC005: { summary: 'two ports have the same port number and protocol', kinds: S, severity: E, docsUrl: `${SVC}#multi-port-services`, server: true },
  SVC006: { summary: 'a targetPort is not a port number or an IANA service name', kinds: S, severity: E, docsUrl: `${SVC}#field-spec-ports`, server: true },
  SVC007: { summary: 'a nodePort is set on a ClusterIP Service, is outside the node port range, or is repeated', kinds: S, severity: E, docsUrl: `${SVC}#type-nodeport`, server: true },
  SVC008: { summary: 'the Service type is not ClusterIP, NodePort, LoadBalancer or ExternalName', kinds: S, severity: E, docsUrl: `${SVC}#publishing-services-service-types`, server: true },
  SVC009: { summary: 'clusterIP or clusterIPs are invalid for the Service type (not an IP or None, None on NodePort/LoadBalancer, set on ExternalName)', kinds: S, severity: E, docsUrl: `${SVC}#headless-services`, server: true },
  SVC010: { summary: 'an ExternalName Service needs `spec.externalName`, a DNS-1123 subdomain', kinds: S, severity: E, docsUrl: `${SVC}#externalname`, server: true },
  SVC011: { summary: 'sessionAffinity is not None or ClientIP, or its config does not match (timeout 1 to 86400 seconds)', kinds: S, severity: E, docsUrl: `${D}/reference/networking/virtual-ips/#session-affinity`, server: true },
  SVC012: { summary: 'an external IP is not a valid IP address, or is in a range the API server refuses (unspecified, loopback, link-local, link-local multicast)', kinds: S, severity: E, docsUrl: `${SVC}#external-ips`, server: true },
  SVC013: { summary: 'loadBalancerSourceRanges are set on a Service that is not a LoadBalancer, or are not CIDRs', kinds: S, severity: E, docsUrl: `${D}/tasks/access-application-cluster/create-external-load-balancer/#restricting-access`, server: true },
  SVC014: { summary: 'a traffic policy is not Cluster or Local, or externalTrafficPolicy/healthCheckNodePort are set where they do not apply', kinds: S, severity: E, docsUrl: `${D}/reference/networking/virtual-ips/#traffic-policies`, server: true },
  SVC015: { summary: 'ipFamilies or ipFamilyPolicy are invalid or contradict each other', kinds: S, severity: E, docsUrl: `${D}/concepts/services-networking/dual-stack/#services`, server: true },
  SVC016: { summary: 'loadBalancerClass or allocateLoadBalancerNodePorts are set on a Service that is not a LoadBalancer', kinds: S, severity: E, docsUrl: `${SVC}#loadbalancer`, server: true },
  SVC017: { summary: 'an appProtocol is not a qualified name', kinds: ['Service', 'Endpoints', 'EndpointSlice'], severity: E, docsUrl: `${SVC}#application-protocol`, server: true },
  SVC018: { summary: 'a selector key or value has invalid label syntax', kinds: S, severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/labels/#syntax-and-character-set`, server: true },
  SVC019: { summary: '`externalName` is ignored because the Service type is not ExternalName', kinds: S, severity: W, docsUrl: `${SVC}#externalname`, one: true },
  SVC020: { summary: 'an externalName is an IP address: DNS resolves it to nothing (a CNAME must name a host)', kinds: S, severity: E, docsUrl: `${SVC}#externalname`, one: true },
  SVC021: { summary: 'a nodePort or clusterIP is already taken by another Service among the manifests (the API server refuses to allocate it twice)', kinds: S, severity: E, docsUrl: `${SVC}#type-nodeport`, server: true },
  SVC022: { summary: '`sessionAffinityConfig` is set while `sessionAffinity` is None: the API server drops it', kinds: S, severity: W, docsUrl: `${D}/reference/networking/virtual-ips/#session-affinity`, one: true },
  SVC023: { summary: 'the annotations `service.kubernetes.io/topology-mode` and `service.kubernetes.io/topology-aware-hints` disagree', kinds: S, severity: E, docsUrl: `${D}/concepts/services-networking/topology-aware-routing/`, server: true, one: true },
  SVC024: { summary: 'the annotation `service.alpha.kubernetes.io/tolerate-unready-endpoints` was removed: use `spec.publishNotReadyAddresses`', kinds: S, severity: W, docsUrl: `${D}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec`, one: true },
  SVC025: { summary: 'the Service asks for an IP family the cluster does not have (`ipFamilies`, `RequireDualStack`), as stated with `ipFamilies`', kinds: S, severity: E, docsUrl: `${D}/concepts/services-networking/dual-stack/#services`, server: true },

  // Endpoints (legacy)
  EP001: { summary: 'an Endpoints subset has neither `addresses` nor `notReadyAddresses`', kinds: EP, severity: E, docsUrl: `${SVC}#endpoints`, server: true },
  EP002: { summary: 'an Endpoints address is not a valid IP, or is in a range the API server refuses for endpoints (unspecified, loopback, link-local, link-local multicast)', kinds: EP, severity: E, docsUrl: `${SVC}#endpoints`, server: true },
  EP003: { summary: 'an Endpoints port is invalid (number, protocol, name missing when several, not a DNS-1123 label, repeated)', kinds: EP, severity: E, docsUrl: `${SVC}#endpoints`, server: true },
  EP004: { summary: 'an Endpoints address hostname or nodeName is invalid', kinds: EP, severity: E, docsUrl: `${SVC}#endpoints`, server: true },
  EP005: { summary: 'v1 Endpoints are deprecated from Kubernetes 1.33: use `discovery.k8s.io/v1` EndpointSlices', kinds: EP, severity: W, docsUrl: `${D}/reference/using-api/deprecation-guide/`, one: true },

  // EndpointSlice
  EPS001: { summary: 'addressType is missing or not IPv4, IPv6 or FQDN', kinds: SL, severity: E, docsUrl: `${EPS}#address-types`, server: true },
  EPS002: { summary: 'an EndpointSlice has more than 1000 endpoints, or an endpoint has no address or more than 100', kinds: SL, severity: E, docsUrl: EPS, server: true },
  EPS003: { summary: 'an endpoint address does not match the slice addressType', kinds: SL, severity: E, docsUrl: `${EPS}#address-types`, server: true },
  EPS004: { summary: 'an endpoint address is in a range the API server refuses for endpoints (unspecified, loopback, link-local such as the metadata service, link-local multicast)', kinds: SL, severity: E, docsUrl: EPS, server: true },
  EPS005: { summary: 'an EndpointSlice port is invalid (number, protocol, name not a DNS-1123 label, repeated, more than 20000)', kinds: SL, severity: E, docsUrl: EPS, server: true },
  EPS006: { summary: 'an endpoint hostname, nodeName or zone hint is invalid', kinds: SL, severity: E, docsUrl: EPS, server: true },
  EPS007: { summary: 'an endpoint has several addresses: consumers use only the first one', kinds: SL, severity: W, docsUrl: EPS },

  // Ingress
  ING001: { summary: 'an Ingress needs `spec.defaultBackend` or `spec.rules`', kinds: IN, severity: E, docsUrl: `${ING}#the-ingress-resource`, server: true },
  ING002: { summary: 'a rule host is not a DNS name (or a wildcard `*.name`), or is an IP address', kinds: IN, severity: E, docsUrl: `${ING}#hostname-wildcards`, server: true },
  ING003: { summary: 'an HTTP rule has no paths', kinds: IN, severity: E, docsUrl: `${ING}#ingress-rules`, server: true },
  ING004: { summary: 'pathType is missing or not Exact, Prefix or ImplementationSpecific', kinds: IN, severity: E, docsUrl: `${ING}#path-types`, server: true },
  ING005: { summary: 'a path is not absolute, or an Exact/Prefix path has invalid sequences', kinds: IN, severity: E, docsUrl: `${ING}#path-types`, server: true },
  ING006: { summary: 'a backend is not exactly one of a Service (name and port) or a resource', kinds: IN, severity: E, docsUrl: `${ING}#resource-backend`, server: true },
  ING007: { summary: 'a TLS host is not a DNS name or wildcard, or a TLS secretName is not a DNS-1123 subdomain', kinds: IN, severity: E, docsUrl: `${ING}#tls`, server: true },
  ING008: { summary: 'ingressClassName is not a DNS-1123 subdomain, or differs from the `kubernetes.io/ingress.class` annotation', kinds: IN, severity: E, docsUrl: `${ING}#ingress-class`, server: true },
  ING009: { summary: 'a rule host is covered by no TLS entry of an Ingress that has TLS: it is served with the controller\'s default certificate, or over plain HTTP', kinds: IN, severity: W, docsUrl: `${ING}#tls` },
  IC001: { summary: 'an IngressClass needs `spec.controller`, a domain-prefixed path of at most 250 characters', kinds: IC, severity: E, docsUrl: `${ING}#ingress-class`, server: true },
  IC002: { summary: 'IngressClass parameters need kind and name, a scope of Cluster or Namespace, and a namespace exactly when namespaced', kinds: IC, severity: E, docsUrl: `${ING}#ingressclass-scope`, server: true },

  // Cross-object rules: no server checks these, traffic just does not arrive.
  XREF001: { summary: 'a Service selector matches no pod template in its namespace among the manifests', kinds: S, severity: E, docsUrl: `${SVC}#defining-a-service`, missing: true, one: true },
  XREF002: { summary: 'a named targetPort is not declared, with the Service port protocol, by the containers the Service selects', kinds: S, severity: E, docsUrl: `${SVC}#field-spec-ports` },
  XREF003: { summary: 'a numeric targetPort is declared by no container of the selected pods, which all declare their ports', kinds: S, severity: E, docsUrl: `${SVC}#field-spec-ports` },
  XREF004: { summary: 'an EndpointSlice names (`kubernetes.io/service-name`) a Service that is not among the manifests in its namespace', kinds: SL, severity: E, docsUrl: `${SVC}#custom-endpointslices`, missing: true, one: true },
  XREF005: { summary: 'an EndpointSlice has no `kubernetes.io/service-name` label, so no Service uses it', kinds: SL, severity: W, docsUrl: `${SVC}#custom-endpointslices`, one: true },
  XREF006: { summary: 'the port names of an EndpointSlice or Endpoints differ from those of its Service', kinds: ['EndpointSlice', 'Endpoints'], severity: E, docsUrl: `${SVC}#services-without-selectors` },
  XREF007: { summary: 'an Endpoints object is not named like a Service among the manifests in its namespace', kinds: EP, severity: E, docsUrl: `${SVC}#services-without-selectors`, missing: true, one: true },
  XREF008: { summary: 'an Ingress backend names a Service that is not among the manifests in its namespace', kinds: IN, severity: E, docsUrl: `${ING}#the-ingress-resource`, missing: true },
  XREF009: { summary: 'an Ingress backend port is not a port of its Service', kinds: IN, severity: E, docsUrl: `${ING}#the-ingress-resource` },
  XREF010: { summary: 'a TLS host is served by no rule of its Ingress', kinds: IN, severity: E, docsUrl: `${ING}#tls` },
  XREF011: { summary: 'the same host and path are served by two Ingresses (or twice by one) of the same class and entry points', kinds: IN, severity: E, docsUrl: `${ING}#name-based-virtual-hosting` },
  XREF012: { summary: 'a StatefulSet serviceName names a Service that is not headless', kinds: ['StatefulSet'], severity: E, docsUrl: `${D}/concepts/workloads/controllers/statefulset/#stable-network-id`, one: true },
  XREF013: { summary: 'a StatefulSet serviceName names a Service that is not among the manifests in its namespace', kinds: ['StatefulSet'], severity: E, docsUrl: `${D}/concepts/workloads/controllers/statefulset/#stable-network-id`, missing: true, one: true },
  XREF014: { summary: 'a Service without selector has no EndpointSlice or Endpoints among the manifests, so it has no backends', kinds: S, severity: E, docsUrl: `${SVC}#services-without-selectors`, missing: true, one: true },
  XREF015: { summary: 'a numeric targetPort is declared by no container of the selected pods that declare ports, while other selected pods declare none', kinds: S, severity: W, docsUrl: `${SVC}#field-spec-ports` },

  // Workloads
  POD001: { summary: 'a probe names a port that its container does not declare: the probe always fails', kinds: WORKLOADS, severity: E, docsUrl: PROBES },
  POD002: { summary: 'a probe uses a port number that its container, which declares ports, does not declare', kinds: WORKLOADS, severity: W, docsUrl: PROBES },

  // Security profile (opt-in: `security`)
  SEC001: { summary: 'a Service uses `externalIPs`: whoever can edit Services can claim any address this way (CVE-2020-8554)', kinds: S, severity: E, docsUrl: `${SVC}#external-ips`, profile: 'security' },
  SEC002: { summary: 'an ExternalName points at localhost, a loopback or link-local address, or a cloud metadata host', kinds: S, severity: E, docsUrl: `${SVC}#externalname`, profile: 'security', one: true },
  SEC003: { summary: 'an Ingress serves a wildcard host', kinds: IN, severity: E, docsUrl: `${ING}#hostname-wildcards`, profile: 'security' },
  SEC004: { summary: 'a Service opens a port on every node (type NodePort)', kinds: S, severity: E, docsUrl: `${SVC}#type-nodeport`, profile: 'security', one: true },
  SEC005: { summary: 'a LoadBalancer Service accepts every client address (no `loadBalancerSourceRanges`)', kinds: S, severity: E, docsUrl: `${D}/tasks/access-application-cluster/create-external-load-balancer/#restricting-access`, profile: 'security', one: true },
  SEC006: { summary: 'an annotation injects raw controller configuration (`*-snippet`, CVE-2021-25742)', kinds: IN, severity: E, docsUrl: `${ING}#the-ingress-resource`, profile: 'security' },

  // Acknowledgements
  NET001: { summary: 'an IPv4 address has leading zeros: the API server reads them as decimal, other tools as octal', kinds: ['Service', 'Endpoints', 'EndpointSlice'], severity: E, docsUrl: `${D}/reference/networking/virtual-ips/` },
  NET002: { summary: 'an endpoint or external IP is multicast, broadcast or in 0.0.0.0/8: the API server accepts it, but it cannot be one backend', kinds: ['Service', 'Endpoints', 'EndpointSlice'], severity: E, docsUrl: EPS },
  ACK001: { summary: 'an acknowledgement has no reason, cannot be read, or names a rule that finds several things per object without naming which one (`RULE(target): reason`)', kinds: ['*'], severity: E, docsUrl: `${D}/concepts/overview/working-with-objects/annotations/` },
  ACK002: { summary: 'an acknowledgement names an unknown rule, or a rule the API server enforces (which cannot be acknowledged)', kinds: ['*'], severity: W, docsUrl: `${D}/concepts/overview/working-with-objects/annotations/` },
};

/** The catalogue as public `RuleInfo` structs, in id order. */
export function ruleInfos(): RuleInfo[] {
  return Object.keys(CATALOGUE).map(ruleInfo);
}

/** One rule as a `RuleInfo` (a copy). */
export function ruleInfo(id: string): RuleInfo {
  const e = CATALOGUE[id];
  return {
    id,
    summary: e.summary,
    kinds: [...e.kinds],
    severity: e.severity,
    docsUrl: e.docsUrl,
    acknowledgeable: e.server !== true,
    missingReference: e.missing === true,
    manyPerObject: e.one !== true,
    ...(e.profile !== undefined ? { profile: e.profile } : {}),
  };
}
