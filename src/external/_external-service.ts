// Internal: the validation and the objects of an outside backend's Service, shared by
// ExternalService and ExternalDatabase. Not exported by the folder's index, so not part of the
// package's API.
import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkSessionAffinity, resolveAddresses, resolveHostname, sessionAffinityFields } from './_values';
import { ExternalBackend } from './external-backend';
import type { ExternalServicePort, ExternalServiceProps } from './external-service-props';
import { EndpointObjects } from './external-service-props';
import { SessionAffinity } from './session-affinity';
import { Problems } from '../core/problems';
import { IpAddress, IpFamily } from '../net/ip';
import { appLabelsOf, checkPartOf } from '../net/labels';
import { KubeName } from '../net/names';
import { ResolvedServicePort, resolveServicePorts } from '../net/resolve-ports';
import { ServiceDnsNames } from '../net/service-dns';
import { ServicePortOptions } from '../net/service-port';

/**
 * The value of the `endpointslice.kubernetes.io/managed-by` label of the EndpointSlices this
 * library writes (a label value cannot contain '/').
 */
export const MANAGED_BY = 'cdk8s-service-patterns';

/** The most endpoints Kubernetes accepts in one EndpointSlice. */
export const MAX_ENDPOINTS_PER_SLICE = 1000;

/** The most ports Kubernetes accepts in one EndpointSlice. */
export const MAX_PORTS = 100;

/** What `buildExternalService` wrote. */
export interface BuiltExternalService {
  readonly serviceName: string;
  readonly dnsNames: ServiceDnsNames;
  readonly service: ApiObject;
  readonly endpoints?: ApiObject;
  readonly externalName?: string;
  readonly ipFamilyPolicy?: string;
  readonly ports: ExternalServicePort[];
  readonly slices: ApiObject[];
  readonly addresses: string[];
  readonly families: IpFamily[];
}

/** How the caller of `buildExternalService` took part in the validation. */
export interface ExternalServiceBuildOptions {
  /**
   * Whether the caller already reported in `problems` why `ports` is empty (an
   * `ExternalDatabase` whose engine or port is wrong), so that the missing port is not
   * reported a second time.
   */
  readonly emptyPortsReported?: boolean;
}

/**
 * Validates the props of an outside backend's Service into `problems` (which may already hold
 * problems of the caller's own props) and throws one `ValidationError` with all of them; or
 * writes under `scope` the Service (`Resource`) and, for an address backend, its EndpointSlices
 * (`EndpointSlice-<family>-<n>`) and/or Endpoints (`Endpoints`).
 */
