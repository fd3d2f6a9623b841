import * as kplus from 'cdk8s-plus-28';

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
 * The kinds of TLS of a web app.
 */
export enum WebTlsKind {
  /** A certificate from cert-manager. */
  CERT_MANAGER = 'cert-manager',
  /** An existing Secret of type `kubernetes.io/tls`. */
  SECRET = 'secret',
  /** No TLS: plain HTTP. */
  NONE = 'none',
}

/**
 * How the Ingress of a web app terminates TLS. TLS is on unless `WebTls.none()` is chosen.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
 */
export class WebTls {
  /**
   * A certificate from cert-manager (from a ClusterIssuer or an Issuer).
   */
  public static certManager(options: CertManagerTlsOptions): WebTls {
    const o = options ?? {};
    return new WebTls(WebTlsKind.CERT_MANAGER, o.secretName, o.hosts, o.clusterIssuer, o.issuer);
  }

  /**
   * An existing TLS Secret (type `kubernetes.io/tls`) in the namespace of the Ingress.
   */
  public static secret(secret: kplus.ISecret, options: WebTlsOptions = {}): WebTls {
    return new WebTls(WebTlsKind.SECRET, secret?.name, options?.hosts);
  }

  /**
   * An existing TLS Secret, by name.
   */
  public static fromSecretName(secretName: string, options: WebTlsOptions = {}): WebTls {
    return new WebTls(WebTlsKind.SECRET, secretName, options?.hosts);
  }

  /**
   * No TLS: the app is served over plain HTTP. Choose it explicitly, for example behind a
   * proxy that terminates TLS.
   */
  public static none(): WebTls {
    return new WebTls(WebTlsKind.NONE);
  }

  /** Which kind of TLS. */
  public readonly kind: WebTlsKind;

  /**
   * The name of the TLS Secret.
   *
   * @default - derived from the Ingress name (cert-manager), or none (no TLS)
   */
  public readonly secretName?: string;

  /**
   * The host names of the certificate (a copy).
   *
   * @default - every host name the Ingress routes
   */
  public get hosts(): string[] | undefined {
    return Array.isArray(this._hosts) ? [...this._hosts] : this._hosts;
  }

  private readonly _hosts?: string[];

  /**
   * The cert-manager ClusterIssuer.
   *
   * @default - none
   */
  public readonly clusterIssuer?: string;

  /**
   * The cert-manager Issuer.
   *
   * @default - none
   */
  public readonly issuer?: string;

  private constructor(kind: WebTlsKind, secretName?: string, hosts?: string[], clusterIssuer?: string, issuer?: string) {
    this.kind = kind;
    this.secretName = secretName;
    this._hosts = Array.isArray(hosts) ? [...hosts] : hosts;
    this.clusterIssuer = clusterIssuer;
    this.issuer = issuer;
  }

  /** Whether TLS is on. */
  public get enabled(): boolean {
    return this.kind !== WebTlsKind.NONE;
  }
}
