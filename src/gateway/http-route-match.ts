import { LIMITS, PathMatchType, pathErrors } from './_rules';
import { METHODS, readNamedMatches } from './_values';
import { HttpHeaderMatch, HttpQueryParamMatch } from './http-header-match';
import { Problems } from '../core/problems';

/**
 * How an HTTPRoute match compares the request path.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#pathmatchtype
 */
export enum HttpPathType {
  /** The path and everything below it, element by element: '/v1' matches '/v1' and '/v1/users', not '/v10'. */
  PATH_PREFIX = 'PathPrefix',
  /** Exactly this path, case-sensitive. */
  EXACT = 'Exact',
  /** A regular expression; its dialect (RE2, PCRE) is up to the implementation. */
  REGULAR_EXPRESSION = 'RegularExpression',
}

/**
 * The methods an HTTPRoute can match.
 */
export enum HttpMethod {
  /** GET */
  GET = 'GET',
  /** HEAD */
  HEAD = 'HEAD',
  /** POST */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** DELETE */
  DELETE = 'DELETE',
  /** CONNECT */
  CONNECT = 'CONNECT',
  /** OPTIONS */
  OPTIONS = 'OPTIONS',
  /** TRACE */
  TRACE = 'TRACE',
  /** PATCH */
  PATCH = 'PATCH',
}

/**
 * Conditions of a match beyond its path; a request must meet all of them.
 */
export interface HttpRouteMatchOptions {
  /**
   * Request headers that must be present with these values (each name once).
   *
   * @default - any headers
   */
  readonly headers?: HttpHeaderMatch[];

  /**
   * Query parameters that must be present with these values (each name once).
   *
   * @default - any query
   */
  readonly queryParams?: HttpQueryParamMatch[];

  /**
   * The request method.
   *
   * @default - any method
   */
  readonly method?: HttpMethod;
}


/**
 * Which requests an HTTPRoute rule takes: a path (prefix, exact or regular expression) and
 * optionally headers, query parameters and a method.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch
 */
export class HttpRouteMatch {
  /**
   * Requests whose path is `path` or below it ('/v1' matches '/v1' and '/v1/users', not '/v10').
   */
  public static pathPrefix(path: string, options: HttpRouteMatchOptions = {}): HttpRouteMatch {
    return HttpRouteMatch.build('HttpRouteMatch.pathPrefix', HttpPathType.PATH_PREFIX, path, options);
  }

  /**
   * Requests whose path is exactly `path`.
   */
  public static exact(path: string, options: HttpRouteMatchOptions = {}): HttpRouteMatch {
    return HttpRouteMatch.build('HttpRouteMatch.exact', HttpPathType.EXACT, path, options);
  }

  /**
   * Requests whose path matches a regular expression. Support and dialect are up to the
   * implementation (an extended feature of the Gateway API).
   */
  public static regularExpression(pattern: string, options: HttpRouteMatchOptions = {}): HttpRouteMatch {
    return HttpRouteMatch.build('HttpRouteMatch.regularExpression', HttpPathType.REGULAR_EXPRESSION, pattern, options);
  }

  /**
   * Requests on any path that meet the other conditions (a header, a method): the path is the
   * prefix '/'.
   */
  public static anyPath(options: HttpRouteMatchOptions): HttpRouteMatch {
    return HttpRouteMatch.build('HttpRouteMatch.anyPath', HttpPathType.PATH_PREFIX, '/', options);
  }

  private static build(where: string, pathType: HttpPathType, path: string, options: HttpRouteMatchOptions): HttpRouteMatch {
    const problems = new Problems(where);
    problems.addEach('path', path, pathErrors(path, pathType as PathMatchType));
    const o: HttpRouteMatchOptions = options !== null && typeof options === 'object' ? options : {};
    const headers = readNamedMatches(problems, 'headers', o.headers, LIMITS.headerMatches, LIMITS.headerValueLength, true);
    const queryParams = readNamedMatches(problems, 'queryParams', o.queryParams, LIMITS.queryParamMatches, LIMITS.queryValueLength, false);
    if (o.method !== undefined && !METHODS.has(o.method)) {
      problems.add('method', o.method, `must be one of ${[...METHODS].map((m) => `'${m}'`).join(', ')}`);
    }
    problems.throwIfAny();
    return new HttpRouteMatch(pathType, path, headers, queryParams, o.method);
  }

  private constructor(
    /** How the path is compared. */
    public readonly pathType: HttpPathType,
    /** The path, or the regular expression. */
    public readonly path: string,
    /** Required request headers (a copy). */
    public readonly headers: HttpHeaderMatch[],
    /** Required query parameters. */
    public readonly queryParams: HttpQueryParamMatch[],
    /**
     * The request method.
     *
     * @default - any method
     */
    public readonly method: HttpMethod | undefined,
  ) {}
}
