// Internal: the Gateway API output of PublicWebApp. The web app keeps its routing API (`addPath`,
// backends, a default route) and calls this to get HTTPRoutes from the same routes, next to its
// Ingress or instead of it. Not exported by the folder's index: the contract is this file's.
import { Construct } from 'constructs';
import { durationErrors, hostnameErrors, listOf, nameErrors } from './_rules';
import { GatewayListenerRef, IGateway } from './gateway-ref';
import { HttpRoute, HttpRouteRule, HttpRouteTimeouts } from './http-route';
import { HeaderModifierOptions, HttpRouteFilter } from './http-route-filter';
import { HttpRouteMatch, HttpRouteMatchOptions } from './http-route-match';
import { RouteBackend } from './route-backend';
import { RouteParentRef } from './route-props';
import { Problems } from '../core/problems';
import { ValidationError, ValidationProblem } from '../core/validation-error';
import type { IWebBackend } from '../web/web-backend-config';

/** A backend of a web route, with its weight. */
export interface WebGatewayBackend {
  /** The backend: a web app of this library, `WebBackend.service(...)` or `WebBackend.serviceName(...)`. */
  readonly backend: IWebBackend;
  /** The weight (0 to 1000000); default 1. Two backends 90 and 10: a canary. */
  readonly weight?: number;
}

/** One path of a web app, as `addPath` takes it. */
export interface WebGatewayPath {
  /** The path (or the regular expression, with 'ImplementationSpecific'). */
  readonly path: string;
  /**
   * The Ingress path type: 'Prefix' (-> PathPrefix), 'Exact' (-> Exact), 'ImplementationSpecific'
   * (-> RegularExpression when the path has a regex character, PathPrefix otherwise); the Gateway
   * API names 'PathPrefix' and 'RegularExpression' are taken as they are. Default 'Prefix'.
   */
  readonly pathType?: string;
  /** The hosts the path is served on; default: the app's `hosts`. */
  readonly hosts?: string[];
  /** Where requests go (at least one; several with weights for a canary). */
  readonly backends: WebGatewayBackend[];
  /** Headers, query parameters and method the request must have as well; default: any. */
  readonly matchOptions?: HttpRouteMatchOptions;
  /** Timeouts of this path's rule (after the app's `timeouts`). */
  readonly timeouts?: HttpRouteTimeouts;
  /** Request header changes of this path's rule (instead of the app's `requestHeaders`). */
  readonly requestHeaders?: HeaderModifierOptions;
  /** Response header changes of this path's rule (instead of the app's `responseHeaders`). */
  readonly responseHeaders?: HeaderModifierOptions;
}

/**
 * A path that `checkWebGatewayPath` found nothing wrong with, with what it made while checking
 * it (the route is built from these, not made a second time).
 */
export interface CheckedWebGatewayPath {
  /** The path as given. */
  readonly path: WebGatewayPath;
  /** Its match. */
  readonly match: HttpRouteMatch;
  /** Its backends, in order. */
  readonly backends: RouteBackend[];
  /** Its own request header changes, if any. */
  readonly requestHeaders?: HttpRouteFilter;
  /** Its own response header changes, if any. */
  readonly responseHeaders?: HttpRouteFilter;
}

