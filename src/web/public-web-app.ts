import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { readBackend } from './_backend';
import { ingressPathErrors, isSnippetAnnotation, listProp } from './_rules';
import { ExposurePlan, TlsPlan, exposurePlanOf, tlsPlanOf } from './_values';
import { WebServiceShape, WebWorkload, buildWebWorkload, planWebWorkload, targetPortCheck, webBackendConfigOf } from './_web-workload';
import { IngressController } from './ingress-controller';
import { InternalWebAppProps } from './internal-web-app-props';
import { IWebBackend, WebBackendConfig } from './web-backend-config';
import { ExternalIpsOptions, WebExposure } from './web-exposure';
import { WebTls } from './web-tls';
import { Problems } from '../core/problems';
import { ValidationProblem } from '../core/validation-error';
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
  /** Matching is up to the IngressClass (for example regular expressions in ingress-nginx). */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
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
   * @default - this app
   */
  readonly backend?: IWebBackend;
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

  /** The backend Service and port. */
  readonly backend: WebBackendConfig;
}

/**
 * Properties of a `PublicWebApp`.
 */
export interface PublicWebAppProps extends InternalWebAppProps {
  /**
   * How the app is reached from outside the cluster.
   *
   * @default WebExposure.ingress()
   */
  readonly exposure?: WebExposure;

  /**
   * The domain names the app is served on (DNS-1123 subdomains, or `*.` followed by one).
   * With an Ingress, every one gets the app's `paths`; with a load balancer or node port they
   * are used for `urls` and the external-dns annotation.
   *
   * @default - none: the Ingress serves any host
   */
  readonly domainNames?: string[];

  /**
   * The paths of this app on each domain name (Ingress only). More routes with `addPath`.
   *
   * @default ['/']
   */
  readonly paths?: string[];

  /**
   * How `paths` match (Ingress only).
   *
   * @default WebPathType.PREFIX
   */
  readonly pathType?: WebPathType;

  /**
   * TLS of the Ingress (Ingress only). TLS is on unless `WebTls.none()` is chosen.
   *
   * @default - an existing TLS Secret named `<ingress name>-tls` (`<name>-tls` for a named
   * app), for every host routed
   */
  readonly tls?: WebTls;

  /**
   * Redirect HTTP to HTTPS (Ingress with TLS only); how it is spelled depends on the
   * `ingressController`.
   *
   * @default true
   */
  readonly httpsRedirect?: boolean;

  /**
   * The Ingress controller: IngressClass name and its annotations (Ingress only).
   *
   * @default IngressController.clusterDefault()
   */
  readonly ingressController?: IngressController;

