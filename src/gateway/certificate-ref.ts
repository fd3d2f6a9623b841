import * as kplus from 'cdk8s-plus-28';
import { findApiObject, nameErrors, namespaceErrors } from './_rules';
import { Problems, renderValue } from '../core/problems';

/**
 * Options of `CertificateRef.fromSecretName`.
 */
export interface CertificateSecretOptions {
  /**
   * The namespace of the Secret. In another namespace than the Gateway, a ReferenceGrant in
   * that namespace must allow the Gateway to use it; since the Secret is not part of this app,
   * whoever manages it must create that grant (see `Gateway.outsideReferences`).
   *
   * @default - the Gateway's namespace
   */
  readonly namespace?: string;
}

/**
 * A TLS certificate of an HTTPS listener: a Secret of type `kubernetes.io/tls`.
 *
 * @see https://gateway-api.sigs.k8s.io/guides/tls/
 */
export class CertificateRef {
  /**
   * A Secret of this app (a cdk8s-plus Secret, or any `ISecret` whose construct holds the
   * Secret object). In another namespace than the Gateway, the Gateway emits the ReferenceGrant
   * that allows it.
   */
  public static fromSecret(secret: kplus.ISecret): CertificateRef {
    const problems = new Problems('CertificateRef.fromSecret');
    const name: unknown = (secret as any)?.name;
    if (typeof name !== 'string') {
      problems.add('secret', secret, 'must be a cdk8s-plus `ISecret`', 'for a Secret managed elsewhere use CertificateRef.fromSecretName(\'name\')');
      problems.throwIfAny();
    }
    const obj = findApiObject(secret, 'Secret', name as string);
    return new CertificateRef(name as string, obj?.metadata.namespace, obj !== undefined);
  }

  /**
   * A Secret managed outside this cdk8s app, by name.
   */
  public static fromSecretName(secretName: string, options: CertificateSecretOptions = {}): CertificateRef {
    const problems = new Problems(`CertificateRef.fromSecretName(${typeof secretName === 'string' ? secretName : renderValue(secretName)})`);
    problems.addEach('secretName', secretName, nameErrors(secretName));
    const namespace = options?.namespace;
    if (namespace !== undefined) {
      problems.addEach('namespace', namespace, namespaceErrors(namespace));
    }
    problems.throwIfAny();
    return new CertificateRef(secretName, namespace, false);
  }

  private constructor(
    /** The name of the Secret. */
    public readonly secretName: string,
    /**
     * The namespace of the Secret.
     *
     * @default - the Gateway's namespace
     */
    public readonly namespace: string | undefined,
    /** Whether the Secret is part of this cdk8s app. */
    public readonly inApp: boolean,
  ) {}
}

/**
 * The cert-manager issuer that issues the certificates of a Gateway's HTTPS listeners
 * (cert-manager's gateway-shim reads the Gateway's annotation).
 *
 * @see https://cert-manager.io/docs/usage/gateway/
 */
export class CertManagerIssuer {
  /**
   * A ClusterIssuer (annotation `cert-manager.io/cluster-issuer`).
   */
  public static clusterIssuer(name: string): CertManagerIssuer {
    return CertManagerIssuer.build('cert-manager.io/cluster-issuer', name);
  }

  /**
   * An Issuer in the Gateway's namespace (annotation `cert-manager.io/issuer`).
   */
  public static issuer(name: string): CertManagerIssuer {
    return CertManagerIssuer.build('cert-manager.io/issuer', name);
  }

  private static build(annotation: string, name: string): CertManagerIssuer {
    const problems = new Problems(annotation === 'cert-manager.io/issuer' ? 'CertManagerIssuer.issuer' : 'CertManagerIssuer.clusterIssuer');
    problems.addEach('name', name, nameErrors(name));
    problems.throwIfAny();
    return new CertManagerIssuer(annotation, name);
  }

  private constructor(
    /** The annotation of the Gateway: `cert-manager.io/cluster-issuer` or `cert-manager.io/issuer`. */
    public readonly annotation: string,
    /** The name of the issuer. */
    public readonly name: string,
  ) {}
}