/** What `buildHttpRouteFor` needs. */
export interface WebGatewayInput {
  /** The Gateway the routes attach to. */
  readonly gateway: IGateway;
  /**
   * The listener the app's routes attach to. Default: with `httpsRedirect`, every HTTPS listener
   * of the Gateway that serves one of the hosts (the Gateway's listeners must then be known);
   * otherwise the whole Gateway.
   */
  readonly sectionName?: string;
  /** The listener port the app's routes attach to; default: any. */
  readonly port?: number;
  /**
   * The HTTP listener the redirect route attaches to. Default: every HTTP listener of the Gateway
   * that serves one of the hosts (the Gateway's listeners must then be known).
   */
  readonly httpSectionName?: string;
  /** The app's name: routes are named `<name>`, `<name>-<host>` and `<name>-redirect`. Default: generated. */
  readonly name?: string;
  /** The routes' namespace; default the chart's. */
  readonly namespace?: string;
  /** The app's host names (`domainNames`); none: every host the listeners accept. */
  readonly hosts?: string[];
  /** Whether plain HTTP is redirected to HTTPS (a route on the HTTP listener). */
  readonly httpsRedirect?: boolean;
  /**
   * Where requests on the app's hosts that no path takes go: a rule without matches (the prefix
   * '/') in the app's main route, so the app must not route '/' on its hosts itself.
   */
  readonly defaultBackends?: WebGatewayBackend[];
  /** Timeouts of every rule (nginx `proxy-read-timeout` ~ `backendRequest`). */
  readonly timeouts?: HttpRouteTimeouts;
  /** Request header changes on every rule. */
  readonly requestHeaders?: HeaderModifierOptions;
  /** Response header changes on every rule. */
  readonly responseHeaders?: HeaderModifierOptions;
}

const REGEX_CHARS = /[\^$*+?()[\]{}|\\]/;

/**
 * The HTTPRoutes of one web app: one per distinct host set of its paths, plus the redirect route.
 */
export class WebGatewayRoutes {
  private readonly byHosts = new Map<string, HttpRoute>();
  private readonly redirect?: HttpRoute;
  private readonly parents: RouteParentRef[];

  public constructor(private readonly scope: Construct, private readonly id: string, private readonly input: WebGatewayInput) {
    const problems = new Problems(scope);
    const hosts = listOf(problems, 'hosts', input.hosts);
    hosts.forEach((h, i) => problems.addEach(`hosts[${i}]`, h, hostnameErrors(h)));
    if (input.name !== undefined) {
      problems.addEach('name', input.name, nameErrors(input.name));
    }
    const g: any = input.gateway;
    if (g === null || typeof g !== 'object' || typeof g.toGatewayRef !== 'function') {
      problems.add('gateway', input.gateway, 'must be an `IGateway`', 'pass a Gateway of this app or Gateway.fromGatewayName(\'name\', { namespace })');
      problems.throwIfAny();
    }
    const listeners = input.gateway.toGatewayRef().listeners;
    this.parents = this.parentsFor(problems, hosts);
    let redirectParents: RouteParentRef[] = [];
    if (input.httpsRedirect) {
      if (input.httpSectionName !== undefined) {
        redirectParents = [{ gateway: input.gateway, sectionName: input.httpSectionName }];
      } else if (listeners === undefined) {
        problems.add('httpSectionName', undefined, 'must be set when HTTP is redirected to HTTPS and the Gateway\'s listeners are not known',
          'name the HTTP listener, or give the listeners to Gateway.fromGatewayName()');
      } else {
        const http = serving(listeners.filter((l) => l.protocol === 'HTTP'), hosts);
        if (http.length === 0) {
          problems.add('httpsRedirect', true, `needs an HTTP listener: Gateway '${input.gateway.toGatewayRef().name}' has none that serves ${hosts.length > 0 ? hosts.join(', ') : 'every host'}`,
            'add GatewayListener.http() to the Gateway, or turn the redirect off');
        }
        redirectParents = http.map((l) => ({ gateway: input.gateway, sectionName: l.name }));
      }
    }
    problems.throwIfAny();
    this.routeFor(hosts);
    if (input.httpsRedirect) {
      this.redirect = new HttpRoute(scope, `${id}Redirect`, {
        name: input.name !== undefined ? `${input.name}-redirect` : undefined,
        namespace: input.namespace,
        parentRefs: redirectParents,
        hostnames: hosts,
        rules: [{ filters: [HttpRouteFilter.httpsRedirect()] }],
      });
    }
    if (input.defaultBackends !== undefined) {
      const defaults = listOf(problems, 'backends', input.defaultBackends);
      if (defaults.length === 0) {
        problems.add('backends', input.defaultBackends, 'must list at least one backend');
      }
      problems.throwIfAny();
      const backends = defaults.map((b) => RouteBackend.fromWebBackend(b?.backend, { weight: b?.weight }));
      this.routeFor(hosts).addRule(this.ruleOptions(undefined, backends, {}));
    }
  }

