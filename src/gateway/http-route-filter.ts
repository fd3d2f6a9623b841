import { hostnameErrors, portErrors } from './_rules';
import { readHeaderModifier } from './_values';
import { Problems } from '../core/problems';

/**
 * The kinds of HTTPRoute filter this library writes.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutefiltertype
 */
export enum HttpRouteFilterType {
  /** Changes the request's headers. */
  REQUEST_HEADER_MODIFIER = 'RequestHeaderModifier',
  /** Changes the response's headers. */
  RESPONSE_HEADER_MODIFIER = 'ResponseHeaderModifier',
  /** Answers with a redirect instead of forwarding. */
  REQUEST_REDIRECT = 'RequestRedirect',
  /** Rewrites the host name or path before forwarding. */
  URL_REWRITE = 'URLRewrite',
}

/**
 * The scheme of a redirect.
 */
export enum RedirectScheme {
  /** http */
  HTTP = 'http',
  /** https */
  HTTPS = 'https',
}

/**
 * An HTTP header and its value.
 */
export interface HttpHeader {
  /** The header name. */
  readonly name: string;

  /** The value (at most 4096 characters). */
  readonly value: string;
}

/**
 * Header changes: set (replace), add (append) and remove, at most 16 of each.
 */
export interface HeaderModifierOptions {
  /**
   * Headers set to a value, replacing any value they had.
   *
   * @default - none
   */
  readonly set?: HttpHeader[];

  /**
   * Headers added to any values they had.
   *
   * @default - none
   */
  readonly add?: HttpHeader[];

  /**
   * Names of headers removed.
   *
   * @default - none
   */
  readonly remove?: string[];
}

/**
 * A new path for a redirect or rewrite: replace the whole path, or only the part the rule's
 * `PathPrefix` match matched.
 */
export class HttpPathModifier {
  /**
   * Replaces the whole path.
   */
  public static fullPath(path: string): HttpPathModifier {
    return HttpPathModifier.build('HttpPathModifier.fullPath', 'ReplaceFullPath', path);
  }

  /**
   * Replaces the matched prefix ('/old/x' with prefix '/old' and '/new' becomes '/new/x'). The
   * rule must have exactly one match, a `PathPrefix` one.
   */
  public static prefix(path: string): HttpPathModifier {
    return HttpPathModifier.build('HttpPathModifier.prefix', 'ReplacePrefixMatch', path);
  }

  private static build(where: string, type: string, path: string): HttpPathModifier {
    const problems = new Problems(where);
    if (typeof path !== 'string' || !path.startsWith('/') || path.length > 1024) {
      problems.add('path', path, 'must be an absolute path starting with \'/\' of at most 1024 characters');
    }
    problems.throwIfAny();
    return new HttpPathModifier(type, path);
  }

  private constructor(
    /** 'ReplaceFullPath' or 'ReplacePrefixMatch'. */
    public readonly type: string,
    /** The new path, or the new prefix. */
    public readonly path: string,
  ) {}
}

/**
 * Options of `HttpRouteFilter.requestRedirect`.
 */
export interface RequestRedirectOptions {
  /**
   * The scheme of the Location.
   *
   * @default - the request's
   */
  readonly scheme?: RedirectScheme;

  /**
   * The host name of the Location.
   *
   * @default - the request's
   */
  readonly hostname?: string;

  /**
   * The port of the Location.
   *
   * @default - the scheme's well-known port (443 for https) when the scheme changes, the
   * request's port otherwise
   */
  readonly port?: number;

  /**
   * The path of the Location.
   *
   * @default - the request's
   */
  readonly path?: HttpPathModifier;

  /**
   * The status code: 301, 302, 303, 307 or 308.
   *
   * @default 302
   */
  readonly statusCode?: number;
}

/**
 * Options of `HttpRouteFilter.httpsRedirect`.
 */
export interface HttpsRedirectOptions {
  /**
   * The status code: 301, 302, 303, 307 or 308.
   *
   * @default 301
   */
  readonly statusCode?: number;

  /**
   * The HTTPS port, when it is not 443.
   *
   * @default 443
   */
  readonly port?: number;
}

/**
 * Options of `HttpRouteFilter.urlRewrite`.
 */
export interface UrlRewriteOptions {
  /**
   * The host name sent to the backend.
   *
   * @default - the request's
   */
  readonly hostname?: string;

  /**
   * The path sent to the backend.
   *
   * @default - the request's
   */
  readonly path?: HttpPathModifier;
}

const STATUS_CODES = [301, 302, 303, 307, 308];

/**
 * What a rule does to a request besides forwarding it: header changes, a redirect (such as HTTP
 * to HTTPS) or a URL rewrite. A rule has at most one filter of each type, and not both a
 * redirect and a rewrite; a redirecting rule has no backends.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutefilter
 */