export function buildExternalService(
  scope: Construct,
  given: Partial<ExternalServiceProps>,
  problems: Problems,
  options: ExternalServiceBuildOptions = {},
): BuiltExternalService {
  const backend = given.backend;
  const isBackend = backend instanceof ExternalBackend;
  if (!isBackend) {
    problems.add('backend', backend, 'must be an `ExternalBackend`', 'use ExternalBackend.addresses([...]) or ExternalBackend.hostname(\'...\')');
  }
  const byHostname = isBackend && backend.isHostname;

  // Addresses or host name.
  const addresses: IpAddress[] = isBackend && !byHostname ? resolveAddresses(backend, problems, 'backend.addresses') : [];
  const externalName = isBackend && byHostname ? resolveHostname(backend, problems, 'backend.hostname') : undefined;
  const families = familiesInOrder(addresses);

  // Ports.
  const portList: unknown = given.ports ?? [];
  let ports: ResolvedServicePort[] = [];
  if (!Array.isArray(portList)) {
    problems.add('ports', portList, 'must be a list of ports such as [{ port: 5432 }]');
  } else {
    ports = resolveServicePorts(portList, problems, 'ports', defaultPortName(portList));
    if (isBackend && !byHostname && portList.length === 0 && !options.emptyPortsReported) {
      problems.add('ports', portList, 'must contain at least one port for an address backend: the EndpointSlices need the port the backend listens on', 'give e.g. ports: [{ port: 5432 }]');
    }
    if (portList.length > MAX_PORTS) {
      problems.add('ports', `${portList.length} ports`, `must contain no more than ${MAX_PORTS} ports (the limit of an EndpointSlice)`);
    }
    ports.forEach((p, i) => {
      if (p.targetPortName !== undefined && !byHostname) {
        problems.add(`ports[${i}].targetPortName`, p.targetPortName, 'must not be set: an outside backend has no pods whose named container port it could refer to', 'give the port the backend listens on as a number, e.g. targetPort: 3306');
      }
      const target = p.targetPortName ?? p.targetPort;
      if (byHostname && target !== p.port) {
        const field = p.targetPortName !== undefined ? 'targetPortName' : 'targetPort';
        problems.add(`ports[${i}].${field}`, target, `must be left out or equal \`port\` (${p.port}) for a host name backend: an ExternalName Service is a DNS CNAME, so clients connect to the outside host directly on the port they use and nothing can remap it`, 'use port ' + target + ' (the outside port) as `port`, or give the backend as IP addresses to remap ports');
      }
    });
  }

  // Host name backends are DNS records: nothing to proxy, nothing to mirror.
  if (byHostname && given.sessionAffinity !== undefined && given.sessionAffinity.type !== SessionAffinity.NONE.type) {
    problems.add('sessionAffinity', given.sessionAffinity.type, 'must not be set for a host name backend: an ExternalName Service is a DNS CNAME and proxies no connections', 'remove `sessionAffinity`, or give the backend as IP addresses');
  }
  const objects = given.endpointObjects ?? EndpointObjects.ENDPOINT_SLICES;
  if (!(Object.values(EndpointObjects) as string[]).includes(objects)) {
    problems.add('endpointObjects', objects, 'must be an `EndpointObjects` value', 'use EndpointObjects.ENDPOINT_SLICES, LEGACY_ENDPOINTS or BOTH');
  } else if (byHostname && given.endpointObjects !== undefined) {
    problems.add('endpointObjects', objects, 'must not be set for a host name backend: an ExternalName Service has no endpoints', 'remove `endpointObjects`, or give the backend as IP addresses');
  } else if (objects === EndpointObjects.LEGACY_ENDPOINTS && addresses.length > MAX_ENDPOINTS_PER_SLICE) {
    problems.add('backend.addresses', `${addresses.length} addresses`, `must contain no more than ${MAX_ENDPOINTS_PER_SLICE} addresses with EndpointObjects.LEGACY_ENDPOINTS: Kubernetes mirrors at most ${MAX_ENDPOINTS_PER_SLICE} addresses of an Endpoints object into EndpointSlices`, 'use EndpointObjects.ENDPOINT_SLICES or BOTH');
  }
  if (given.sessionAffinity !== undefined) {
    if (given.sessionAffinity instanceof SessionAffinity) {
      checkSessionAffinity(given.sessionAffinity, problems, 'sessionAffinity');
    } else {
      problems.add('sessionAffinity', given.sessionAffinity, 'must be a `SessionAffinity`', 'use SessionAffinity.NONE or SessionAffinity.clientIp(Duration.hours(3))');
    }
  }

  // Names and labels.
  checkPartOf(problems, given.partOf);
  if (given.serviceName !== undefined) {
    problems.addEach('serviceName', given.serviceName, KubeName.dns1035LabelErrors(given.serviceName), 'Service names start with a letter and use lower-case letters, digits and \'-\'');
  }
  const namespace = given.namespace ?? Chart.of(scope).namespace;
  if (namespace !== undefined) {
    problems.addEach('namespace', namespace, KubeName.dns1123LabelErrors(namespace));
  }
  if (given.clusterDomain !== undefined) {
    const domain = typeof given.clusterDomain === 'string' ? given.clusterDomain.replace(/\.$/, '') : given.clusterDomain;
    problems.addEach('clusterDomain', given.clusterDomain, KubeName.dns1123SubdomainErrors(domain));
  }

  const resolvedPorts: ExternalServicePort[] = ports.map((p) => ({
    name: p.name,
    port: p.port,
    backendPort: typeof p.targetPort === 'number' ? p.targetPort : p.port,
    protocol: p.protocol,
    appProtocol: p.appProtocol,
  }));
  const ipFamilyPolicy = byHostname ? undefined : (families.length > 1 ? 'RequireDualStack' : 'SingleStack');

  const service = plainObject(scope, 'Resource', 'v1', 'Service', k8s.toJson_KubeServiceProps({
    metadata: definedOnly({ name: given.serviceName, namespace: given.namespace }),
    spec: serviceSpec(resolvedPorts, { byHostname, externalName, families, ipFamilyPolicy, affinity: given.sessionAffinity }),
  }));
  const serviceName = service.name;
  if (given.serviceName === undefined) {
    problems.addEach('serviceName', serviceName, KubeName.dns1035LabelErrors(serviceName).map((e) => `generated from the construct path ${e}`), 'give `serviceName`, or a construct id that starts with a letter');
  }
  if (!problems.empty) {
    // Leave nothing behind for a caller that catches the error and synthesizes anyway.
    scope.node.tryRemoveChild(service.node.id);
    problems.throwIfAny();
  }

  // The recommended labels, from the Service name (never from the construct path).
  const labels = appLabelsOf(serviceName, given.partOf);
  for (const [key, value] of Object.entries(labels)) {
    service.metadata.addLabel(key, value);
  }
  const dnsNames = ServiceDnsNames.of({ serviceName, namespace, clusterDomain: given.clusterDomain });
  const slices: ApiObject[] = [];
  let endpoints: ApiObject | undefined;
  const addressList = addresses.map((a) => a.toString());
  if (!byHostname) {
    if (objects !== EndpointObjects.LEGACY_ENDPOINTS) {
      slices.push(...endpointSlices(scope, serviceName, labels, resolvedPorts, addresses, families, given.namespace));
    }
    if (objects !== EndpointObjects.ENDPOINT_SLICES) {
      endpoints = legacyEndpoints(scope, serviceName, labels, resolvedPorts, addressList, given.namespace, objects === EndpointObjects.BOTH);
    }
  }
  return { serviceName, dnsNames, service, endpoints, externalName, ipFamilyPolicy, ports: resolvedPorts, slices, addresses: addressList, families };
}

