// Internal: the Gateway API output of PublicWebApp. The web app keeps its routing API (`addPath`,
// backends, a default route) and calls this to get HTTPRoutes from the same routes, next to its
// Ingress or instead of it. Not exported by the folder's index: the contract is this file's.
import { Construct } from 'constructs';
import { hostnameErrors, listOf, nameErrors } from './_rules';
import { GatewayListenerRef, IGateway } from './gateway-ref';
import { HttpRoute, HttpRouteRule, HttpRouteTimeouts, RouteParentRef } from './http-route';
import { HeaderModifierOptions, HttpRouteFilter } from './http-route-filter';
import { HttpRouteMatch } from './http-route-match';
import { RouteBackend } from './route-backend';
import { Problems } from '../core/problems';
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
  /** Where requests that no path takes go (a rule without matches). */
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
      this.routeFor(hosts).addRule(this.ruleOptions(undefined, input.defaultBackends));
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
    return route.addRule(this.ruleOptions(matchOf(p.path, p.pathType ?? 'Prefix'), p.backends));
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

  private ruleOptions(match: HttpRouteMatch | undefined, backends: readonly WebGatewayBackend[]) {
    const problems = new Problems(this.scope);
    const list = listOf(problems, 'backends', backends);
    if (list.length === 0) {
      problems.add('backends', backends, 'must list at least one backend');
    }
    problems.throwIfAny();
    const filters: HttpRouteFilter[] = [];
    if (this.input.requestHeaders) filters.push(HttpRouteFilter.requestHeaderModifier(this.input.requestHeaders));
    if (this.input.responseHeaders) filters.push(HttpRouteFilter.responseHeaderModifier(this.input.responseHeaders));
    return {
      matches: match ? [match] : undefined,
      backends: list.map((b) => RouteBackend.fromWebBackend(b?.backend, { weight: b?.weight })),
      filters: filters.length > 0 ? filters : undefined,
      timeouts: this.input.timeouts,
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

/** The match of an Ingress path. */
export function matchOf(path: string, pathType: string): HttpRouteMatch {
  switch (pathType) {
    case 'Exact':
      return HttpRouteMatch.exact(path);
    case 'RegularExpression':
      return HttpRouteMatch.regularExpression(path);
    case 'ImplementationSpecific':
      return REGEX_CHARS.test(path) ? HttpRouteMatch.regularExpression(path) : HttpRouteMatch.pathPrefix(path);
    case 'Prefix':
    case 'PathPrefix':
      return HttpRouteMatch.pathPrefix(path);
    default: {
      const problems = new Problems('buildHttpRouteFor');
      problems.add('pathType', pathType, 'must be \'Prefix\', \'Exact\' or \'ImplementationSpecific\'');
      problems.throwIfAny();
      return HttpRouteMatch.pathPrefix(path);
    }
  }
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
