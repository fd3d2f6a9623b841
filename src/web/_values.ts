// Internal: what PublicWebApp needs of its value objects (WebTls, WebExposure), kept out of
// their public API: each factory validates its arguments and registers the plan of the object
// here. Not exported by the folder's index, so not part of the package's API.

/** How the Ingress of an app terminates TLS. */
export interface TlsPlan {
  readonly enabled: boolean;
  /** The Secret's name; undefined: `<ingress name>-tls`. */
  readonly secretName?: string;
  /** The certificate's hosts; undefined: every host the Ingress routes. */
  readonly hosts?: string[];
  /** The annotations of the Ingress (the cert-manager issuer). */
  readonly annotations: { [key: string]: string };
  /** Whether the certificate needs a named host (cert-manager issues none for '*'). */
  readonly needsHosts: boolean;
}

/** How an app is exposed outside the cluster. */
export interface ExposurePlan {
  /** 'Ingress', 'NodePort' or 'LoadBalancer', for messages. */
  readonly name: string;
  readonly ingress: boolean;
  readonly serviceType: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly nodePort?: number;
  /** The node port range, when it is not the API server's default. */
  readonly customNodePortRange?: string;
  readonly sourceRanges?: string[];
  readonly externalTrafficPolicy?: string;
  readonly loadBalancerClass?: string;
}

const TLS_PLANS = new WeakMap<object, TlsPlan>();
const EXPOSURE_PLANS = new WeakMap<object, ExposurePlan>();

/** Registers the plan of a `WebTls`. */
export function setTlsPlan(tls: object, plan: TlsPlan): void {
  TLS_PLANS.set(tls, plan);
}

/** The plan of a `WebTls`, or undefined for anything else. */
export function tlsPlanOf(tls: unknown): TlsPlan | undefined {
  return tls !== null && typeof tls === 'object' ? TLS_PLANS.get(tls) : undefined;
}

/** Registers the plan of a `WebExposure`. */
export function setExposurePlan(exposure: object, plan: ExposurePlan): void {
  EXPOSURE_PLANS.set(exposure, plan);
}

/** The plan of a `WebExposure`, or undefined for anything else. */
export function exposurePlanOf(exposure: unknown): ExposurePlan | undefined {
  return exposure !== null && typeof exposure === 'object' ? EXPOSURE_PLANS.get(exposure) : undefined;
}
