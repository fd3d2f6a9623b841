import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type * as gw from './_imports/gateway-api.generated';
import { RouteCore } from './_route';
import { LIMITS, grpcNameErrors, listOf, nameErrors } from './_rules';
import { readHeaderModifier, readNamedMatches } from './_values';
import { OutsideReference } from './gateway-ref';
import { HttpHeaderMatch, StringMatchType } from './http-header-match';
import { HeaderModifierOptions } from './http-route-filter';
import { ReferenceGrant } from './reference-grant';
import { RouteBackend } from './route-backend';
import { RouteParentRef, RouteProps } from './route-props';
import { Problems } from '../core/problems';
import { underSafetyNet } from '../validation/safety-net';

/**
 * Conditions of a gRPC match beyond the service and method.
 */
export interface GrpcRouteMatchOptions {
  /**
   * Request headers (metadata) that must be present with these values (each name once).
   *
   * @default - any headers
   */
  readonly headers?: HttpHeaderMatch[];
}

/**
 * Options of `GrpcRouteMatch.regularExpression`: at least one of `service` and `method`.
 */
export interface GrpcRegexMatchOptions extends GrpcRouteMatchOptions {
  /**
   * A regular expression the service must match.
   *
   * @default - any service
   */
  readonly service?: string;

  /**
   * A regular expression the method must match.
   *
   * @default - any method
   */
  readonly method?: string;
}

/**
 * Which gRPC calls a GRPCRoute rule takes: a service, a method of it, or both as regular
 * expressions, and optionally headers.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#grpcroutematch
 */
export class GrpcRouteMatch {
  /**
   * Calls of one method of a service (`shop.v1.Orders`, `GetOrder`).
   */
  public static method(service: string, method: string, options: GrpcRouteMatchOptions = {}): GrpcRouteMatch {
    const problems = new Problems('GrpcRouteMatch.method');
    problems.addEach('service', service, grpcNameErrors(service, 'service'));
    problems.addEach('method', method, grpcNameErrors(method, 'method'));
    return GrpcRouteMatch.build(problems, StringMatchType.EXACT, service, method, options);
  }

  /**
   * Calls of every method of a service.
   */
  public static service(service: string, options: GrpcRouteMatchOptions = {}): GrpcRouteMatch {
    const problems = new Problems('GrpcRouteMatch.service');
    problems.addEach('service', service, grpcNameErrors(service, 'service'));
    return GrpcRouteMatch.build(problems, StringMatchType.EXACT, service, undefined, options);
  }

  /**
   * Calls whose service and method match regular expressions (support is up to the
   * implementation). Give at least one of them.
   */
  public static regularExpression(options: GrpcRegexMatchOptions): GrpcRouteMatch {
    const problems = new Problems('GrpcRouteMatch.regularExpression');
    const o: GrpcRegexMatchOptions = options !== null && typeof options === 'object' ? options : {};
    const { service, method } = o;
    if (service === undefined && method === undefined) {
      problems.add('service', undefined, 'must be set, or `method`');
    }
    for (const [field, value] of [['service', service], ['method', method]] as const) {
      if (value === undefined) {
        continue;
      }
      if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.grpcNameLength) {
        problems.add(field, value, `must be a regular expression of 1 to ${LIMITS.grpcNameLength} characters`);
        continue;
      }
      try {
        new RegExp(value);
      } catch {
        problems.add(field, value, 'must be a regular expression that compiles');
      }
    }
    return GrpcRouteMatch.build(problems, StringMatchType.REGULAR_EXPRESSION, service, method, o);
  }

  /**
   * Calls that carry these headers, on any service.
   */
  public static headers(headers: HttpHeaderMatch[]): GrpcRouteMatch {
    const problems = new Problems('GrpcRouteMatch.headers');
    if (!Array.isArray(headers) || headers.length === 0) {
      problems.add('headers', headers, 'must list at least one header');
    }
    return GrpcRouteMatch.build(problems, StringMatchType.EXACT, undefined, undefined, { headers });
  }

  private static build(
    problems: Problems,
    type: StringMatchType,
    service: string | undefined,
    method: string | undefined,
    options: GrpcRouteMatchOptions,
  ): GrpcRouteMatch {
    const o: GrpcRouteMatchOptions = options !== null && typeof options === 'object' ? options : {};
    const headers = readNamedMatches(problems, 'headers', o.headers, LIMITS.headerMatches, LIMITS.headerValueLength, true);
    problems.throwIfAny();
    return new GrpcRouteMatch(type, service, method, headers);
  }

  private constructor(
    /** How `service` and `method` are compared. */
    public readonly type: StringMatchType,
    /**
     * The service.
     *
     * @default - any service
     */
    public readonly serviceName: string | undefined,
    /**
     * The method.
     *
     * @default - any method
     */
    public readonly methodName: string | undefined,
    /** Required headers. */
    public readonly headerMatches: HttpHeaderMatch[],
  ) {}
}

