import { KubeName } from './names';
import { Problems } from '../core/problems';

/**
 * Options for the DNS names of a Service.
 */
export interface ServiceDnsNamesOptions {
  /**
   * The namespace the Service is in.
   *
   * @default 'default'
   */
  readonly namespace?: string;

  /**
   * The cluster's DNS domain (the kubelet's `--cluster-domain`).
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/**
 * Properties of `ServiceDnsNames`.
 */
export interface ServiceDnsNamesProps extends ServiceDnsNamesOptions {
  /**
   * The Service's name.
   */
  readonly serviceName: string;
}

/**
 * The DNS names by which pods reach a Service.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#services
 */
export class ServiceDnsNames {
  /** The default cluster DNS domain. */
  public static readonly DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

  /** The namespace assumed when none is given. */
  public static readonly DEFAULT_NAMESPACE = 'default';

  /**
   * The DNS names of a Service; throws a `ValidationError` when the Service name, namespace or
   * cluster domain is not valid.
   */
  public static of(props: ServiceDnsNamesProps): ServiceDnsNames {
    return new ServiceDnsNames(props);
  }

  /** The Service's name. */
  public readonly serviceName: string;

  /** The Service's namespace. */
  public readonly namespace: string;

  /** The cluster DNS domain. */
  public readonly clusterDomain: string;

  private constructor(givenProps: ServiceDnsNamesProps) {
    const problems = new Problems('');
    const props: ServiceDnsNamesProps = givenProps ?? ({} as ServiceDnsNamesProps);
    problems.addEach('serviceName', props.serviceName, KubeName.dns1035LabelErrors(props.serviceName));
    if (props.namespace !== undefined) {
      problems.addEach('namespace', props.namespace, KubeName.dns1123LabelErrors(props.namespace));
    }
    if (props.clusterDomain !== undefined) {
      // a non-string is refused by the subdomain rule itself (never a TypeError from replace)
      const domain = typeof props.clusterDomain === 'string' ? props.clusterDomain.replace(/\.$/, '') : props.clusterDomain;
      problems.addEach('clusterDomain', props.clusterDomain, KubeName.dns1123SubdomainErrors(domain));
    }
    problems.throwIfAny();
    this.serviceName = props.serviceName;
    this.namespace = props.namespace ?? ServiceDnsNames.DEFAULT_NAMESPACE;
    this.clusterDomain = (props.clusterDomain ?? ServiceDnsNames.DEFAULT_CLUSTER_DOMAIN).replace(/\.$/, '');
  }

  /**
   * The short name, `<service>`: works only from pods in the same namespace.
   */
  public get shortName(): string {
    return this.serviceName;
  }

  /**
   * The namespaced name, `<service>.<namespace>`: works from any namespace.
   */
  public get namespacedName(): string {
    return `${this.serviceName}.${this.namespace}`;
  }

  /**
   * The fully qualified name, `<service>.<namespace>.svc.<clusterDomain>`.
   */
  public get fqdn(): string {
    return `${this.serviceName}.${this.namespace}.svc.${this.clusterDomain}`;
  }

  /**
   * The fully qualified name of a pod behind a headless Service:
   * `<hostname>.<service>.<namespace>.svc.<clusterDomain>`.
   *
   * @param hostname the pod's host name (for a StatefulSet pod, `<set>-<ordinal>`)
   */
  public podFqdn(hostname: string): string {
    const problems = new Problems('');
    problems.addEach('hostname', hostname, KubeName.dns1123LabelErrors(hostname));
    problems.throwIfAny();
    return `${hostname}.${this.fqdn}`;
  }
}