interface ServiceShape {
  readonly byHostname: boolean;
  readonly externalName?: string;
  readonly families: readonly IpFamily[];
  readonly ipFamilyPolicy?: string;
  readonly affinity?: SessionAffinity;
}

function serviceSpec(resolvedPorts: readonly ExternalServicePort[], shape: ServiceShape): k8s.ServiceSpec {
  const ports = resolvedPorts.map((p): k8s.ServicePort => ({
    name: p.name,
    port: p.port,
    protocol: p.protocol,
    appProtocol: p.appProtocol,
    targetPort: shape.byHostname ? undefined : k8s.IntOrString.fromNumber(p.backendPort),
  }));
  if (shape.byHostname) {
    return {
      type: 'ExternalName',
      externalName: shape.externalName,
      ports: ports.length > 0 ? ports : undefined,
    };
  }
  const affinityFields = shape.affinity instanceof SessionAffinity ? sessionAffinityFields(shape.affinity) : {};
  return {
    type: 'ClusterIP',
    ipFamilyPolicy: shape.ipFamilyPolicy,
    ipFamilies: shape.families.length > 0 ? [...shape.families] : undefined,
    ports,
    ...affinityFields,
  };
}

function endpointSlices(scope: Construct, serviceName: string, labels: { [key: string]: string }, resolvedPorts: readonly ExternalServicePort[],
  addresses: readonly IpAddress[], families: readonly IpFamily[], namespace: string | undefined): ApiObject[] {
  const ports = resolvedPorts.map((p): k8s.EndpointPort => ({
    name: p.name,
    port: p.backendPort,
    protocol: p.protocol,
    appProtocol: p.appProtocol,
  }));
  const slices: ApiObject[] = [];
  for (const family of families) {
    const ofFamily = addresses.filter((a) => a.family === family);
    const tag = family.toLowerCase();
    for (let start = 0, n = 1; start < ofFamily.length; start += MAX_ENDPOINTS_PER_SLICE, n++) {
      const chunk = ofFamily.slice(start, start + MAX_ENDPOINTS_PER_SLICE);
      slices.push(plainObject(scope, `EndpointSlice-${family}-${n}`, 'discovery.k8s.io/v1', 'EndpointSlice', k8s.toJson_KubeEndpointSliceProps({
        metadata: definedOnly({
          name: `${serviceName}-${tag}-${n}`,
          namespace,
          labels: {
            ...labels,
            'kubernetes.io/service-name': serviceName,
            'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
          },
        }),
        addressType: family,
        endpoints: chunk.map((a) => ({ addresses: [a.toString()] })),
        ports,
      })));
    }
  }
  return slices;
}

