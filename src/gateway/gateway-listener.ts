import { LIMITS, hostnameErrors, nameErrors, portErrors, slug } from './_rules';
import { AllowedRoutes } from './allowed-routes';
import { CertManagerIssuer, CertificateRef } from './certificate-ref';
import { GatewayProtocol } from './gateway-ref';
import { Problems } from '../core/problems';

/**
 * Options of `GatewayListener.http`.
 */
export interface HttpListenerOptions {
  /**
   * The listener name, which routes give as `sectionName`; unique within the Gateway.
   *
   * @default - 'http' without a host name, `http-<hostname>` with one
   */
  readonly name?: string;

  /**
   * The port.
   *
   * @default 80
   */
  readonly port?: number;

  /**
   * The host name the listener serves (`*.example.com` for a wildcard). Routes attached to it
   * serve only host names that match it.
   *
   * @default - every host name
   */
  readonly hostname?: string;

  /**
   * Which routes may attach.
   *
   * @default AllowedRoutes.sameNamespace()
   */
  readonly allowedRoutes?: AllowedRoutes;
}

/**
 * Options of `GatewayListener.https`: the certificates come from Secrets (`certificates`) or
 * from cert-manager (`certManager`), exactly one of them.
 */
export interface HttpsListenerOptions {
  /**
   * The listener name, which routes give as `sectionName`; unique within the Gateway.
   *
   * @default - 'https' without a host name, `https-<hostname>` with one
   */
  readonly name?: string;

  /**
   * The port.
   *
   * @default 443
   */
  readonly port?: number;

  /**
   * The host name the listener serves (`*.example.com` for a wildcard). Required with
   * `certManager`: it is the name on the certificate.
   *
   * @default - every host name
   */
  readonly hostname?: string;

  /**
   * Which routes may attach.
   *
   * @default AllowedRoutes.sameNamespace()
   */
  readonly allowedRoutes?: AllowedRoutes;

  /**
   * The TLS certificates (Secrets of type `kubernetes.io/tls`).
   *
   * @default - none: `certManager` must be set
   */
  readonly certificates?: CertificateRef[];

  /**
   * Let cert-manager issue the certificate: the Gateway gets the issuer's annotation and the
   * listener names the Secret cert-manager writes (`secretName`).
   *
   * @default - none: `certificates` must be set
   * @see https://cert-manager.io/docs/usage/gateway/
   */
  readonly certManager?: CertManagerIssuer;

  /**
   * With `certManager`: the name of the Secret cert-manager writes the certificate to (in the
   * Gateway's namespace).
   *
   * @default - `<hostname>-tls`, with '*' spelled 'wildcard' (e.g. 'shop.example.com-tls')
   */
  readonly secretName?: string;
}

/**
 * A listener of a Gateway: a port, a protocol, an optional host name, TLS for HTTPS, and which
 * routes may attach.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listener
 */
export class GatewayListener {
  /**
   * A plain HTTP listener (port 80 by default). Attach an HTTPS redirect route to it with
   * `HttpRouteFilter.httpsRedirect()`.
   */
  public static http(options: HttpListenerOptions = {}): GatewayListener {
    const o: HttpListenerOptions = options !== null && typeof options === 'object' ? options : {};
    const problems = new Problems('GatewayListener.http');
    const base = readBase(problems, GatewayProtocol.HTTP, o, 80);
    problems.throwIfAny();
    const allowed = o.allowedRoutes ?? AllowedRoutes.sameNamespace();
    return new GatewayListener(base.name, base.port, GatewayProtocol.HTTP, o.hostname, allowed, [], undefined);
  }

