import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import type * as gw from './_imports/gateway-api.generated';
import { RouteCore } from './_route';
import { LIMITS, durationErrors, gatewayDuration, listOf, nameErrors } from './_rules';
import { OutsideReference } from './gateway-ref';
import { HttpRouteFilter, HttpRouteFilterType } from './http-route-filter';
import { HttpPathType, HttpRouteMatch } from './http-route-match';
import { ReferenceGrant } from './reference-grant';
import { RouteBackend } from './route-backend';
import { RouteParentRef, RouteProps } from './route-props';
import { Problems } from '../core/problems';
import { underSafetyNet } from '../validation/safety-net';

/**
 * Timeouts of a rule.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutetimeouts
 */
export interface HttpRouteTimeouts {
  /**
   * How long the Gateway waits for the whole response to a client request (0 disables it).
   *
   * @default - the implementation's default
   */
  readonly request?: Duration;

  /**
   * How long the Gateway waits for one request to a backend (one try, with retries); at most
   * `request`.
   *
   * @default - the implementation's default
   */
  readonly backendRequest?: Duration;
}

/**
 * A rule of an HTTPRoute: which requests (`matches`), what to do to them (`filters`), and where
 * they go (`backends`).
 */
export interface HttpRouteRuleOptions {
  /**
   * The rule's name (a section name that policies can target).
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * Which requests the rule takes (any of them, at most 64). A rule without matches takes every
   * request on the route's host names that no more specific rule takes: a default route.
   *
   * @default - every request (the prefix '/')
   */
  readonly matches?: HttpRouteMatch[];

  /**
   * Where requests go, with weights (at most 16). Required unless a filter redirects.
   *
   * @default - none (only with a redirect filter)
   */
  readonly backends?: RouteBackend[];

  /**
   * Header changes, a redirect or a URL rewrite (at most one of each type).
   *
   * @default - none
   */
  readonly filters?: HttpRouteFilter[];

  /**
   * Timeouts.
   *
   * @default - the implementation's defaults
   */
  readonly timeouts?: HttpRouteTimeouts;
}

/**
 * A rule as added to an HTTPRoute.
 */
export interface HttpRouteRule extends HttpRouteRuleOptions {
  /** The position of the rule in the route (from 0). */
  readonly index: number;
}

/**
 * Properties of an `HttpRoute`.
 */
export interface HttpRouteProps extends RouteProps {
  /**
   * The rules (at most 16). More with `addRule`.
   *
   * @default - none yet; a route needs at least one
   */
  readonly rules?: HttpRouteRuleOptions[];
}

/**
 * An HTTPRoute (`gateway.networking.k8s.io/v1`) attached to one or more Gateways: host names,
 * and rules that match requests by path (prefix, exact, regular expression), headers, query
 * parameters and method, change them (header modifiers, redirects such as HTTP to HTTPS, URL
 * rewrites), and send them to weighted Service backends with timeouts.
 *
 * A backend Service of this app in another namespace comes with the ReferenceGrant that allows
 * it (in the Service's namespace, from HTTPRoutes of the route's namespace, to that Service).
 * A Service managed elsewhere in another namespace needs a grant its owner creates: it is listed
 * in `outsideReferences` (`referenceGrantNeeded`), which tells the manifest checker it exists.
 *
 * @see https://gateway-api.sigs.k8s.io/api-types/httproute/
 */
export class HttpRoute extends Construct {
  /** The HTTPRoute (L1 object), for escape hatches such as `addJsonPatch`. */
  public readonly resource: ApiObject;

  /**
   * The namespace.
   *
   * @default - the namespace the route is applied to
   */
  public readonly namespace?: string;

  private readonly core: RouteCore;
  private readonly ruleList: HttpRouteRule[] = [];

  public constructor(scope: Construct, id: string, props: HttpRouteProps = {}) {
    super(scope, id);
    const { core, resource, rules } = RouteCore.open(this, 'HTTPRoute', props, () => this.kubeSpec());
    this.core = core;
    this.resource = resource;
    this.namespace = resource.metadata.namespace;
    rules.forEach((r) => this.addRule(r));
    underSafetyNet(this, () => this.core.deferredProblems(this.ruleList.length), { externalObjects: () => this.core.externalObjects() });
  }