/**
 * A rule of a GRPCRoute.
 */
export interface GrpcRouteRuleOptions {
  /**
   * The rule's name.
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * Which calls the rule takes (any of them, at most 64).
   *
   * @default - every call
   */
  readonly matches?: GrpcRouteMatch[];

  /**
   * Where calls go, with weights (at most 16; at least one).
   */
  readonly backends: RouteBackend[];

  /**
   * Changes to the request headers.
   *
   * @default - none
   */
  readonly requestHeaders?: HeaderModifierOptions;

  /**
   * Changes to the response headers.
   *
   * @default - none
   */
  readonly responseHeaders?: HeaderModifierOptions;
}

/**
 * A rule as added to a GRPCRoute.
 */
export interface GrpcRouteRule extends GrpcRouteRuleOptions {
  /** The position of the rule in the route (from 0). */
  readonly index: number;
}

/**
 * Properties of a `GrpcRoute`.
 */
export interface GrpcRouteProps extends RouteProps {
  /**
   * The rules (at most 16). More with `addRule`.
   *
   * @default - none yet; a route needs at least one
   */
  readonly rules?: GrpcRouteRuleOptions[];
}

/**
 * A GRPCRoute (`gateway.networking.k8s.io/v1`): gRPC calls matched by service, method and
 * headers, sent to weighted Service backends. Cross-namespace backends are handled as in
 * `HttpRoute` (a ReferenceGrant for Services of this app, `outsideReferences` for the others).
 *
 * @see https://gateway-api.sigs.k8s.io/api-types/grpcroute/
 */
export class GrpcRoute extends Construct {
  /** The GRPCRoute (L1 object), for escape hatches. */
  public readonly resource: ApiObject;

  /**
   * The namespace.
   *
   * @default - the namespace the route is applied to
   */
  public readonly namespace?: string;

  private readonly core: RouteCore;
  private readonly ruleList: GrpcRouteRule[] = [];