  /**
   * An HTTPS listener (port 443 by default) that terminates TLS with certificates from Secrets
   * or issued by cert-manager.
   */
  public static https(options: HttpsListenerOptions): GatewayListener {
    const o: HttpsListenerOptions = options !== null && typeof options === 'object' ? options : {};
    const problems = new Problems('GatewayListener.https');
    const base = readBase(problems, GatewayProtocol.HTTPS, o, 443);
    let certificates: CertificateRef[] = [];
    if (o.certificates !== undefined && o.certManager !== undefined) {
      problems.add('certManager', o.certManager.name, 'must not be set together with `certificates`: the certificate comes from Secrets or from cert-manager',
        'keep one of them');
    } else if (o.certificates === undefined && o.certManager === undefined) {
      problems.add('certificates', undefined, 'must be set (or `certManager`): an HTTPS listener needs a certificate',
        'pass CertificateRef.fromSecretName(\'shop-tls\') or certManager: CertManagerIssuer.clusterIssuer(\'letsencrypt\')');
    }
    if (o.certificates !== undefined) {
      if (!Array.isArray(o.certificates) || o.certificates.length === 0) {
        problems.add('certificates', o.certificates, 'must list at least one certificate');
      } else {
        if (o.certificates.length > LIMITS.certificateRefs) {
          problems.add('certificates', `${o.certificates.length} items`, `must have at most ${LIMITS.certificateRefs} items`);
        }
        o.certificates.forEach((c, i) => {
          if (!(c instanceof CertificateRef)) {
            problems.add(`certificates[${i}]`, c, 'must be made with CertificateRef.fromSecret() or CertificateRef.fromSecretName()');
          }
        });
        certificates = [...o.certificates];
      }
    }
    if (o.certManager !== undefined) {
      if (!(o.certManager instanceof CertManagerIssuer)) {
        problems.add('certManager', o.certManager, 'must be made with CertManagerIssuer.clusterIssuer() or CertManagerIssuer.issuer()');
      }
      if (o.hostname === undefined) {
        problems.add('hostname', undefined, 'must be set with `certManager`: it is the name on the certificate', 'e.g. hostname: \'shop.example.com\'');
      }
      const secretName = o.secretName ?? (typeof o.hostname === 'string' ? `${slug(o.hostname)}-tls` : undefined);
      if (secretName !== undefined) {
        problems.addEach('secretName', secretName, nameErrors(secretName));
        certificates = [CertificateRef.fromSecretName(nameErrors(secretName).length === 0 ? secretName : 'invalid')];
      }
    } else if (o.secretName !== undefined) {
      problems.add('secretName', o.secretName, 'applies only with `certManager`', 'name the Secret with CertificateRef.fromSecretName()');
    }
    problems.throwIfAny();
    const allowed = o.allowedRoutes ?? AllowedRoutes.sameNamespace();
    return new GatewayListener(base.name, base.port, GatewayProtocol.HTTPS, o.hostname, allowed, certificates, o.certManager);
  }

  private constructor(
    /** The listener name. */
    public readonly name: string,
    /** The port. */
    public readonly port: number,
    /** The protocol. */
    public readonly protocol: GatewayProtocol,
    /**
     * The host name the listener serves.
     *
     * @default - every host name
     */
    public readonly hostname: string | undefined,
    /** Which routes may attach. */
    public readonly allowedRoutes: AllowedRoutes,
    /** The certificates (HTTPS); empty for HTTP. */
    public readonly certificates: CertificateRef[],
    /**
     * The cert-manager issuer of the certificate.
     *
     * @default - none
     */
    public readonly certManager: CertManagerIssuer | undefined,
  ) {}
}

function readBase(problems: Problems, protocol: GatewayProtocol, o: HttpListenerOptions, defaultPort: number): { name: string; port: number } {
  const port = o.port ?? defaultPort;
  problems.addEach('port', port, portErrors(port));
  if (o.hostname !== undefined) {
    problems.addEach('hostname', o.hostname, hostnameErrors(o.hostname));
  }
  const prefix = protocol.toLowerCase();
  const name = o.name ?? (typeof o.hostname === 'string' ? `${prefix}-${slug(o.hostname)}` : prefix);
  problems.addEach('name', name, nameErrors(name));
  if (o.allowedRoutes !== undefined && !(o.allowedRoutes instanceof AllowedRoutes)) {
    problems.add('allowedRoutes', o.allowedRoutes, 'must be made with AllowedRoutes.sameNamespace(), .all() or .fromNamespaces()');
  }
  return { name, port };
}
