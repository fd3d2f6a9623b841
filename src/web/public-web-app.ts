import { ApiObject, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { readBackend } from './_backend';
import { ingressPathErrors, isSnippetAnnotation, listProp } from './_rules';
import { ExposurePlan, TlsPlan, exposurePlanOf, tlsPlanOf } from './_values';
import { WebServiceShape, WebWorkload, buildWebWorkload, planWebWorkload, targetPortCheck, webBackendConfigOf } from './_web-workload';
import { IngressController } from './ingress-controller';
import { InternalWebAppProps } from './internal-web-app-props';
import { IWebBackend, WebBackendConfig } from './web-backend-config';
import { ExternalIpsOptions, WebExposure, WebGatewayOptions } from './web-exposure';
import { WebTls } from './web-tls';
import { Problems } from '../core/problems';
import { ValidationProblem } from '../core/validation-error';
import { CheckedWebGatewayPath, WebGatewayPath, WebGatewayRoutes, buildHttpRouteFor, checkWebGatewayPath, defaultHttpsRedirect, gatewayScheme } from '../gateway/for-web';
import { HttpHeaderMatch, HttpQueryParamMatch } from '../gateway/http-header-match';
import { HttpRoute, HttpRouteTimeouts } from '../gateway/http-route';
import { HeaderModifierOptions } from '../gateway/http-route-filter';
import { HttpMethod } from '../gateway/http-route-match';
import { ingressHostErrors } from '../net/hosts';
import { IpAddress } from '../net/ip';
import { KubeName } from '../net/names';
import { ServiceDnsNames } from '../net/service-dns';
import { ExternalObject } from '../validation/check-options';
import { underSafetyNet } from '../validation/safety-net';

/**
 * How an Ingress path matches a request path.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
 */
export enum WebPathType {
  /** Matches the path and everything below it, element by element: '/v1' matches '/v1' and '/v1/users', not '/v10'. */
  PREFIX = 'Prefix',
  /** Matches exactly this path, case-sensitive. */
  EXACT = 'Exact',
  /**
   * Matching is up to the IngressClass (for example regular expressions in ingress-nginx). On the
   * Gateway API: `RegularExpression` when the path has a regular expression character,
   * `PathPrefix` otherwise.
   */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
  /**
   * A regular expression, whose dialect is up to the implementation (Gateway API only: an
   * Ingress has no such path type; use IMPLEMENTATION_SPECIFIC there).
   */
  REGULAR_EXPRESSION = 'RegularExpression',
}

/**
 * A backend of a path with its share of the requests: two apps with weights 90 and 10 are a
 * canary (Gateway API only).
 */
export interface WeightedWebBackend {
  /** The backend: a web app of this library, `WebBackend.service(...)` or `WebBackend.serviceName(...)` by port number. */
  readonly backend: IWebBackend;

  /**
   * The share of requests, relative to the other backends of the path (0 to 1000000; 0 sends
   * it nothing).
   *
   * @default 1
   */
  readonly weight?: number;
}

/**
 * Options of `PublicWebApp.addPath`.
 */
export interface WebPathOptions {
  /**
   * The host name the path is served on. A host that is not among the app's `domainNames`
   * adds a host rule (virtual hosting) and, with TLS, a host of the certificate.
   *
   * @default - every one of the app's `domainNames` (or any host when there is none)
   */
  readonly host?: string;

  /**
   * How the path matches.
   *
   * @default WebPathType.PREFIX
   */
  readonly pathType?: WebPathType;

  /**
   * Where requests go: this app, another app, or any Service.
   *
   * @default - this app (or `backends`)
   */
  readonly backend?: IWebBackend;

  /**
   * Several backends with weights, such as a canary: 90 to one app, 10 to another (Gateway API
   * only; not together with `backend`).
   *
   * @default - one backend: `backend`
   * @see https://gateway-api.sigs.k8s.io/guides/traffic-splitting/
   */
  readonly backends?: WeightedWebBackend[];

  /**
   * Request headers the request must also have (Gateway API only).
   *
   * @default - any headers
   */
  readonly headers?: HttpHeaderMatch[];

  /**
   * Query parameters the request must also have (Gateway API only).
   *
   * @default - any query
   */
  readonly queryParams?: HttpQueryParamMatch[];

  /**
   * The method the request must have (Gateway API only).
   *
   * @default - any method
   */
  readonly method?: HttpMethod;

  /**
   * How long the Gateway waits for the response (`request`) and for each try at the backend
   * (`backendRequest`) (Gateway API only).
   *
   * @default - the implementation's defaults
   * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutetimeouts
   */
  readonly timeouts?: HttpRouteTimeouts;

  /**
   * Headers to set, add or remove on the request before it goes to the backend (Gateway API
   * only).
   *
   * @default - the request is passed on as it came
   */
  readonly requestHeaders?: HeaderModifierOptions;

  /**
   * Headers to set, add or remove on the response (Gateway API only).
   *
   * @default - the response is passed on as it came
   */
  readonly responseHeaders?: HeaderModifierOptions;
}

/**
 * A backend of a route and its weight.
 */
export interface WebRouteBackend {
  /** The Service and port. */
  readonly backend: WebBackendConfig;

  /**
   * The weight.
   *
   * @default 1
   */
  readonly weight?: number;
}

/**
 * A route of the Ingress: a host and path and where they go.
 */
export interface WebRoute {
  /**
   * The host name.
   *
   * @default - any host
   */
  readonly host?: string;

  /** The path. */
  readonly path: string;

  /** How the path matches. */
  readonly pathType: WebPathType;

  /** The backend Service and port (the first of `backends`). */
  readonly backend: WebBackendConfig;

  /** Every backend with its weight (one unless the path splits traffic). */
  readonly backends: WebRouteBackend[];

  /**
   * The headers the request must have (Gateway API only).
   *
   * @default - any
   */
  readonly headers?: HttpHeaderMatch[];

  /**
   * The query parameters the request must have (Gateway API only).
   *
   * @default - any
   */
  readonly queryParams?: HttpQueryParamMatch[];

  /**
   * The method the request must have (Gateway API only).
   *
   * @default - any
   */
  readonly method?: HttpMethod;
}

/**
 * Properties of a `PublicWebApp`.
 */
export interface PublicWebAppProps extends InternalWebAppProps {
  /**
   * How the app is reached from outside the cluster: an Ingress, HTTPRoutes attached to a
   * Gateway (`WebExposure.gateway()`), a NodePort or a LoadBalancer.
   *
   * @default WebExposure.ingress()
   */
  readonly exposure?: WebExposure;

  /**
   * HTTPRoutes attached to a Gateway next to the Ingress, with the same routes: for a move from
   * Ingress to the Gateway API, where both serve the app until DNS points at the Gateway
   * (Ingress exposure only; for HTTPRoutes alone use `WebExposure.gateway()`). The options that
   * only the Gateway API has (`addPath`'s `headers`, `backends` with weights, `timeouts`, ...)
   * are refused while the app also emits an Ingress, so that both route alike.
   *
   * @default - no HTTPRoutes
   * @see https://gateway-api.sigs.k8s.io/guides/migrating-from-ingress/
   */
  readonly gateway?: WebGatewayOptions;

  /**
   * The domain names the app is served on (DNS-1123 subdomains, or `*.` followed by one).
   * With an Ingress, every one gets the app's `paths`; with a load balancer or node port they
   * are used for `urls` and the external-dns annotation.
   *
   * @default - none: the Ingress serves any host
   */
  readonly domainNames?: string[];

  /**
   * The paths of this app on each domain name (Ingress or Gateway). More routes with `addPath`.
   *
   * @default ['/']
   */
  readonly paths?: string[];

  /**
   * How `paths` match (Ingress or Gateway).
   *
   * @default WebPathType.PREFIX
   */
  readonly pathType?: WebPathType;

  /**
   * TLS of the Ingress (Ingress only: on the Gateway API TLS is the Gateway's listeners'). TLS
   * is on unless `WebTls.none()` is chosen.
   *
   * @default - an existing TLS Secret named `<ingress name>-tls` (`<name>-tls` for a named
   * app), for every host routed
   */
  readonly tls?: WebTls;

  /**
   * Redirect HTTP to HTTPS. On an Ingress (with TLS only) how it is spelled depends on the
   * `ingressController`. On the Gateway API it is a second HTTPRoute, `<name>-redirect`, on the
   * Gateway's HTTP listener with a `RequestRedirect` filter, and the app's routes attach only to
   * its HTTPS listeners.
   *
   * @default - true with an Ingress; on the Gateway API true when the Gateway's listeners are
   * known and it has an HTTPS and an HTTP listener for the app's hosts, or `httpSectionName` is
   * set
   */
  readonly httpsRedirect?: boolean;

  /**
   * The Ingress controller: IngressClass name and its annotations (Ingress only).
   *
   * @default IngressController.clusterDefault()
   */
  readonly ingressController?: IngressController;

  /**
   * Where requests that match no rule go (Ingress or Gateway). On the Gateway API it is a rule
   * without matches (the prefix '/') in the app's main HTTPRoute: it takes the requests on the
   * app's `domainNames` that no path takes, so the app must not route '/' there itself (give it
   * `paths` such as ['/shop']).
   *
   * @default - the controller's default backend
   * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#default-backend
   */
  readonly defaultBackend?: IWebBackend;

  /**
   * Add the external-dns annotation `external-dns.alpha.kubernetes.io/hostname` with the
   * host names (on the Ingress, or on the Service without an Ingress).
   *
   * @default false
   * @see https://github.com/kubernetes-sigs/external-dns
   */
  readonly externalDns?: boolean;

  /**
   * More annotations of the Ingress (or of the Service, without an Ingress).
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Allow annotations that inject raw controller configuration (`*-snippet`, such as
   * `nginx.ingress.kubernetes.io/configuration-snippet`): whoever writes them can read the
   * controller's secrets (CVE-2021-25742).
   *
   * @default false
   * @see https://github.com/kubernetes/ingress-nginx/issues/7837
   */
  readonly allowSnippetAnnotations?: boolean;

  /**
   * Extra IP addresses the Service answers on. An explicit opt-in: see `ExternalIpsOptions`
   * for the risk (CVE-2020-8554).
   *
   * @default - none
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
   */
  readonly externalIps?: ExternalIpsOptions;
}

const INGRESS_ONLY: (keyof PublicWebAppProps)[] = ['paths', 'pathType', 'tls', 'httpsRedirect', 'ingressController', 'defaultBackend'];
/** The props that have no Gateway API form, with how to do without them. */
const NOT_ON_GATEWAY: [keyof PublicWebAppProps, string][] = [
  ['tls', 'TLS ends at the Gateway\'s HTTPS listeners: give the listener its certificate (GatewayListener.https()) and remove `tls`'],
  ['ingressController', 'remove `ingressController`; for the backend protocol set `appProtocol` in WebExposure.gateway()'],
  ['externalDns', 'external-dns reads the HTTPRoutes\' `hostnames` itself (`--source=gateway-httproute`): remove `externalDns`'],
];
/** The options of `addPath` only the Gateway API has, with what an Ingress cannot do. */
const GATEWAY_ONLY_PATH_OPTIONS: [keyof WebPathOptions, string][] = [
  ['backends', 'split traffic by weight'],
  ['headers', 'match on headers'],
  ['queryParams', 'match on query parameters'],
  ['method', 'match on the method'],
  ['timeouts', 'set timeouts'],
  ['requestHeaders', 'change request headers'],
  ['responseHeaders', 'change response headers'],
];
const APP_PROTOCOL_OF_NGINX: { [protocol: string]: string | undefined } = { HTTP: undefined, HTTPS: 'https', GRPC: 'kubernetes.io/h2c', GRPCS: 'https' };
const EXTERNAL_DNS_ANNOTATION = 'external-dns.alpha.kubernetes.io/hostname';
const PUBLIC_WEB_APP = Symbol.for('cdk8s-service-patterns.PublicWebApp');
const PATH_TYPES = new Set<string>(Object.values(WebPathType));

/**
 * A containerized web app reached from outside the cluster: a Deployment, its Service with a
 * named port, and (by default) an Ingress (`networking.k8s.io/v1`) with host and path
 * routing, TLS on by default and an HTTP to HTTPS redirect. Alternatively exposed by a
 * NodePort or a LoadBalancer Service.
 *
 * It has the Deployment and Service of an `InternalWebApp` (the same objects, under the same
 * construct ids, with the same members), and like one it is an Ingress backend (`IWebBackend`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/
 */
export class PublicWebApp extends Construct implements IWebBackend {
  /**
   * Whether `x` is a `PublicWebApp`.
   */
  public static isPublicWebApp(x: any): x is PublicWebApp {
    return x !== null && typeof x === 'object' && PUBLIC_WEB_APP in x;
  }

  /**
   * The Deployment, a plain `ApiObject` for escape hatches such as `addJsonPatch`, as in an
   * `InternalWebApp`.
   */
  public readonly deployment: ApiObject;

  /**
   * The Service, a plain `ApiObject`: ClusterIP behind an Ingress, NodePort or LoadBalancer
   * otherwise.
   */
  public readonly service: ApiObject;

  /**
   * The app's container (a cdk8s-plus `Container`, named 'web'), rendered into the Deployment
   * at synth, as in an `InternalWebApp`.
   */
  public readonly container: kplus.Container;

  /**
   * The app's name, as in an `InternalWebApp`.
   */
  public readonly appName: string;

  /**
   * The Service port clients connect to.
   */
  public readonly port: number;

  /**
   * The name of the Service port.
   */
  public readonly portName: string;

  /**
   * The port the container listens on.
   */
  public readonly containerPort: number;

  /**
   * The DNS names of the Service: `shortName` from the same namespace, `namespacedName` from
   * any namespace, `fqdn` fully qualified.
   */
  public readonly dnsNames: ServiceDnsNames;

  /**
   * The Ingress, a plain `ApiObject`, named after the app (`<name>`) when the app is named.
   *
   * @default - none: the app is exposed without an Ingress
   */
  public readonly ingress?: ApiObject;

  /**
   * The Gateway the app's HTTPRoutes attach to, and how.
   *
   * @default - no HTTPRoutes
   */
  public readonly gateway?: WebGatewayOptions;

  /**
   * The Ingress that only redirects plain HTTP to HTTPS, for controllers that need a router of
   * its own for that (Traefik with a `redirectMiddleware`).
   *
   * Named `<name>-redirect` when the app is named.
   *
   * @default - none: the controller redirects on the main Ingress, or at its entry point
   */
  public readonly redirectIngress?: ApiObject;

  /** How the app is exposed. */
  public readonly exposure: WebExposure;

  /** TLS of the Ingress (`WebTls.none()` without an Ingress). */
  public readonly tls: WebTls;

  /**
   * The name of the TLS Secret of the Ingress.
   *
   * @default - no TLS
   */
  public readonly tlsSecretName?: string;

  private readonly workload: WebWorkload;
  private readonly exposurePlan: ExposurePlan;
  private readonly tlsPlan: TlsPlan;
  private readonly domains: string[];
  private readonly routeList: WebRoute[] = [];
  private readonly defaultBackendConfig?: WebBackendConfig;
  private readonly externalDns: boolean;
  private gatewayRoutes?: WebGatewayRoutes;
  private gatewayRedirect = false;

  public constructor(scope: Construct, id: string, props: PublicWebAppProps) {
    super(scope, id);
    const p: PublicWebAppProps = props !== null && typeof props === 'object' ? props : ({} as PublicWebAppProps);
    const problems = new Problems(this);
    const plan = planWebWorkload(this, p, problems);
    this.defaultBackendConfig = checkPublicProps(p, problems);
    problems.throwIfAny();
    this.workload = buildWebWorkload(this, plan, serviceShapeOf(p));
    this.deployment = this.workload.deployment;
    this.service = this.workload.service;
    this.container = this.workload.container;
    this.appName = this.workload.name;
    this.port = this.workload.port;
    this.portName = this.workload.portName;
    this.containerPort = this.workload.containerPort;
    this.dnsNames = this.workload.dnsNames;
    // Only the additional ports can point at a port the container does not expose.
    const targetPorts = targetPortCheck(this, this.workload);

    this.exposure = p.exposure ?? WebExposure.ingress();
    this.exposurePlan = exposurePlanOf(this.exposure) as ExposurePlan;
    this.domains = Array.isArray(p.domainNames) ? [...p.domainNames] : [];
    this.externalDns = p.externalDns ?? false;
    this.gateway = this.exposure._gatewayOptions ?? (this.exposurePlan.ingress ? p.gateway : undefined);

    if (!this.exposurePlan.ingress && !this.gateway) {
      this.tls = WebTls.none();
      this.tlsPlan = tlsPlanOf(this.tls) as TlsPlan;
      // The node port was checked against the configured range; the net checks with it too.
      underSafetyNet(this, targetPorts, { nodePortRange: this.exposurePlan.customNodePortRange });
      return;
    }

    if (!this.exposurePlan.ingress) {
      // HTTPRoutes alone: TLS is the Gateway's.
      this.tls = WebTls.none();
      this.tlsPlan = tlsPlanOf(this.tls) as TlsPlan;
      this.attachToGateway(p, this.gateway!);
      this.routePaths(p, targetPorts);
      return;
    }

    const givenTls = p.tls !== undefined ? tlsPlanOf(p.tls) as TlsPlan : undefined;
    const tlsEnabled = givenTls?.enabled ?? true;
    const redirect = tlsEnabled && (p.httpsRedirect ?? true);
    const controller = p.ingressController ?? IngressController.clusterDefault();
    const annotations: { [key: string]: any } = {
      ...controller.annotationsFor({ tls: tlsEnabled, httpsRedirect: redirect }),
      ...(givenTls?.annotations ?? {}),
    };
    if (this.externalDns) {
      annotations[EXTERNAL_DNS_ANNOTATION] = Lazy.any({ produce: () => this.hosts.filter((h) => !h.startsWith('*.')).join(',') || undefined });
    }
    Object.assign(annotations, p.annotations ?? {});

    const named = this.workload.named;
    this.ingress = new ApiObject(this, 'Ingress', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { ...(named ? { name: this.appName } : {}), labels: { ...this.workload.labels }, annotations },
      spec: Lazy.any({
        produce: () => ({
          ingressClassName: controller.className,
          defaultBackend: this.defaultBackendConfig ? { service: toKubeServiceBackend(this.defaultBackendConfig) } : undefined,
          rules: this.kubeRules(),
          tls: this.kubeTls(),
        }),
      }),
    });
    const redirectAnnotations = controller.redirectAnnotationsFor({ tls: tlsEnabled, httpsRedirect: redirect });
    if (redirectAnnotations !== undefined) {
      // Only redirects: the same rules on the plain entry point, no TLS, no other annotations
      // (cert-manager and external-dns act on the main Ingress).
      this.redirectIngress = new ApiObject(this, 'RedirectIngress', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {
          ...(named ? { name: `${this.appName}-redirect` } : {}),
          labels: { ...this.workload.labels },
          // The same hosts and paths as the main Ingress, on the other entry point: the checker
          // tells routes of different Traefik entry points apart.
          annotations: { ...redirectAnnotations },
        },
        spec: Lazy.any({
          produce: () => ({
            ingressClassName: controller.className,
            defaultBackend: this.defaultBackendConfig ? { service: toKubeServiceBackend(this.defaultBackendConfig) } : undefined,
            rules: this.kubeRules(),
          }),
        }),
      });
    }
    // The certificate's Secret is named after the app (or the Ingress), never after the
    // construct path, so that moving the construct does not make cert-manager issue a new one.
    this.tls = p.tls ?? WebTls.fromSecretName(`${this.ingress.name}-tls`);
    this.tlsPlan = tlsPlanOf(this.tls) as TlsPlan;
    this.tlsSecretName = this.tlsPlan.enabled ? (this.tlsPlan.secretName ?? `${this.ingress.name}-tls`) : undefined;

    if (this.gateway) {
      // A move to the Gateway API: the same routes as HTTPRoutes, next to the Ingress.
      this.attachToGateway(p, this.gateway);
    }
    this.routePaths(p, targetPorts);
  }

  /** Routes the app's `paths` and puts it under the safety net. */
  private routePaths(p: PublicWebAppProps, targetPorts: (() => ValidationProblem[]) | undefined): void {
    for (const path of p.paths ?? ['/']) {
      this.addPath(path, { pathType: p.pathType });
    }
    underSafetyNet(this, () => [...(targetPorts?.() ?? []), ...this.deferredProblems()], {
      externalObjects: () => this.outsideServices(),
    });
  }

  /** The HTTPRoutes of the app (empty yet: `routePaths` and `addPath` add the rules). */
  private attachToGateway(p: PublicWebAppProps, g: WebGatewayOptions): void {
    const appProtocol = g.appProtocol ?? APP_PROTOCOL_OF_NGINX[p.ingressController?.backendProtocol ?? 'HTTP'];
    if (appProtocol !== undefined) {
      // How the Gateway speaks to the app (GEP-1911), on the Service port the routes name.
      this.service.addJsonPatch(JsonPatch.add('/spec/ports/0/appProtocol', appProtocol));
    }
    this.gatewayRedirect = p.httpsRedirect ?? defaultHttpsRedirect({ ...g, hosts: this.domains });
    this.gatewayRoutes = buildHttpRouteFor(this, 'HttpRoute', {
      gateway: g.gateway,
      sectionName: g.sectionName,
      port: g.port,
      httpSectionName: g.httpSectionName,
      name: this.workload.named ? this.appName : undefined,
      hosts: this.domains,
      httpsRedirect: this.gatewayRedirect,
      defaultBackends: this.defaultBackendConfig && p.defaultBackend ? [{ backend: p.defaultBackend }] : undefined,
    });
  }

  /** The Services its routes name with `WebBackend.serviceName`: managed outside this app. */
  private outsideServices(): ExternalObject[] {
    // The routes are in the app's namespace (the Ingress's, the HTTPRoutes' and the Service's).
    const namespace = this.ingress?.metadata.namespace ?? this.service.metadata.namespace;
    const outside: ExternalObject[] = [];
    const backends = this.routeList.flatMap((r) => r.backends.map((x) => x.backend));
    for (const b of [...backends, ...(this.defaultBackendConfig ? [this.defaultBackendConfig] : [])]) {
      if (b.outsideApp) {
        outside.push({ kind: 'Service', name: b.serviceName, ...(namespace !== undefined ? { namespace } : {}) });
      }
    }
    return outside;
  }

  /**
   * The labels that select the pods of the Deployment (its `spec.selector.matchLabels`, which the
   * Service selects with), for example for a NetworkPolicy. A copy: changing it changes nothing.
   */
  public get matchLabels(): { [key: string]: string } {
    return { ...this.workload.selector };
  }

  /**
   * The name of the Deployment.
   */
  public get deploymentName(): string {
    return this.deployment.name;
  }

  /**
   * The Service name.
   */
  public get serviceName(): string {
    return this.service.name;
  }

  /**
   * Routes to this app's Service, on its main port.
   */
  public toWebBackendConfig(): WebBackendConfig {
    return webBackendConfigOf(this.workload);
  }

  /**
   * Routes `path` to a backend (this app by default) on the app's domain names, or on one
   * host: a path of the Ingress, a rule of the HTTPRoutes, or both. Throws a `ValidationError` if
   * the path or host is not valid, a backend port is not exposed by its Service, the host and
   * path (with the same headers, query parameters and method) are already routed by this app, or
   * an option only the Gateway API has is given to an app that emits an Ingress.
   *
   * @returns the routes created, one per host
   */
  public addPath(path: string, options: WebPathOptions = {}): WebRoute[] {
    const problems = new Problems(this);
    if (!this.ingress && !this.gatewayRoutes) {
      problems.add('exposure', this.exposurePlan.name, 'must be an Ingress or a Gateway to route paths', 'use WebExposure.ingress() or WebExposure.gateway(), or route nothing');
      problems.throwIfAny();
    }
    const o: WebPathOptions = options !== null && typeof options === 'object' ? options : {};
    const pathType = o.pathType ?? WebPathType.PREFIX;
    if (!PATH_TYPES.has(pathType)) {
      problems.add('pathType', pathType, 'must be one of \'Prefix\', \'Exact\', \'ImplementationSpecific\' or \'RegularExpression\'');
    } else if (this.ingress) {
      if (pathType === WebPathType.REGULAR_EXPRESSION) {
        problems.add('pathType', pathType, 'applies only to the Gateway API: an Ingress has no regular expression path type',
          'use WebPathType.IMPLEMENTATION_SPECIFIC with a controller that reads regular expressions, or expose the app with WebExposure.gateway()');
      } else {
        problems.addEach('path', path, ingressPathErrors(path, pathType));
      }
    }
    if (o.host !== undefined) {
      problems.addEach('host', o.host, ingressHostErrors(o.host));
    }
    if (this.ingress) {
      for (const [key, what] of GATEWAY_ONLY_PATH_OPTIONS) {
        if (o[key] !== undefined) {
          problems.add(key, o[key], `applies only to the Gateway API, but the app emits an Ingress, which cannot ${what}`,
            this.gatewayRoutes ? `remove \`${key}\` until the Ingress is gone (exposure WebExposure.gateway()), so that both route alike` : `remove \`${key}\`, or expose the app with WebExposure.gateway()`);
        }
      }
    }
    if (o.backend !== undefined && o.backends !== undefined) {
      problems.add('backends', o.backends, 'must not be set together with `backend`', 'list every backend, with its weight, in `backends`');
    }
    const weighted = o.backends !== undefined ? listProp(problems, 'backends', o.backends) : [{ backend: o.backend ?? this }];
    const configs = weighted.map((b, i) => readBackend(problems, o.backends !== undefined ? `backends[${i}].backend` : 'backend',
      b !== null && typeof b === 'object' ? b.backend : (b as any)));
    if (o.backends !== undefined && weighted.length === 0) {
      problems.add('backends', [], 'must list at least one backend');
    }
    const hosts: (string | undefined)[] = o.host !== undefined ? [o.host] : (this.domains.length > 0 ? this.domains : [undefined]);
    const conditions = conditionsKey(o);
    for (const host of hosts) {
      const taken = this.routeList.find((r) => r.host === host && r.path === path && conditionsKey(r) === conditions);
      if (taken) {
        problems.add('path', path, `must not be routed twice: ${describeRoute(taken)} is already routed to Service '${taken.backend.serviceName}'`,
          'route each host and path once');
      }
    }
    const onMainRoute = o.host === undefined || (this.domains.length === 1 && this.domains[0] === o.host);
    if (this.gatewayRoutes && this.defaultBackendConfig && onMainRoute && path === '/' && conditions === ''
      && (pathType === WebPathType.PREFIX || pathType === WebPathType.IMPLEMENTATION_SPECIFIC)) {
      problems.add('path', path, 'must not be the prefix \'/\' on the app\'s domain names when it has a `defaultBackend`: on the Gateway API the default route is that prefix',
        'give the app `paths` such as [\'/shop\'], route \'/\' on another host, or remove `defaultBackend`');
    }
    let checked: CheckedWebGatewayPath | undefined;
    if (this.gatewayRoutes && problems.empty) {
      const gatewayPath: WebGatewayPath = {
        path,
        pathType,
        hosts: o.host !== undefined ? [o.host] : undefined,
        backends: weighted.map((b) => ({ backend: b.backend, weight: b.weight })),
        matchOptions: { headers: o.headers, queryParams: o.queryParams, method: o.method },
        timeouts: o.timeouts,
        requestHeaders: o.requestHeaders,
        responseHeaders: o.responseHeaders,
      };
      // The Gateway API's own checks, under the names of these options (a single `backend` as itself).
      const scratch = new Problems(this);
      checked = checkWebGatewayPath(scratch, gatewayPath);
      problems.adopt(scratch.items.map((x) => (o.backends === undefined && x.field?.startsWith('backends[0]')
        ? { ...x, field: x.field.replace(/^backends\[0\]\.(backend)?\.?/, 'backend.').replace(/\.$/, '') } : x)));
    }
    problems.throwIfAny();
    if (this.gatewayRoutes && checked) {
      this.gatewayRoutes.addCheckedPath(checked);
    }
    const created: WebRoute[] = hosts.map((host) => ({
      host,
      path,
      pathType,
      backend: { ...configs[0]! },
      backends: configs.map((c, i) => ({ backend: { ...c! }, weight: weighted[i].weight })),
      headers: o.headers ? [...o.headers] : undefined,
      queryParams: o.queryParams ? [...o.queryParams] : undefined,
      method: o.method,
    }));
    this.routeList.push(...created);
    return created.map((r) => ({ ...r }));
  }

  /**
   * The HTTPRoutes of the app, in the order they were created: the main one (named after the
   * app, with the default route) and one per host routed on its own (`<name>-<host>`); not the
   * redirect route. Empty without a Gateway.
   */
  public get httpRoutes(): HttpRoute[] {
    return this.gatewayRoutes ? this.gatewayRoutes.routes : [];
  }

  /**
   * The HTTPRoute on the Gateway's HTTP listener that redirects plain HTTP to HTTPS
   * (`<name>-redirect`).
   *
   * @default - none: no HTTPRoutes, or no redirect
   */
  public get redirectHttpRoute(): HttpRoute | undefined {
    return this.gatewayRoutes?.redirectRoute;
  }

  /**
   * The routes of the app (of its Ingress and its HTTPRoutes alike), in order (a copy).
   */
  public get routes(): WebRoute[] {
    return this.routeList.map((r) => ({ ...r, backends: r.backends.map((b) => ({ ...b })) }));
  }

  /**
   * The host names the app serves: with an Ingress or HTTPRoutes, the hosts of its routes (in
   * order); without either, its domain names.
   */
  public get hosts(): string[] {
    if (!this.ingress && !this.gatewayRoutes) {
      return [...this.domains];
    }
    const all: string[] = [];
    for (const r of this.routeList) {
      if (r.host !== undefined && !all.includes(r.host)) {
        all.push(r.host);
      }
    }
    return all;
  }

  /**
   * The URLs of the app: `https://<host><path>` for each route to this app on a named host
   * (`http://` without TLS; on the Gateway API `https://` when the routes attach to HTTPS
   * listeners only); without an Ingress or HTTPRoutes, `http://<domain name>[:<port>]` for each
   * domain name (NodePort only with a fixed node port).
   */
  public get urls(): string[] {
    const urls: string[] = [];
    if (this.ingress || this.gateway) {
      const scheme = this.ingress ? (this.tls.enabled ? 'https' : 'http')
        : gatewayScheme({ ...this.gateway!, hosts: this.domains, httpsRedirect: this.gatewayRedirect });
      for (const r of this.routeList) {
        if (r.host !== undefined && !r.host.startsWith('*.') && r.backend.serviceName === this.serviceName
          && r.pathType !== WebPathType.REGULAR_EXPRESSION && !urls.includes(`${scheme}://${r.host}${r.path}`)) {
          urls.push(`${scheme}://${r.host}${r.path}`);
        }
      }
      return urls;
    }
    const port = this.exposurePlan.serviceType === 'NodePort' ? this.exposurePlan.nodePort : this.port;
    if (port === undefined) {
      return urls;
    }
    for (const d of this.domains.filter((h) => !h.startsWith('*.'))) {
      urls.push(port === 80 ? `http://${d}` : `http://${d}:${port}`);
    }
    return urls;
  }

  private kubeRules(): any[] | undefined {
    const byHost = new Map<string, WebRoute[]>();
    for (const r of this.routeList) {
      const key = r.host ?? '';
      byHost.set(key, [...(byHost.get(key) ?? []), r]);
    }
    const rules: any[] = [];
    for (const [host, routes] of byHost) {
      rules.push({
        host: host === '' ? undefined : host,
        http: {
          paths: routes.map((r) => ({
            path: r.path,
            pathType: r.pathType,
            backend: { service: toKubeServiceBackend(r.backend) },
          })),
        },
      });
    }
    return rules.length > 0 ? rules : undefined;
  }

  private tlsHosts(): string[] {
    return this.tlsPlan.hosts ?? this.hosts;
  }

  private kubeTls(): any[] | undefined {
    if (!this.tlsPlan.enabled) {
      return undefined;
    }
    const hosts = this.tlsHosts();
    return [{ hosts: hosts.length > 0 ? hosts : undefined, secretName: this.tlsSecretName }];
  }

  /** The invariants that later `addPath` calls could still fix. */
  private deferredProblems(): ValidationProblem[] {
    const problems = new Problems(this);
    if (this.routeList.length === 0 && !this.defaultBackendConfig) {
      problems.add('paths', [], `must route at least one path, or the ${this.ingress ? 'Ingress serves' : 'HTTPRoutes serve'} nothing`, 'keep the default `paths`, call `addPath`, or set `defaultBackend`');
    }
    // A TLS host that no rule serves (XREF010) and a host and path that another app routes too
    // (XREF011) are facts between objects: the rule catalogue reports them, run by the safety net.
    if (this.tlsPlan.needsHosts && this.tlsHosts().length === 0) {
      problems.add('domainNames', [], 'must name at least one host for a cert-manager certificate', 'set `domainNames`, or route a path on a host with `addPath`');
    }
    if (this.externalDns && this.hosts.filter((h) => !h.startsWith('*.')).length === 0) {
      problems.add('externalDns', true, 'needs host names: set `domainNames` or route a path on a host');
    }
    return problems.items;
  }
}

