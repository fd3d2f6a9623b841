/**
 * The protocol ingress-nginx speaks to the backend.
 *
 * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#backend-protocol
 */
export enum NginxBackendProtocol {
  /** Plain HTTP/1.1, the default. */
  HTTP = 'HTTP',
  /** HTTPS to the backend. */
  HTTPS = 'HTTPS',
  /** gRPC over plain HTTP/2. */
  GRPC = 'GRPC',
  /** gRPC over TLS. */
  GRPCS = 'GRPCS',
}

/**
 * Options of the ingress-nginx preset.
 */
export interface NginxIngressOptions {
  /**
   * The IngressClass name.
   *
   * @default 'nginx'
   */
  readonly className?: string;

  /**
   * Redirect HTTP to HTTPS even when the Ingress has no TLS section of its own, for example
   * when TLS is terminated by a load balancer in front of ingress-nginx
   * (`nginx.ingress.kubernetes.io/force-ssl-redirect`).
   *
   * @default false
   * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#server-side-https-enforcement-through-redirect
   */
  readonly forceSslRedirect?: boolean;

  /**
   * The largest request body accepted (`nginx.ingress.kubernetes.io/proxy-body-size`), such
   * as '8m'; '0' turns the limit off.
   *
   * @default - the controller's setting (1m unless configured)
   * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#custom-max-body-size
   */
  readonly proxyBodySize?: string;

  /**
   * The protocol spoken to the backend (`nginx.ingress.kubernetes.io/backend-protocol`).
   *
   * @default - HTTP
   */
  readonly backendProtocol?: NginxBackendProtocol;
}

/**
 * Options of the Traefik (v2 and later) preset.
 */
export interface TraefikIngressOptions {
  /**
   * The IngressClass name.
   *
   * @default 'traefik'
   */
  readonly className?: string;

  /**
   * A Traefik Middleware of kind `redirectScheme` that redirects to HTTPS, as Traefik spells
   * a reference to it: `<namespace>-<name>@kubernetescrd`. When set and TLS is on, a second
   * Ingress (`redirectIngress`) routes the same hosts and paths on the `web` entry point through
   * this Middleware (a TLS router ignores plain HTTP, so it cannot do both); otherwise the
   * redirect must be set on the `web` entry point of Traefik itself (Helm chart:
   * `ports.web.redirectTo`).
   *
   * @default - no Middleware: redirect at the entry point
   * @see https://doc.traefik.io/traefik/middlewares/http/redirectscheme/
   */
  readonly redirectMiddleware?: string;

  /**
   * The entry point that serves HTTPS.
   *
   * @default 'websecure'
   */
  readonly secureEntryPoint?: string;

  /**
   * The entry point that serves plain HTTP.
   *
   * @default 'web'
   */
  readonly plainEntryPoint?: string;
}

/**
 * Options of a controller this library has no preset for.
 */
export interface CustomIngressControllerOptions {
  /**
   * The IngressClass name.
   *
   * @default - no `ingressClassName`: the cluster's default IngressClass
   */
  readonly className?: string;

  /**
   * Annotations always set on the Ingress.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Annotations set when TLS is on and HTTP is redirected to HTTPS.
   *
   * @default - none: the controller's own default applies
   */
  readonly redirectAnnotations?: { [key: string]: string };

  /**
   * Annotations set when TLS is on.
   *
   * @default - none
   */
  readonly tlsAnnotations?: { [key: string]: string };
}

/**
 * What a controller needs to know to write its annotations.
 */
export interface IngressControllerContext {
  /** Whether the Ingress terminates TLS. */
  readonly tls: boolean;
  /** Whether HTTP must be redirected to HTTPS. */
  readonly httpsRedirect: boolean;
}

/**
 * The Ingress controller that serves the app: its IngressClass name and how it spells common
 * options (HTTP to HTTPS redirect, TLS) as annotations.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/
 */
export class IngressController {
  /**
   * ingress-nginx (kubernetes/ingress-nginx). With TLS it redirects HTTP to HTTPS, which this
   * preset states with `nginx.ingress.kubernetes.io/ssl-redirect: "true"` (or "false" when the
   * redirect is turned off).
   *
   * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
   */
  public static nginx(options: NginxIngressOptions = {}): IngressController {
    const o = options ?? {};
    return new IngressController('ingress-nginx', o.className ?? 'nginx', (ctx) => {
      const a: { [key: string]: string } = {};
      if (ctx.tls) {
        a['nginx.ingress.kubernetes.io/ssl-redirect'] = String(ctx.httpsRedirect);
      }
      // Without a TLS section of its own (TLS ends in front of the controller) the forced
      // redirect is what sends clients to HTTPS; with one, `httpsRedirect: false` turns it off.
      if (o.forceSslRedirect && (!ctx.tls || ctx.httpsRedirect)) {
        a['nginx.ingress.kubernetes.io/force-ssl-redirect'] = 'true';
      }
      if (o.proxyBodySize !== undefined) {
        a['nginx.ingress.kubernetes.io/proxy-body-size'] = o.proxyBodySize;
      }
      if (o.backendProtocol !== undefined) {
        a['nginx.ingress.kubernetes.io/backend-protocol'] = o.backendProtocol;
      }
      return a;
    }, undefined, o.backendProtocol);
  }

