import * as kplus from 'cdk8s-plus-28';
import { TlsPlan, setTlsPlan } from './_values';
import { Problems } from '../core/problems';
import { ingressHostErrors } from '../net/hosts';
import { KubeName } from '../net/names';

/**
 * Options of every TLS form.
 */
export interface WebTlsOptions {
  /**
   * The host names the certificate is for. Each must be served by a rule of the Ingress.
   *
   * @default - every host name the Ingress routes
   * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
   */
  readonly hosts?: string[];
}

/**
 * A certificate issued by cert-manager: the Ingress gets the issuer annotation and a TLS
 * secret name; cert-manager creates the Secret. Set exactly one of `clusterIssuer` and `issuer`.
 */
export interface CertManagerTlsOptions extends WebTlsOptions {
  /**
   * The name of a cert-manager ClusterIssuer (annotation `cert-manager.io/cluster-issuer`).
   *
   * @default - `issuer`
   * @see https://cert-manager.io/docs/usage/ingress/
   */
  readonly clusterIssuer?: string;

  /**
   * The name of a cert-manager Issuer in the namespace of the Ingress (annotation
   * `cert-manager.io/issuer`).
   *
   * @default - `clusterIssuer`
   * @see https://cert-manager.io/docs/usage/ingress/
   */
  readonly issuer?: string;

  /**
   * The name of the Secret cert-manager writes the certificate to.
   *
   * @default - `<ingress name>-tls`
   */
  readonly secretName?: string;
}

/**
 * How the Ingress of a web app terminates TLS. TLS is on unless `WebTls.none()` is chosen. Each
 * factory checks its arguments and throws a `ValidationError` listing every problem.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
 */
export class WebTls {
  /**
   * A certificate from cert-manager (from a ClusterIssuer or an Issuer): the Ingress gets the
   * issuer annotation, and cert-manager writes the Secret. The Ingress must name a host.
   */
  public static certManager(options: CertManagerTlsOptions): WebTls {
    const o: CertManagerTlsOptions = options !== null && typeof options === 'object' ? options : {};
    const problems = new Problems('WebTls.certManager');
    const both = o.clusterIssuer !== undefined && o.issuer !== undefined;
    const none = o.clusterIssuer === undefined && o.issuer === undefined;
    if (both || none) {
      problems.add(both ? 'issuer' : 'clusterIssuer', both ? o.issuer : undefined, 'must name exactly one cert-manager issuer', 'set either `clusterIssuer` or `issuer`');
    }
    if (o.clusterIssuer !== undefined) {
      problems.addEach('clusterIssuer', o.clusterIssuer, KubeName.dns1123SubdomainErrors(o.clusterIssuer));
    }
    if (o.issuer !== undefined) {
      problems.addEach('issuer', o.issuer, KubeName.dns1123SubdomainErrors(o.issuer));
    }
    if (o.secretName !== undefined) {
      problems.addEach('secretName', o.secretName, KubeName.dns1123SubdomainErrors(o.secretName));
    }
    const hosts = checkHosts(problems, o.hosts);
    problems.throwIfAny();
    const annotations: { [key: string]: string } = o.clusterIssuer !== undefined
      ? { 'cert-manager.io/cluster-issuer': o.clusterIssuer }
      : { 'cert-manager.io/issuer': o.issuer as string };
    return new WebTls({ enabled: true, secretName: o.secretName, hosts, annotations, needsHosts: true });
  }

  /**
   * An existing TLS Secret (type `kubernetes.io/tls`) in the namespace of the Ingress.
   */
  public static secret(secret: kplus.ISecret, options: WebTlsOptions = {}): WebTls {
    const problems = new Problems('WebTls.secret');
    const name = (secret as any)?.name;
    if (typeof name !== 'string') {
      problems.add('secret', secret, 'must be a cdk8s-plus `ISecret`', 'or use WebTls.fromSecretName(\'name\')');
    } else {
      problems.addEach('secret.name', name, KubeName.dns1123SubdomainErrors(name));
    }
    const hosts = checkHosts(problems, options?.hosts);
    problems.throwIfAny();
    return new WebTls({ enabled: true, secretName: name, hosts, annotations: {}, needsHosts: false });
  }

  /**
   * An existing TLS Secret, by name.
   */
  public static fromSecretName(secretName: string, options: WebTlsOptions = {}): WebTls {
    const problems = new Problems('WebTls.fromSecretName');
    problems.addEach('secretName', secretName, KubeName.dns1123SubdomainErrors(secretName));
    const hosts = checkHosts(problems, options?.hosts);
    problems.throwIfAny();
    return new WebTls({ enabled: true, secretName, hosts, annotations: {}, needsHosts: false });
  }

  /**
   * No TLS: the app is served over plain HTTP. Choose it explicitly, for example behind a
   * proxy that terminates TLS.
   */
  public static none(): WebTls {
    return new WebTls({ enabled: false, annotations: {}, needsHosts: false });
  }

  /** Whether TLS is on. */
  public readonly enabled: boolean;

  private constructor(plan: TlsPlan) {
    this.enabled = plan.enabled;
    setTlsPlan(this, plan);
  }
}

/** A `hosts` option: a list of Ingress host names, copied. */
function checkHosts(problems: Problems, hosts: unknown): string[] | undefined {
  if (hosts === undefined) {
    return undefined;
  }
  if (!Array.isArray(hosts)) {
    problems.add('hosts', hosts, 'must be a list of host names');
    return undefined;
  }
  hosts.forEach((h, i) => problems.addEach(`hosts[${i}]`, h, ingressHostErrors(h)));
  return [...hosts];
}