function describeRoute(r: WebRoute): string {
  const extra = conditionsKey(r);
  return `'${r.host ?? '*'}${r.path}'${extra === '' ? '' : ` (${extra})`}`;
}

/** The conditions of a route beyond host and path (headers, query, method), as a canonical text. */
function conditionsKey(r: { headers?: HttpHeaderMatch[]; queryParams?: HttpQueryParamMatch[]; method?: HttpMethod }): string {
  const parts: string[] = [];
  const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
  for (const h of list(r.headers)) parts.push(`header ${String(h?.name).toLowerCase()}${h?.type === 'RegularExpression' ? '~' : '='}${h?.value}`);
  for (const q of list(r.queryParams)) parts.push(`query ${q?.name}${q?.type === 'RegularExpression' ? '~' : '='}${q?.value}`);
  if (r.method !== undefined) parts.push(`method ${r.method}`);
  return parts.sort().join(', ');
}

function toKubeServiceBackend(b: WebBackendConfig): any {
  return {
    name: b.serviceName,
    port: b.portNumber !== undefined ? { number: b.portNumber } : { name: b.portName },
  };
}

// The brand `isPublicWebApp` looks for, on the prototype: no property to add to every app.
Object.defineProperty(PublicWebApp.prototype, PUBLIC_WEB_APP, { value: true });