  /**
   * Routes a path. Throws a `ValidationError` for an invalid path, host or backend, or a path the
   * route of those hosts takes already.
   *
   * @returns the rule added
   */
  public addPath(p: WebGatewayPath): HttpRouteRule {
    const problems = new Problems(this.scope);
    const checked = checkWebGatewayPath(problems, p);
    problems.throwIfAny();
    return this.addCheckedPath(checked!);
  }

  /**
   * Routes a path `checkWebGatewayPath` found nothing wrong with (a web app checks first, to
   * report under its own option names). Throws a `ValidationError` for an invalid host, or a
   * path the route of those hosts takes already.
   *
   * @returns the rule added
   */
  public addCheckedPath(checked: CheckedWebGatewayPath): HttpRouteRule {
    const p = checked.path;
    const problems = new Problems(this.scope);
    const hosts = p.hosts !== undefined ? listOf(problems, 'hosts', p.hosts) : [...(this.input.hosts ?? [])];
    hosts.forEach((h, i) => problems.addEach(`hosts[${i}]`, h, hostnameErrors(h)));
    problems.throwIfAny();
    const route = this.routeFor(hosts);
    if (this.redirect) {
      for (const h of hosts) {
        if (!this.redirect.hostnames.includes(h)) {
          this.redirect.addHostname(h);
        }
      }
    }
    return route.addRule(this.ruleOptions(checked.match, checked.backends, checked));
  }

  /** The app's routes (not the redirect route), in the order they were created. */
  public get routes(): HttpRoute[] {
    return [...this.byHosts.values()];
  }

  /** The route that redirects HTTP to HTTPS, if any. */
  public get redirectRoute(): HttpRoute | undefined {
    return this.redirect;
  }

  /** The parents of the route of `hosts`: the HTTPS listeners that serve them, with a redirect. */
  private parentsFor(problems: Problems, hosts: string[]): RouteParentRef[] {
    const input = this.input;
    const listeners = input.gateway.toGatewayRef().listeners;
    if (input.sectionName !== undefined || input.port !== undefined || !input.httpsRedirect) {
      return [{ gateway: input.gateway, sectionName: input.sectionName, port: input.port }];
    }
    if (listeners === undefined) {
      problems.add('sectionName', undefined, 'must be set when HTTP is redirected to HTTPS and the Gateway\'s listeners are not known: the app\'s route must not attach to the HTTP listener',
        'name the HTTPS listener, or give the listeners to Gateway.fromGatewayName()');
      return [];
    }
    const https = serving(listeners.filter((l) => l.protocol === 'HTTPS'), hosts);
    if (https.length === 0) {
      problems.add('sectionName', undefined, `must name an HTTPS listener: Gateway '${input.gateway.toGatewayRef().name}' has none that serves ${hosts.length > 0 ? hosts.join(', ') : 'every host'}`);
    }
    return https.map((l) => ({ gateway: input.gateway, sectionName: l.name }));
  }

  private routeFor(hosts: string[]): HttpRoute {
    const key = [...hosts].sort().join(',');
    let route = this.byHosts.get(key);
    if (!route) {
      const first = this.byHosts.size === 0;
      const suffix = first ? '' : `-${hosts[0] ?? 'any'}`;
      const name = this.input.name !== undefined ? `${this.input.name}${suffix}` : undefined;
      let parents = this.parents;
      if (!first) {
        const problems = new Problems(this.scope);
        parents = this.parentsFor(problems, hosts);
        problems.throwIfAny();
      }
      route = new HttpRoute(this.scope, first ? this.id : `${this.id}-${hosts[0] ?? 'any'}`, {
        name: name !== undefined && nameErrors(name).length === 0 ? name : undefined,
        namespace: this.input.namespace,
        parentRefs: parents,
        hostnames: hosts,
      });
      this.byHosts.set(key, route);
    }
    return route;
  }