  /** The route's name. */
  public get name(): string {
    return this.resource.name;
  }

  /**
   * Attaches the route to a Gateway (or one of its listeners). Throws a `ValidationError` if the
   * route is attached to that Gateway already without distinct `sectionName`s.
   *
   * @returns the parent added
   */
  public addParentRef(parent: RouteParentRef): RouteParentRef {
    return this.core.addParent(parent);
  }

  /**
   * Adds a host name. Throws a `ValidationError` if it is not a valid host name, is listed
   * already, or the route has 16.
   *
   * @returns the host name
   */
  public addHostname(hostname: string): string {
    return this.core.addHostname(hostname);
  }

  /**
   * Adds a rule. Throws a `ValidationError` listing every problem: invalid or repeated matches
   * (a match the route has already), no backends without a redirect, backends with a redirect,
   * a filter type twice, a redirect with a rewrite, a prefix replacement without exactly one
   * `PathPrefix` match, a `backendRequest` timeout above `request`, or more than the CRD allows
   * (16 rules, 64 matches per rule and 128 per route, 16 backends, 16 filters).
   *
   * @returns the rule added
   */
  public addRule(options: HttpRouteRuleOptions = {}): HttpRouteRule {
    const problems = new Problems(this);
    const o: HttpRouteRuleOptions = options !== null && typeof options === 'object' ? options : {};
    const field = `rules[${this.ruleList.length}]`;
    if (o.name !== undefined) {
      problems.addEach(`${field}.name`, o.name, nameErrors(o.name));
      if (this.ruleList.some((r) => r.name === o.name)) {
        problems.add(`${field}.name`, o.name, 'must not be the name of another rule');
      }
    }
    const matches = listOf(problems, `${field}.matches`, o.matches, LIMITS.matchesPerRule);
    matches.forEach((m, i) => {
      if (!(m instanceof HttpRouteMatch)) {
        problems.add(`${field}.matches[${i}]`, m, 'must be made with HttpRouteMatch.pathPrefix(), .exact(), .regularExpression() or .anyPath()');
      }
    });
    const valid = matches.filter((m) => m instanceof HttpRouteMatch);
    const keys = valid.length > 0 ? valid.map(matchKey) : [DEFAULT_MATCH_KEY];
    keys.forEach((k, i) => {
      if (keys.indexOf(k) < i) {
        problems.add(`${field}.matches[${i}]`, describeMatch(valid[i]), 'must not be listed twice');
      }
      const taken = this.ruleList.findIndex((r) => ruleKeys(r).includes(k));
      if (taken >= 0) {
        problems.add(`${field}.matches[${i}]`, valid[i] ? describeMatch(valid[i]) : 'every request', `must not be matched twice: rule ${taken} of the route matches it already`, 'add the backend or filter to that rule');
      }
    });
    const total = this.ruleList.reduce((n, r) => n + Math.max(1, r.matches?.length ?? 0), 0) + Math.max(1, matches.length);
    if (total > LIMITS.matchesPerRoute) {
      problems.add(`${field}.matches`, `${total} matches`, `must keep the route at ${LIMITS.matchesPerRoute} matches or fewer`, 'split the rules over several routes');
    }
    const backends = this.core.readBackends(problems, `${field}.backends`, o.backends);
    const filters = listOf(problems, `${field}.filters`, o.filters, LIMITS.filters);
    filters.forEach((f, i) => {
      if (!(f instanceof HttpRouteFilter)) {
        problems.add(`${field}.filters[${i}]`, f, 'must be made with an HttpRouteFilter factory');
      } else if (filters.findIndex((x) => x instanceof HttpRouteFilter && x.type === f.type) < i) {
        problems.add(`${field}.filters[${i}]`, f.type, 'must not repeat a filter type in a rule', 'merge the two into one filter');
      }
    });
    const types = filters.filter((f) => f instanceof HttpRouteFilter).map((f) => f.type);
    const redirect = filters.find((f) => f instanceof HttpRouteFilter && f.type === HttpRouteFilterType.REQUEST_REDIRECT);
    const rewrite = filters.find((f) => f instanceof HttpRouteFilter && f.type === HttpRouteFilterType.URL_REWRITE);
    if (redirect && backends.length > 0) {
      problems.add(`${field}.backends`, backends.map((b) => b.name), 'must be empty in a rule that redirects: the redirect answers the request', 'put the backends in another rule');
    }
    if (!redirect && backends.length === 0) {
      problems.add(`${field}.backends`, undefined, 'must list at least one backend (or a filter must redirect): without one every request gets an error',
        'add RouteBackend.fromWebBackend(app), or HttpRouteFilter.httpsRedirect()');
    }
    if (types.includes(HttpRouteFilterType.REQUEST_REDIRECT) && types.includes(HttpRouteFilterType.URL_REWRITE)) {
      problems.add(`${field}.filters`, types, 'must not both redirect and rewrite', 'keep one of them');
    }
    const prefixReplace = (redirect?.redirect?.path ?? rewrite?.rewrite?.path)?.type === 'ReplacePrefixMatch';
    if (prefixReplace && (valid.length !== 1 || valid[0].pathType !== HttpPathType.PATH_PREFIX)) {
      problems.add(`${field}.matches`, valid.map(describeMatch), 'must be exactly one PathPrefix match when a filter replaces the prefix',
        'use HttpPathModifier.fullPath(), or one HttpRouteMatch.pathPrefix()');
    }
    const t = o.timeouts;
    if (t !== undefined) {
      if (t === null || typeof t !== 'object') {
        problems.add(`${field}.timeouts`, t, 'must be { request?, backendRequest? }');
      } else {
        if (t.request !== undefined) problems.addEach(`${field}.timeouts.request`, t.request?.toHumanString?.() ?? t.request, durationErrors(t.request));
        if (t.backendRequest !== undefined) problems.addEach(`${field}.timeouts.backendRequest`, t.backendRequest?.toHumanString?.() ?? t.backendRequest, durationErrors(t.backendRequest));
        const longer = problems.empty && t.request && t.backendRequest && t.request.toMilliseconds() !== 0
          && t.backendRequest.toMilliseconds() > t.request.toMilliseconds();
        if (longer && t.request && t.backendRequest) {
          problems.add(`${field}.timeouts.backendRequest`, gatewayDuration(t.backendRequest), `must not be longer than \`request\` (${gatewayDuration(t.request)})`);
        }
      }
    }
    if (this.ruleList.length >= LIMITS.rules) {
      problems.add('rules', o.name ?? `rule ${this.ruleList.length}`, `must have at most ${LIMITS.rules} rules`, 'split the rules over several routes');
    }
    problems.throwIfAny();
    const rule: HttpRouteRule = {
      index: this.ruleList.length,
      name: o.name,
      matches: matches.length > 0 ? [...matches] : undefined,
      backends: backends.length > 0 ? [...backends] : undefined,
      filters: filters.length > 0 ? [...filters] : undefined,
      timeouts: t ? { ...t } : undefined,
    };
    this.ruleList.push(rule);
    this.core.useBackends(backends);
    return { ...rule };
  }