/**
 * Validates the props a public web app has beyond those of every web app into `problems`.
 *
 * @returns the default backend, read once
 */
function checkPublicProps(p: PublicWebAppProps, problems: Problems): WebBackendConfig | undefined {
  const valueClasses: [keyof PublicWebAppProps, any, string][] = [
    ['exposure', WebExposure, 'WebExposure.ingress(), WebExposure.gateway(), WebExposure.nodePort() or WebExposure.loadBalancer()'],
    ['tls', WebTls, 'WebTls.certManager(), WebTls.secret(), WebTls.fromSecretName() or WebTls.none()'],
    ['ingressController', IngressController, 'IngressController.nginx(), .traefik(), .custom() or .clusterDefault()'],
  ];
  const invalid = new Set<string>();
  for (const [key, type, factories] of valueClasses) {
    if (p[key] !== undefined && !(p[key] instanceof type)) {
      problems.add(key, p[key], `must be made with ${factories}`);
      invalid.add(key);
    }
  }
  const tls = invalid.has('tls') ? undefined : p.tls;
  const controller = invalid.has('ingressController') ? undefined : p.ingressController;
  const givenExposure = invalid.has('exposure') ? WebExposure.ingress() : p.exposure ?? WebExposure.ingress();
  const exposure = exposurePlanOf(givenExposure) as ExposurePlan;
  const isIngress = exposure.ingress;
  const isGateway = givenExposure.isGateway;
  let defaultBackend: WebBackendConfig | undefined;
  const domainNames = listProp(problems, 'domainNames', p.domainNames);
  domainNames.forEach((d, i) => {
    problems.addEach(`domainNames[${i}]`, d, ingressHostErrors(d));
    if (domainNames.indexOf(d) < i) {
      problems.add(`domainNames[${i}]`, d, 'must not be listed twice');
    }
  });
  if (p.gateway !== undefined) {
    if (isGateway) {
      problems.add('gateway', undefined, 'must not be set with WebExposure.gateway(): the exposure names the Gateway already', 'remove `gateway`');
    } else if (!isIngress) {
      problems.add('gateway', undefined, `adds HTTPRoutes next to an Ingress, but \`exposure\` is '${exposure.name}'`, 'use WebExposure.gateway() for HTTPRoutes alone, or remove `gateway`');
    } else {
      WebExposure._checkGatewayOptions(problems, 'gateway.', p.gateway);
    }
  }
  if (isGateway) {
    for (const [key, fix] of NOT_ON_GATEWAY) {
      if (p[key] !== undefined) {
        problems.add(key, undefined, 'applies only to an Ingress, but `exposure` is \'Gateway\'', fix);
      }
    }
  }
  if (isGateway || isIngress) {
    if (p.pathType !== undefined && !PATH_TYPES.has(p.pathType)) {
      problems.add('pathType', p.pathType, 'must be one of \'Prefix\', \'Exact\', \'ImplementationSpecific\' or \'RegularExpression\'');
    }
    if (p.defaultBackend !== undefined) {
      defaultBackend = readBackend(problems, 'defaultBackend', p.defaultBackend);
    }
  }
  if (isGateway) {
    // the paths' own checks run in `addPath`, for the Gateway API
    const paths = listProp(problems, 'paths', p.paths);
    paths.forEach((path, i) => {
      if (paths.indexOf(path) < i) {
        problems.add(`paths[${i}]`, path, 'must not be listed twice');
      }
    });
  } else if (!isIngress) {
    for (const key of INGRESS_ONLY) {
      if (p[key] !== undefined) {
        problems.add(key, undefined, `applies only to an Ingress, but \`exposure\` is '${exposure.name}'`, `remove \`${key}\` or use WebExposure.ingress()`);
      }
    }
  } else {
    // The Ingress refers to the app's Service port by name, which an Ingress backend allows
    // only for IANA service names (at most 15 characters).
    if (p.portName !== undefined) {
      problems.addEach('portName', p.portName, KubeName.ianaSvcNameErrors(p.portName).map((e) => `${e}: the Ingress refers to the Service port by name, an IANA service name`));
    }
    if (tls && !tls.enabled && p.httpsRedirect === true) {
      problems.add('httpsRedirect', true, 'must not be true with `WebTls.none()`: there is no HTTPS to redirect to', 'choose a certificate with `tls` or drop `httpsRedirect`');
    }
    if (p.pathType === WebPathType.REGULAR_EXPRESSION) {
      problems.add('pathType', p.pathType, 'applies only to the Gateway API: an Ingress has no regular expression path type',
        'use WebPathType.IMPLEMENTATION_SPECIFIC with a controller that reads regular expressions, or expose the app with WebExposure.gateway()');
    }
    const paths = listProp(problems, 'paths', p.paths);
    paths.forEach((path, i) => {
      problems.addEach(`paths[${i}]`, path, p.pathType === WebPathType.REGULAR_EXPRESSION ? [] : ingressPathErrors(path, p.pathType ?? WebPathType.PREFIX));
      if (paths.indexOf(path) < i) {
        problems.add(`paths[${i}]`, path, 'must not be listed twice');
      }
    });
    if (controller?.className !== undefined) {
      problems.addEach('ingressController.className', controller.className, KubeName.dns1123SubdomainErrors(controller.className));
    }
    if (controller) {
      validateAnnotations('ingressController', controller.annotationsFor({ tls: true, httpsRedirect: true }), p.allowSnippetAnnotations, problems);
    }
  }
  validateAnnotations('annotations', p.annotations ?? {}, p.allowSnippetAnnotations, problems);
  if (p.externalDns && !isIngress && !isGateway && domainNames.length === 0) {
    problems.add('externalDns', true, 'needs host names: set `domainNames`');
  }
  if (p.externalIps !== undefined) {
    const x = p.externalIps;
    if (x?.acceptCve20208554Risk !== true) {
      problems.add('externalIps.acceptCve20208554Risk', x?.acceptCve20208554Risk,
        'must be true to use `externalIPs`: any user who can edit Services can claim an address this way (CVE-2020-8554)',
        'prefer WebExposure.loadBalancer(); set it to true only for addresses you own');
    }
    const addresses = Array.isArray(x?.addresses) ? x.addresses : [];
    if (addresses.length === 0) {
      problems.add('externalIps.addresses', x?.addresses, 'must list at least one IP address');
    }
    addresses.forEach((a, i) => {
      const errors = IpAddress.errors(a);
      problems.addEach(`externalIps.addresses[${i}]`, a, errors.length > 0 ? errors : IpAddress.parse(a).endpointErrors());
    });
  }
  return defaultBackend;
}