export class HttpRouteFilter {
  /**
   * Redirects to the same URL with `https` (301 by default): the rule of a route attached to a
   * Gateway's HTTP listener.
   */
  public static httpsRedirect(options: HttpsRedirectOptions = {}): HttpRouteFilter {
    const o: HttpsRedirectOptions = options !== null && typeof options === 'object' ? options : {};
    return HttpRouteFilter.redirect('HttpRouteFilter.httpsRedirect', { scheme: RedirectScheme.HTTPS, statusCode: o.statusCode ?? 301, port: o.port });
  }

  /**
   * Redirects the request.
   */
  public static requestRedirect(options: RequestRedirectOptions): HttpRouteFilter {
    const o: RequestRedirectOptions = options !== null && typeof options === 'object' ? options : {};
    return HttpRouteFilter.redirect('HttpRouteFilter.requestRedirect', o);
  }

  /**
   * Changes the headers of the request before it is forwarded.
   */
  public static requestHeaderModifier(options: HeaderModifierOptions): HttpRouteFilter {
    const problems = new Problems('HttpRouteFilter.requestHeaderModifier');
    const m = readHeaderModifier(problems, 'options', options);
    problems.throwIfAny();
    return new HttpRouteFilter(HttpRouteFilterType.REQUEST_HEADER_MODIFIER, { headers: m });
  }

  /**
   * Changes the headers of the response before it is returned.
   */
  public static responseHeaderModifier(options: HeaderModifierOptions): HttpRouteFilter {
    const problems = new Problems('HttpRouteFilter.responseHeaderModifier');
    const m = readHeaderModifier(problems, 'options', options);
    problems.throwIfAny();
    return new HttpRouteFilter(HttpRouteFilterType.RESPONSE_HEADER_MODIFIER, { headers: m });
  }

  /**
   * Rewrites the host name or path before the request is forwarded (nginx's `rewrite-target`).
   */
  public static urlRewrite(options: UrlRewriteOptions): HttpRouteFilter {
    const problems = new Problems('HttpRouteFilter.urlRewrite');
    const o: UrlRewriteOptions = options !== null && typeof options === 'object' ? options : {};
    if (o.hostname === undefined && o.path === undefined) {
      problems.add('options', options, 'must set `hostname` or `path`');
    }
    if (o.hostname !== undefined) {
      problems.addEach('hostname', o.hostname, hostnameErrors(o.hostname));
      if (o.hostname.startsWith('*.')) {
        problems.add('hostname', o.hostname, 'must not be a wildcard');
      }
    }
    if (o.path !== undefined && !(o.path instanceof HttpPathModifier)) {
      problems.add('path', o.path, 'must be made with HttpPathModifier.fullPath() or HttpPathModifier.prefix()');
    }
    problems.throwIfAny();
    return new HttpRouteFilter(HttpRouteFilterType.URL_REWRITE, { rewrite: { hostname: o.hostname, path: o.path } });
  }

  private static redirect(where: string, o: RequestRedirectOptions): HttpRouteFilter {
    const problems = new Problems(where);
    if (o.scheme !== undefined && o.scheme !== RedirectScheme.HTTP && o.scheme !== RedirectScheme.HTTPS) {
      problems.add('scheme', o.scheme, 'must be \'http\' or \'https\'');
    }
    if (o.hostname !== undefined) {
      problems.addEach('hostname', o.hostname, hostnameErrors(o.hostname));
      if (typeof o.hostname === 'string' && o.hostname.startsWith('*.')) {
        problems.add('hostname', o.hostname, 'must not be a wildcard');
      }
    }
    if (o.port !== undefined) {
      problems.addEach('port', o.port, portErrors(o.port));
    }
    if (o.statusCode !== undefined && !STATUS_CODES.includes(o.statusCode)) {
      problems.add('statusCode', o.statusCode, 'must be 301, 302, 303, 307 or 308');
    }
    if (o.path !== undefined && !(o.path instanceof HttpPathModifier)) {
      problems.add('path', o.path, 'must be made with HttpPathModifier.fullPath() or HttpPathModifier.prefix()');
    }
    if (o.scheme === undefined && o.hostname === undefined && o.port === undefined && o.path === undefined) {
      problems.add('options', {}, 'must change the scheme, host name, port or path: a redirect to the same URL loops');
    }
    problems.throwIfAny();
    return new HttpRouteFilter(HttpRouteFilterType.REQUEST_REDIRECT, { redirect: { ...o } });
  }

  /**
   * The header changes (header modifier filters).
   *
   * @default - not a header modifier
   */
  public readonly headers?: HeaderModifierOptions;

  /**
   * The redirect (RequestRedirect filters).
   *
   * @default - not a redirect
   */
  public readonly redirect?: RequestRedirectOptions;

  /**
   * The rewrite (URLRewrite filters).
   *
   * @default - not a rewrite
   */
  public readonly rewrite?: UrlRewriteOptions;

  private constructor(
    /** The filter type. */
    public readonly type: HttpRouteFilterType,
    content: { headers?: HeaderModifierOptions; redirect?: RequestRedirectOptions; rewrite?: UrlRewriteOptions },
  ) {
    this.headers = content.headers;
    this.redirect = content.redirect;
    this.rewrite = content.rewrite;
  }
}