function legacyEndpoints(scope: Construct, serviceName: string, labels: { [key: string]: string }, resolvedPorts: readonly ExternalServicePort[],
  addressList: readonly string[], namespace: string | undefined, skipMirror: boolean): ApiObject {
  return plainObject(scope, 'Endpoints', 'v1', 'Endpoints', k8s.toJson_KubeEndpointsProps({
    metadata: definedOnly({
      name: serviceName,
      namespace,
      labels: {
        ...labels,
        // We write the EndpointSlices ourselves; mirrored ones would duplicate every address.
        ...(skipMirror ? { 'endpointslice.kubernetes.io/skip-mirror': 'true' } : {}),
      },
    }),
    subsets: [{
      addresses: addressList.map((ip) => ({ ip })),
      ports: resolvedPorts.map((p) => ({
        name: p.name,
        port: p.backendPort,
        protocol: p.protocol,
        appProtocol: p.appProtocol,
      })),
    }],
  }));
}

/**
 * The name of a port given without one: its `appProtocol` when that is an IANA service name no
 * other port uses, otherwise `<protocol>-<port>`.
 */
function defaultPortName(ports: readonly ServicePortOptions[]): (port: ServicePortOptions, index: number) => string {
  const taken = new Set<string>();
  const appProtocolCount = new Map<string, number>();
  for (const p of ports) {
    if (p !== null && typeof p === 'object') {
      if (typeof p.name === 'string') {
        taken.add(p.name);
      }
      if (typeof p.appProtocol === 'string') {
        appProtocolCount.set(p.appProtocol, (appProtocolCount.get(p.appProtocol) ?? 0) + 1);
      }
    }
  }
  return (port) => {
    const app = port.appProtocol;
    if (typeof app === 'string' && appProtocolCount.get(app) === 1 && !taken.has(app) && KubeName.ianaSvcNameErrors(app).length === 0) {
      return app;
    }
    const protocol = typeof port.protocol === 'string' ? port.protocol.toLowerCase() : 'tcp';
    return `${protocol}-${port.port}`;
  };
}

/**
 * The IP families of `addresses`, in the order their first address appears.
 */
function familiesInOrder(addresses: readonly IpAddress[]): IpFamily[] {
  const families: IpFamily[] = [];
  for (const a of addresses) {
    if (!families.includes(a.family)) {
      families.push(a.family);
    }
  }
  return families;
}

/**
 * An object whose JSON is plain values (mapped once from the typed L1 props), so that a JSON
 * patch with a plain value (`JsonPatch.replace('/spec/ports/0/targetPort', 3307)`) lands as
 * written: an L1 object maps its JSON after the patches and drops plain IntOrString values.
 */
function plainObject(scope: Construct, id: string, apiVersion: string, kind: string, json: Record<string, any> | undefined): ApiObject {
  const { metadata, ...rest } = json ?? {};
  return new ApiObject(scope, id, { apiVersion, kind, metadata, ...rest });
}

/**
 * The metadata without its undefined fields: cdk8s spreads the given metadata over the
 * generated name and namespace, so an explicit `undefined` would erase them.
 */
function definedOnly(metadata: k8s.ObjectMeta): k8s.ObjectMeta {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== undefined) {
      copy[key] = value;
    }
  }
  return copy as k8s.ObjectMeta;
}