function serviceShapeOf(p: PublicWebAppProps): WebServiceShape {
  const exposure = exposurePlanOf(p.exposure ?? WebExposure.ingress()) as ExposurePlan;
  const externalIPs = p.externalIps?.addresses ? [...p.externalIps.addresses] : undefined;
  if (exposure.ingress) {
    return { type: 'ClusterIP', externalIPs };
  }
  const annotations: { [key: string]: string } = {};
  if (p.externalDns) {
    // as on the Ingress: external-dns gets the host names, not the wildcards
    annotations[EXTERNAL_DNS_ANNOTATION] = (p.domainNames ?? []).filter((h) => !h.startsWith('*.')).join(',');
  }
  Object.assign(annotations, p.annotations ?? {});
  return {
    type: exposure.serviceType,
    nodePort: exposure.nodePort,
    externalIPs,
    loadBalancerSourceRanges: exposure.sourceRanges,
    externalTrafficPolicy: exposure.externalTrafficPolicy,
    loadBalancerClass: exposure.loadBalancerClass,
    annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
  };
}

function validateAnnotations(field: string, annotations: { [key: string]: string }, allowSnippets: boolean | undefined, problems: Problems): void {
  for (const [key, value] of Object.entries(annotations ?? {})) {
    problems.addEach(`${field}.${key}`, key, KubeName.qualifiedNameErrors(key));
    if (typeof value !== 'string') {
      problems.add(`${field}.${key}`, value, 'must be a string: quote numbers and booleans (\'true\')');
    }
    if (isSnippetAnnotation(key) && allowSnippets !== true) {
      problems.add(`${field}.${key}`, key,
        'must not inject raw controller configuration: whoever writes a snippet annotation can read the controller\'s secrets (CVE-2021-25742)',
        'use a dedicated annotation or ConfigMap option, or set `allowSnippetAnnotations: true` if you accept the risk');
    }
  }
}