  public constructor(scope: Construct, id: string, props: GrpcRouteProps = {}) {
    super(scope, id);
    const { core, resource, rules } = RouteCore.open(this, 'GRPCRoute', props, () => this.kubeSpec());
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
   * Attaches the route to a Gateway (or one of its listeners).
   *
   * @returns the parent added
   */
  public addParentRef(parent: RouteParentRef): RouteParentRef {
    return this.core.addParent(parent);
  }

  /**
   * Adds a host name.
   *
   * @returns the host name
   */
  public addHostname(hostname: string): string {
    return this.core.addHostname(hostname);
  }

  /**
   * Adds a rule. Throws a `ValidationError` listing every problem (invalid or repeated matches,
   * no backends, invalid header changes, more than the CRD allows).
   *
   * @returns the rule added
   */
  public addRule(options: GrpcRouteRuleOptions): GrpcRouteRule {
    const problems = new Problems(this);
    const o: GrpcRouteRuleOptions = options !== null && typeof options === 'object' ? options : ({} as GrpcRouteRuleOptions);
    const field = `rules[${this.ruleList.length}]`;
    if (o.name !== undefined) {
      problems.addEach(`${field}.name`, o.name, nameErrors(o.name));
      if (this.ruleList.some((r) => r.name === o.name)) {
        problems.add(`${field}.name`, o.name, 'must not be the name of another rule');
      }
    }
    const matches = listOf(problems, `${field}.matches`, o.matches, LIMITS.matchesPerRule);
    matches.forEach((m, i) => {
      if (!(m instanceof GrpcRouteMatch)) {
        problems.add(`${field}.matches[${i}]`, m, 'must be made with GrpcRouteMatch.method(), .service(), .regularExpression() or .headers()');
      }
    });
    const keys = matches.length > 0 ? matches.map((m) => (m instanceof GrpcRouteMatch ? grpcKey(m) : '?')) : ['*'];
    keys.forEach((k, i) => {
      if (keys.indexOf(k) < i) {
        problems.add(`${field}.matches[${i}]`, k, 'must not be listed twice');
      }
      const taken = this.ruleList.findIndex((r) => (r.matches && r.matches.length > 0 ? r.matches.map(grpcKey) : ['*']).includes(k));
      if (taken >= 0) {
        problems.add(`${field}.matches[${i}]`, k === '*' ? 'every call' : k, `must not be matched twice: rule ${taken} of the route matches it already`);
      }
    });
    const total = this.ruleList.reduce((n, r) => n + (r.matches?.length ?? 0), 0) + matches.length;
    if (total > LIMITS.matchesPerRoute) {
      problems.add(`${field}.matches`, `${total} matches`, `must keep the route at ${LIMITS.matchesPerRoute} matches or fewer`);
    }
    const backends = this.core.readBackends(problems, `${field}.backends`, o.backends);
    if (backends.length === 0) {
      problems.add(`${field}.backends`, o.backends, 'must list at least one backend', 'add RouteBackend.service(service)');
    }
    const requestHeaders = o.requestHeaders !== undefined ? readHeaderModifier(problems, `${field}.requestHeaders`, o.requestHeaders) : undefined;
    const responseHeaders = o.responseHeaders !== undefined ? readHeaderModifier(problems, `${field}.responseHeaders`, o.responseHeaders) : undefined;
    if (this.ruleList.length >= LIMITS.rules) {
      problems.add('rules', o.name ?? `rule ${this.ruleList.length}`, `must have at most ${LIMITS.rules} rules`);
    }
    problems.throwIfAny();
    const rule: GrpcRouteRule = {
      index: this.ruleList.length,
      name: o.name,
      matches: matches.length > 0 ? [...matches] : undefined,
      backends: [...backends],
      requestHeaders,
      responseHeaders,
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
  public get rules(): GrpcRouteRule[] {
    return this.ruleList.map((r) => ({ ...r }));
  }

  /** The ReferenceGrants the route emitted for its backends of this app in other namespaces. */
  public get referenceGrants(): ReferenceGrant[] {
    return this.core.referenceGrants;
  }

  /** The backend Services that are not part of this app (see `HttpRoute.outsideReferences`). */
  public get outsideReferences(): OutsideReference[] {
    return this.core.outsideReferences();
  }

  private kubeSpec(): gw.GrpcRouteSpec {
    return {
      parentRefs: this.core.parentRefs(),
      hostnames: this.core.hostnames.length > 0 ? [...this.core.hostnames] : undefined,
      rules: this.ruleList.map((r): gw.GrpcRouteSpecRules => {
        const filters: any[] = [];
        if (r.requestHeaders) filters.push({ type: 'RequestHeaderModifier', requestHeaderModifier: { ...r.requestHeaders } });
        if (r.responseHeaders) filters.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: { ...r.responseHeaders } });
        return {
          name: r.name,
          matches: r.matches?.map((m) => ({
            method: m.serviceName !== undefined || m.methodName !== undefined
              ? { type: m.type as string as gw.GrpcRouteSpecRulesMatchesMethodType, service: m.serviceName, method: m.methodName }
              : undefined,
            headers: m.headerMatches.length > 0
              ? m.headerMatches.map((h) => ({ name: h.name, value: h.value, type: h.type as string as gw.GrpcRouteSpecRulesMatchesHeadersType }))
              : undefined,
          })),
          filters: filters.length > 0 ? filters : undefined,
          backendRefs: r.backends?.map((b) => this.core.backendRef(b)),
        };
      }),
    };
  }
}

function grpcKey(m: GrpcRouteMatch): string {
  const headers = m.headerMatches.map((h) => `${h.name.toLowerCase()}=${h.value}`).sort().join(',');
  return `${m.type} ${m.serviceName ?? '*'}/${m.methodName ?? '*'}${headers ? ` [${headers}]` : ''}`;
}