  /**
   * Traefik v2 and later. With TLS the router listens on the secure entry point with
   * `router.tls: "true"`. An Ingress cannot make Traefik redirect by itself: give a
   * `redirectMiddleware`, or configure the redirect on Traefik's `web` entry point.
   *
   * @see https://doc.traefik.io/traefik/routing/providers/kubernetes-ingress/#annotations
   */
  public static traefik(options: TraefikIngressOptions = {}): IngressController {
    const o = options ?? {};
    const secure = o.secureEntryPoint ?? 'websecure';
    const plain = o.plainEntryPoint ?? 'web';
    return new IngressController('traefik', o.className ?? 'traefik', (ctx) => {
      const a: { [key: string]: string } = {};
      if (!ctx.tls) {
        a['traefik.ingress.kubernetes.io/router.entrypoints'] = plain;
        return a;
      }
      a['traefik.ingress.kubernetes.io/router.tls'] = 'true';
      a['traefik.ingress.kubernetes.io/router.entrypoints'] = secure;
      return a;
    }, (ctx) => {
      // A TLS router ignores plain HTTP, so the redirect needs a router of its own on the plain
      // entry point: a second Ingress with the same rules, without TLS, through the Middleware.
      if (!ctx.tls || !ctx.httpsRedirect || o.redirectMiddleware === undefined) {
        return undefined;
      }
      return {
        'traefik.ingress.kubernetes.io/router.entrypoints': plain,
        'traefik.ingress.kubernetes.io/router.middlewares': o.redirectMiddleware,
      };
    });
  }

  /**
   * Any other controller: an IngressClass name and the annotations it needs.
   */
  public static custom(options: CustomIngressControllerOptions = {}): IngressController {
    const o = options ?? {};
    return new IngressController('custom', o.className, (ctx) => ({
      ...(o.annotations ?? {}),
      ...(ctx.tls ? o.tlsAnnotations ?? {} : {}),
      ...(ctx.tls && ctx.httpsRedirect ? o.redirectAnnotations ?? {} : {}),
    }));
  }

  /**
   * The cluster's default IngressClass, with no controller-specific annotations.
   */
  public static clusterDefault(): IngressController {
    return new IngressController('default', undefined, () => ({}));
  }

  /**
   * A short name of the controller: 'ingress-nginx', 'traefik', 'custom' or 'default'.
   */
  public readonly controllerName: string;

  /**
   * The IngressClass name.
   *
   * @default - none: the cluster's default IngressClass
   */
  public readonly className?: string;

  /**
   * The protocol the controller speaks to the backend (the ingress-nginx preset's
   * `backendProtocol`). An app that also emits HTTPRoutes carries it over to the Gateway API as
   * the `appProtocol` of its Service port: 'kubernetes.io/h2c' for GRPC, 'https' for HTTPS and
   * GRPCS (verifying the backend's certificate then needs a `BackendTlsPolicy`).
   *
   * @default - HTTP
   */
  public readonly backendProtocol?: NginxBackendProtocol;

  private readonly produce: (ctx: IngressControllerContext) => { [key: string]: string };
  private readonly produceRedirect: (ctx: IngressControllerContext) => { [key: string]: string } | undefined;

  private constructor(controllerName: string, className: string | undefined,
    produce: (ctx: IngressControllerContext) => { [key: string]: string },
    produceRedirect: (ctx: IngressControllerContext) => { [key: string]: string } | undefined = () => undefined,
    backendProtocol?: NginxBackendProtocol) {
    this.controllerName = controllerName;
    this.className = className;
    this.produce = produce;
    this.produceRedirect = produceRedirect;
    this.backendProtocol = backendProtocol;
  }

  /**
   * The annotations this controller needs on an Ingress.
   */
  public annotationsFor(context: IngressControllerContext): { [key: string]: string } {
    return { ...this.produce(context) };
  }

  /**
   * The annotations of a second Ingress that only redirects plain HTTP to HTTPS, for
   * controllers that need a router of its own for that (Traefik with a `redirectMiddleware`).
   *
   * @returns the annotations, or undefined when no such Ingress is needed
   */
  public redirectAnnotationsFor(context: IngressControllerContext): { [key: string]: string } | undefined {
    const a = this.produceRedirect(context);
    return a === undefined ? undefined : { ...a };
  }
}