  private ruleOptions(match: HttpRouteMatch | undefined, backends: RouteBackend[], checked: Partial<CheckedWebGatewayPath>) {
    const filters: HttpRouteFilter[] = [];
    const { requestHeaders: appRequest, responseHeaders: appResponse } = this.input;
    const requestHeaders = checked.requestHeaders ?? (appRequest ? HttpRouteFilter.requestHeaderModifier(appRequest) : undefined);
    const responseHeaders = checked.responseHeaders ?? (appResponse ? HttpRouteFilter.responseHeaderModifier(appResponse) : undefined);
    if (requestHeaders) filters.push(requestHeaders);
    if (responseHeaders) filters.push(responseHeaders);
    const timeouts = checked.path?.timeouts || this.input.timeouts ? { ...this.input.timeouts, ...checked.path?.timeouts } : undefined;
    return {
      matches: match ? [match] : undefined,
      backends,
      filters: filters.length > 0 ? filters : undefined,
      timeouts,
    };
  }
}

/**
 * The HTTPRoutes of a web app attached to a Gateway: the same routes as its Ingress (paths on
 * hosts, weighted backends, a default route), and with `httpsRedirect` a route on the HTTP
 * listener that redirects to HTTPS. Throws a `ValidationError` for invalid input.
 *
 * @param scope the app (the routes become its children)
 * @param id the id of the main route ('HttpRoute'); others are `<id>-<host>` and `<id>Redirect`
 */
export function buildHttpRouteFor(scope: Construct, id: string, input: WebGatewayInput): WebGatewayRoutes {
  return new WebGatewayRoutes(scope, id, input !== null && typeof input === 'object' ? input : ({} as WebGatewayInput));
}

/** The match of an Ingress path (and the other conditions of the request). */
export function matchOf(path: string, pathType: string, options: HttpRouteMatchOptions = {}): HttpRouteMatch {
  switch (pathType) {
    case 'Exact':
      return HttpRouteMatch.exact(path, options);
    case 'RegularExpression':
      return HttpRouteMatch.regularExpression(path, options);
    case 'ImplementationSpecific':
      return REGEX_CHARS.test(path) ? HttpRouteMatch.regularExpression(path, options) : HttpRouteMatch.pathPrefix(path, options);
    case 'Prefix':
    case 'PathPrefix':
      return HttpRouteMatch.pathPrefix(path, options);
    default: {
      const problems = new Problems('buildHttpRouteFor');
      problems.add('pathType', pathType, 'must be \'Prefix\', \'Exact\', \'RegularExpression\' or \'ImplementationSpecific\'');
      problems.throwIfAny();
      return HttpRouteMatch.pathPrefix(path, options);
    }
  }
}

/**
 * Records into `problems` what is wrong with a path for the Gateway API, without adding it to a
 * route: the match (path, headers, query parameters, method), the backends (each known by port
 * number, weights), the timeouts and the header changes. The fields are those of
 * `PublicWebApp.addPath`'s options: `path`, `headers[0].name`, `backends[1].weight`,
 * `requestHeaders.set[0].name`, `timeouts.request`.
 *
 * @returns the path with what was made to check it, or undefined when a problem was found
 */