  /** The Gateways the route attaches to (a copy). */
  public get parentRefs(): RouteParentRef[] {
    return this.core.parents.map((p) => ({ ...p.input }));
  }

  /** The host names (a copy). */
  public get hostnames(): string[] {
    return [...this.core.hostnames];
  }

  /** The rules (a copy). */
  public get rules(): HttpRouteRule[] {
    return this.ruleList.map((r) => ({ ...r }));
  }

  /** The ReferenceGrants the route emitted for its backends of this app in other namespaces. */
  public get referenceGrants(): ReferenceGrant[] {
    return this.core.referenceGrants;
  }

  /**
   * The backend Services that are not part of this app (pass them to the checker as external
   * objects). Those in another namespace need a ReferenceGrant there that this app cannot emit
   * (`referenceGrantNeeded`).
   */
  public get outsideReferences(): OutsideReference[] {
    return this.core.outsideReferences();
  }

  private kubeSpec(): gw.HttpRouteSpec {
    return {
      parentRefs: this.core.parentRefs(),
      hostnames: this.core.hostnames.length > 0 ? [...this.core.hostnames] : undefined,
      rules: this.ruleList.map((r): gw.HttpRouteSpecRules => ({
        name: r.name,
        matches: r.matches?.map(kubeMatch),
        filters: r.filters?.map(kubeFilter),
        backendRefs: r.backends?.map((b) => this.core.backendRef(b)),
        timeouts: r.timeouts ? {
          request: r.timeouts.request ? gatewayDuration(r.timeouts.request) : undefined,
          backendRequest: r.timeouts.backendRequest ? gatewayDuration(r.timeouts.backendRequest) : undefined,
        } : undefined,
      })),
    };
  }
}

