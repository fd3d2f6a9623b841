import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { buildExternalService, MANAGED_BY, MAX_ENDPOINTS_PER_SLICE, MAX_PORTS } from './_external-service';
import { ExternalServicePort, ExternalServiceProps } from './external-service-props';
import { Problems } from '../core/problems';
import { IpFamily } from '../net/ip';
import { ServiceDnsNames } from '../net/service-dns';
import { underSafetyNet } from '../validation/safety-net';

/**
 * A stable in-cluster name for a backend outside the cluster: a database on VMs, a system
 * another team runs, a partner's API.
 *
 * From IP addresses it writes a Service of type ClusterIP with no `selector` key at all and
 * EndpointSlices (`discovery.k8s.io/v1`) with one address per endpoint, at most 1000 endpoints
 * per slice, one series of slices per IP family, port names identical to the Service's and the
 * backend's port numbers; optionally legacy `v1` Endpoints. From a host name it writes an
 * ExternalName Service (a DNS CNAME).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
 */
export class ExternalService extends Construct {
  /**
   * The value of the `endpointslice.kubernetes.io/managed-by` label of the EndpointSlices this
   * library writes (a label value cannot contain '/').
   */
  public static readonly MANAGED_BY = MANAGED_BY;

  /** The most endpoints Kubernetes accepts in one EndpointSlice. */
  public static readonly MAX_ENDPOINTS_PER_SLICE = MAX_ENDPOINTS_PER_SLICE;

  /** The most ports Kubernetes accepts in one EndpointSlice. */
  public static readonly MAX_PORTS = MAX_PORTS;

  /**
   * The Service's name.
   */
  public readonly serviceName: string;

  /**
   * The DNS names of the Service: short, namespaced and fully qualified.
   */
  public readonly dnsNames: ServiceDnsNames;

  /**
   * The Service (type ClusterIP without selector, or type ExternalName), for escape hatches: a
   * plain `ApiObject` whose JSON holds plain values, so that a JSON patch with a plain value
   * (`JsonPatch.replace('/spec/ports/0/targetPort', 3307)`) lands as written.
   */
  public readonly service: ApiObject;

  /**
   * The legacy Endpoints object.
   *
   * @default - none: `endpointObjects` asks for EndpointSlices only, or the backend is a host name
   */
  public readonly endpoints?: ApiObject;

  /**
   * The target of the ExternalName Service, without a trailing dot.
   *
   * @default - an address backend
   */
  public readonly externalName?: string;

  /**
   * The Service's `ipFamilyPolicy`: 'SingleStack' for addresses of one family,
   * 'RequireDualStack' for both.
   *
   * @default - a host name backend has none
   */
  public readonly ipFamilyPolicy?: string;

  private readonly resolvedPorts: ExternalServicePort[];
  private readonly slices: ApiObject[];
  private readonly addressList: string[];
  private readonly families: IpFamily[];

  /**
   * Validates every prop and throws one `ValidationError` that lists all problems, or writes
   * the Service and, for an address backend, its EndpointSlices and/or Endpoints.
   */
  public constructor(scope: Construct, id: string, props: ExternalServiceProps) {
    super(scope, id);
    underSafetyNet(this);

    const given: Partial<ExternalServiceProps> = props !== null && typeof props === 'object' ? props : {};
    const built = buildExternalService(this, given, new Problems(this));
    this.serviceName = built.serviceName;
    this.dnsNames = built.dnsNames;
    this.service = built.service;
    this.endpoints = built.endpoints;
    this.externalName = built.externalName;
    this.ipFamilyPolicy = built.ipFamilyPolicy;
    this.resolvedPorts = built.ports;
    this.slices = built.slices;
    this.addressList = built.addresses;
    this.families = built.families;
  }

  /**
   * The ports, as emitted (copies).
   */
  public get ports(): ExternalServicePort[] {
    return this.resolvedPorts.map((p) => ({ ...p }));
  }

  /**
   * The EndpointSlices, in order: the first family's slices, then the other's (a copy of the
   * list; empty for a host name backend and with `EndpointObjects.LEGACY_ENDPOINTS`).
   */
  public get endpointSlices(): ApiObject[] {
    return [...this.slices];
  }

  /**
   * The backend's IP addresses in canonical form, in the order given (empty for a host name
   * backend).
   */
  public get addresses(): string[] {
    return [...this.addressList];
  }

  /**
   * The IP families of the addresses, in the order their first address was given; this is the
   * Service's `ipFamilies` (empty for a host name backend).
   */
  public get ipFamilies(): IpFamily[] {
    return [...this.families];
  }
}