export function checkWebGatewayPath(problems: Problems, p: WebGatewayPath): CheckedWebGatewayPath | undefined {
  const before = problems.items.length;
  const match = adopt(problems, '', () => matchOf(p.path, p.pathType ?? 'Prefix', p.matchOptions));
  const list = listOf(problems, 'backends', p.backends);
  if (list.length === 0) {
    problems.add('backends', p.backends, 'must list at least one backend');
  }
  const backends = list.map((b, i) => adopt(problems, `backends[${i}]`, () => RouteBackend.fromWebBackend(b?.backend, { weight: b?.weight })));
  if (list.length > 0 && list.every((b) => b?.weight === 0)) {
    problems.add('backends', list.map((b) => b?.weight), 'must not all have weight 0: every request would get an error', 'give one backend a weight above 0');
  }
  const t = p.timeouts;
  if (t !== undefined) {
    if (t === null || typeof t !== 'object') {
      problems.add('timeouts', t, 'must be { request?, backendRequest? }');
    } else {
      if (t.request !== undefined) problems.addEach('timeouts.request', t.request?.toHumanString?.() ?? t.request, durationErrors(t.request));
      if (t.backendRequest !== undefined) problems.addEach('timeouts.backendRequest', t.backendRequest?.toHumanString?.() ?? t.backendRequest, durationErrors(t.backendRequest));
    }
  }
  const requestHeaders = p.requestHeaders !== undefined ? adopt(problems, 'requestHeaders', () => HttpRouteFilter.requestHeaderModifier(p.requestHeaders!)) : undefined;
  const responseHeaders = p.responseHeaders !== undefined ? adopt(problems, 'responseHeaders', () => HttpRouteFilter.responseHeaderModifier(p.responseHeaders!)) : undefined;
  if (problems.items.length > before || match === undefined || backends.some((b) => b === undefined)) {
    return undefined;
  }
  return { path: p, match, backends: backends as RouteBackend[], requestHeaders, responseHeaders };
}

/**
 * Runs a factory and returns what it made; the problems of the `ValidationError` it throws
 * become problems under `field` (and nothing is returned).
 */
function adopt<T>(problems: Problems, field: string, make: () => T): T | undefined {
  try {
    return make();
  } catch (e) {
    if (!ValidationError.isValidationError(e)) {
      throw e;
    }
    // (a factory's own argument name, such as `options`, is not a field of the caller's)
    const found: ValidationProblem[] = (e as ValidationError).problems.map((x) => ({ ...x, field: x.field?.replace(/^options(\.|$)/, '') }));
    if (field === '') {
      problems.adopt(found);
    } else {
      problems.addNested(field, found);
    }
    return undefined;
  }
}

/**
 * Whether an app redirects plain HTTP to HTTPS when it does not say: when it names the HTTP
 * listener, or the Gateway's listeners are known and it has an HTTPS listener the app's routes
 * attach to and an HTTP listener for the app's hosts.
 */
export function defaultHttpsRedirect(input: Pick<WebGatewayInput, 'gateway' | 'sectionName' | 'port' | 'httpSectionName' | 'hosts'>): boolean {
  if (input.httpSectionName !== undefined) {
    return true;
  }
  const listeners = input.gateway.toGatewayRef().listeners;
  if (listeners === undefined) {
    return false;
  }
  const hosts = input.hosts ?? [];
  const https = serving(listeners, hosts).filter((l) => l.protocol === 'HTTPS'
    && (input.sectionName === undefined || l.name === input.sectionName) && (input.port === undefined || l.port === input.port));
  const http = serving(listeners, hosts).filter((l) => l.protocol === 'HTTP');
  return https.length > 0 && http.length > 0;
}

/**
 * The scheme of an app's URLs on the Gateway: 'https' when plain HTTP is redirected, or its routes
 * attach to known HTTPS listeners only; 'http' otherwise.
 */
export function gatewayScheme(input: Pick<WebGatewayInput, 'gateway' | 'sectionName' | 'port' | 'hosts' | 'httpsRedirect'>): string {
  if (input.httpsRedirect) {
    return 'https';
  }
  const listeners = input.gateway.toGatewayRef().listeners;
  const chosen = (listeners ?? []).filter((l) => (input.sectionName === undefined || l.name === input.sectionName)
    && (input.port === undefined || l.port === input.port));
  return listeners !== undefined && chosen.length > 0 && chosen.every((l) => l.protocol === 'HTTPS') ? 'https' : 'http';
}

/** The listeners that serve at least one of `hosts` (all of them when there is no host). */
function serving(listeners: GatewayListenerRef[], hosts: string[]): GatewayListenerRef[] {
  if (hosts.length === 0) {
    return listeners;
  }
  return listeners.filter((l) => l.hostname === undefined || hosts.some((h) => hostMatches(l.hostname!, h)));
}

function hostMatches(listener: string, host: string): boolean {
  if (listener === host) {
    return true;
  }
  if (listener.startsWith('*.')) {
    const suffix = listener.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
  }
  return false;
}
