
/** The sequences Kubernetes refuses in a Prefix or Exact path. */
const INVALID_PATH_PARTS = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_ENDINGS = ['/..', '/.'];

/** What only a regular expression has: a path with one of these is meant as a pattern. */
const REGEX_MARKERS = ['(', ')', '|', '$', '^', '.*', '['];

/** Whether `path` looks like a regular expression (see `REGEX_MARKERS`). */
export function looksLikeRegex(path: string): boolean {
  return REGEX_MARKERS.some((m) => path.includes(m));
}

/**
 * The Prefix path a glob such as '/api/*' means: the segments before the first '*' that a
 * Prefix path may have (no empty, '.' or '..' segment, no encoded '/', no white space or
 * pattern), so that the suggestion is itself a valid path.
 */
export function globPrefix(path: string): string {
  const before = path.slice(0, path.indexOf('*'));
  const segments = before.split('/').filter((s) => s.length > 0 && s !== '.' && s !== '..'
    && !/%2f/i.test(s) && !/\s/.test(s) && !looksLikeRegex(s));
  return `/${segments.join('/')}`;
}

/**
 * The problems with an Ingress path.
 *
 * What the API server requires (kubernetes pkg/apis/networking/validation
 * `validateHTTPIngressPath`): with pathType 'ImplementationSpecific' only that a path given is
 * absolute, since the controller decides how it matches (regular expressions in ingress-nginx);
 * with 'Prefix' and 'Exact' an absolute path without '//', '/./', '/../', '%2f' and without a
 * '/.' or '/..' ending. This function refuses more only for 'Prefix' and 'Exact', and names the
 * breakage each time: a glob or a regular expression, which the API server accepts but which
 * these path types match literally, so the route never matches what was meant; and white
 * space, which no request path has (clients send it percent-encoded).
 */
export function ingressPathErrors(path: string, pathType: string): string[] {
  if (typeof path !== 'string') {
    return ['must be an absolute path such as \'/\' or \'/api\''];
  }
  if (pathType === 'ImplementationSpecific') {
    return path.length > 0 && !path.startsWith('/') ? [`must be an absolute path: use '/${path}'`] : [];
  }
  if (path.length === 0) {
    return ['must be an absolute path such as \'/\' or \'/api\''];
  }
  const errors: string[] = [];
  if (!path.startsWith('/')) {
    errors.push(`must be an absolute path: use '/${path}'`);
  }
  if (looksLikeRegex(path)) {
    errors.push(`must not be a regular expression with pathType '${pathType}': the API server accepts it, but '${pathType}' matches the path literally, so the route never matches what the pattern means; for a controller's regular expressions use \`pathType: WebPathType.IMPLEMENTATION_SPECIFIC\` with the same path`);
  } else if (path.includes('*')) {
    const prefix = globPrefix(path);
    errors.push(`must not use a glob with pathType '${pathType}': the API server accepts it, but matching is literal, so '/api/*' never matches '/api/x'; use pathType 'Prefix' with path '${prefix}', which matches '${prefix}' and everything below it`);
  }
  for (const part of INVALID_PATH_PARTS) {
    if (path.includes(part)) {
      errors.push(`must not contain '${part}' with pathType '${pathType}'`);
    }
  }
  for (const ending of INVALID_PATH_ENDINGS) {
    if (path.endsWith(ending)) {
      errors.push(`must not end with '${ending}' with pathType '${pathType}'`);
    }
  }
  if (/\s/.test(path)) {
    errors.push(`must not contain white space with pathType '${pathType}': clients send it percent-encoded ('%20'), so the path never matches`);
  }
  return errors;
}

/**
 * Whether `annotation` injects raw controller configuration (the `*-snippet` annotations of
 * ingress-nginx and others, CVE-2021-25742).
 * @internal
 */
export function isSnippetAnnotation(annotation: string): boolean {
  const name = annotation.includes('/') ? annotation.slice(annotation.lastIndexOf('/') + 1) : annotation;
  return /(^|-)snippets?$/.test(name);
}

/**
 * `value` as a list: `[]` when it is missing, and a problem (and `[]`) when it is not an array.
 * @internal
 */
export function listProp<T>(
  problems: { add(field: string, value: unknown, message: string): void },
  field: string,
  value: readonly T[] | undefined,
): T[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.add(field, value, 'must be a list');
    return [];
  }
  return [...value];
}