  /**
   * Where requests that match no rule go (Ingress only).
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

    if (!this.exposurePlan.ingress) {
      this.tls = WebTls.none();
      this.tlsPlan = tlsPlanOf(this.tls) as TlsPlan;
      // The node port was checked against the configured range; the net checks with it too.
      underSafetyNet(this, targetPorts, { nodePortRange: this.exposurePlan.customNodePortRange });
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

    for (const path of p.paths ?? ['/']) {
      this.addPath(path, { pathType: p.pathType });
    }
    underSafetyNet(this, () => [...(targetPorts?.() ?? []), ...this.deferredProblems()], {
      externalObjects: () => this.outsideServices(),
    });
  }

  /** The Services its routes name with `WebBackend.serviceName`: managed outside this app. */
  private outsideServices(): ExternalObject[] {
    const namespace = this.ingress?.metadata.namespace;
    const outside: ExternalObject[] = [];
    for (const b of [...this.routeList.map((r) => r.backend), ...(this.defaultBackendConfig ? [this.defaultBackendConfig] : [])]) {
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
   * host. Throws a `ValidationError` if the path or host is not valid, the backend port is not
   * exposed by its Service, or the host and path are already routed by this app.
   *
   * @returns the routes created, one per host
   */
  public addPath(path: string, options: WebPathOptions = {}): WebRoute[] {
    const problems = new Problems(this);
    if (!this.ingress) {
      problems.add('exposure', this.exposurePlan.name, 'must be an Ingress to route paths', 'use WebExposure.ingress() or route nothing');
      problems.throwIfAny();
    }
    const o: WebPathOptions = options !== null && typeof options === 'object' ? options : {};
    const pathType = o.pathType ?? WebPathType.PREFIX;
    if (!PATH_TYPES.has(pathType)) {
      problems.add('pathType', pathType, 'must be one of \'Prefix\', \'Exact\' or \'ImplementationSpecific\'');
    }
    problems.addEach('path', path, ingressPathErrors(path, pathType));
    if (o.host !== undefined) {
      problems.addEach('host', o.host, ingressHostErrors(o.host));
    }
    const backend = readBackend(problems, 'backend', o.backend ?? this) as WebBackendConfig;
    const hosts: (string | undefined)[] = o.host !== undefined ? [o.host] : (this.domains.length > 0 ? this.domains : [undefined]);
    for (const host of hosts) {
      const taken = this.routeList.find((r) => r.host === host && r.path === path);
      if (taken) {
        problems.add('path', path, `must not be routed twice: ${describeRoute(taken)} is already routed to Service '${taken.backend.serviceName}'`,
          'route each host and path once');
      }
    }
    problems.throwIfAny();
    const created = hosts.map((host) => ({ host, path, pathType, backend: { ...backend } }));
    this.routeList.push(...created);
    return created.map((r) => ({ ...r }));
  }

  /**
   * The routes of the Ingress, in order (a copy).
   */
  public get routes(): WebRoute[] {
    return this.routeList.map((r) => ({ ...r }));
  }

  /**
   * The host names the app serves: with an Ingress, the hosts of its rules (in order); without
   * one, its domain names.
   */
  public get hosts(): string[] {
    if (!this.ingress) {
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
   * (`http://` without TLS); without an Ingress, `http://<domain name>[:<port>]` for each
   * domain name (NodePort only with a fixed node port).
   */
  public get urls(): string[] {
    const urls: string[] = [];
    if (this.ingress) {
      const scheme = this.tls.enabled ? 'https' : 'http';
      for (const r of this.routeList) {
        if (r.host !== undefined && !r.host.startsWith('*.') && r.backend.serviceName === this.serviceName) {
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
      problems.add('paths', [], 'must route at least one path, or the Ingress serves nothing', 'keep the default `paths`, call `addPath`, or set `defaultBackend`');
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
  return `'${r.host ?? '*'}${r.path}'`;
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
    ['exposure', WebExposure, 'WebExposure.ingress(), WebExposure.nodePort() or WebExposure.loadBalancer()'],
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
  const exposure = exposurePlanOf(invalid.has('exposure') ? WebExposure.ingress() : p.exposure ?? WebExposure.ingress()) as ExposurePlan;
  const isIngress = exposure.ingress;
  let defaultBackend: WebBackendConfig | undefined;
  const domainNames = listProp(problems, 'domainNames', p.domainNames);
  domainNames.forEach((d, i) => {
    problems.addEach(`domainNames[${i}]`, d, ingressHostErrors(d));
    if (domainNames.indexOf(d) < i) {
      problems.add(`domainNames[${i}]`, d, 'must not be listed twice');
    }
  });
  if (!isIngress) {
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
    if (p.pathType !== undefined && !PATH_TYPES.has(p.pathType)) {
      problems.add('pathType', p.pathType, 'must be one of \'Prefix\', \'Exact\' or \'ImplementationSpecific\'');
    }
    const paths = listProp(problems, 'paths', p.paths);
    paths.forEach((path, i) => {
      problems.addEach(`paths[${i}]`, path, ingressPathErrors(path, p.pathType ?? WebPathType.PREFIX));
      if (paths.indexOf(path) < i) {
        problems.add(`paths[${i}]`, path, 'must not be listed twice');
      }
    });
    if (controller?.className !== undefined) {
      problems.addEach('ingressController.className', controller.className, KubeName.dns1123SubdomainErrors(controller.className));
    }
    if (p.defaultBackend !== undefined) {
      defaultBackend = readBackend(problems, 'defaultBackend', p.defaultBackend);
    }
    if (controller) {
      validateAnnotations('ingressController', controller.annotationsFor({ tls: true, httpsRedirect: true }), p.allowSnippetAnnotations, problems);
    }
  }
  validateAnnotations('annotations', p.annotations ?? {}, p.allowSnippetAnnotations, problems);
  if (p.externalDns && !isIngress && domainNames.length === 0) {
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