const DEFAULT_MATCH_KEY = JSON.stringify(['PathPrefix', '/', [], [], null]);

function matchKey(m: HttpRouteMatch): string {
  const headers = m.headers.map((h) => [h.name.toLowerCase(), h.type ?? 'Exact', h.value]).sort();
  const query = m.queryParams.map((q) => [q.name, q.type ?? 'Exact', q.value]).sort();
  return JSON.stringify([m.pathType, m.path, headers, query, m.method ?? null]);
}

function ruleKeys(r: HttpRouteRule): string[] {
  return r.matches && r.matches.length > 0 ? r.matches.map(matchKey) : [DEFAULT_MATCH_KEY];
}

function describeMatch(m: HttpRouteMatch | undefined): string {
  if (!m) {
    return 'every request';
  }
  const extra = [...m.headers.map((h) => `header ${h.name}`), ...m.queryParams.map((q) => `query ${q.name}`), ...(m.method ? [m.method] : [])];
  return `${m.pathType} ${m.path}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

function kubeMatch(m: HttpRouteMatch): gw.HttpRouteSpecRulesMatches {
  return {
    path: { type: m.pathType as string as gw.HttpRouteSpecRulesMatchesPathType, value: m.path },
    headers: m.headers.length > 0
      ? m.headers.map((h) => ({ name: h.name, value: h.value, type: h.type as string as gw.HttpRouteSpecRulesMatchesHeadersType }))
      : undefined,
    queryParams: m.queryParams.length > 0
      ? m.queryParams.map((q) => ({ name: q.name, value: q.value, type: q.type as string as gw.HttpRouteSpecRulesMatchesQueryParamsType }))
      : undefined,
    method: m.method as string as gw.HttpRouteSpecRulesMatchesMethod,
  };
}

function kubeFilter(f: HttpRouteFilter): gw.HttpRouteSpecRulesFilters {
  const type = f.type as string as gw.HttpRouteSpecRulesFiltersType;
  switch (f.type) {
    case HttpRouteFilterType.REQUEST_HEADER_MODIFIER:
      return { type, requestHeaderModifier: headerModifier(f) };
    case HttpRouteFilterType.RESPONSE_HEADER_MODIFIER:
      return { type, responseHeaderModifier: headerModifier(f) };
    case HttpRouteFilterType.REQUEST_REDIRECT: {
      const r = f.redirect!;
      return {
        type,
        requestRedirect: {
          scheme: r.scheme as string as gw.HttpRouteSpecRulesFiltersRequestRedirectScheme,
          hostname: r.hostname,
          port: r.port,
          statusCode: r.statusCode as number as gw.HttpRouteSpecRulesFiltersRequestRedirectStatusCode,
          path: r.path ? pathModifier(r.path.type, r.path.path) as any : undefined,
        },
      };
    }
    default: {
      const w = f.rewrite!;
      return { type, urlRewrite: { hostname: w.hostname, path: w.path ? pathModifier(w.path.type, w.path.path) as any : undefined } };
    }
  }
}

function headerModifier(f: HttpRouteFilter): any {
  const h = f.headers!;
  return {
    set: h.set?.map((x) => ({ name: x.name, value: x.value })),
    add: h.add?.map((x) => ({ name: x.name, value: x.value })),
    remove: h.remove ? [...h.remove] : undefined,
  };
}

function pathModifier(type: string, path: string): { type: string; replaceFullPath?: string; replacePrefixMatch?: string } {
  return type === 'ReplaceFullPath' ? { type, replaceFullPath: path } : { type, replacePrefixMatch: path };
}
