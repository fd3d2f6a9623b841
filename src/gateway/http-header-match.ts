/**
 * How a header, query parameter or gRPC method match compares values.
 */
export enum StringMatchType {
  /** The value equals the given one. */
  EXACT = 'Exact',
  /** The value matches a regular expression (the dialect is up to the implementation). */
  REGULAR_EXPRESSION = 'RegularExpression',
}

/**
 * A request header a match requires.
 */
export interface HttpHeaderMatch {
  /** The header name (case-insensitive). */
  readonly name: string;

  /** The value (at most 4096 characters). */
  readonly value: string;

  /**
   * How the value is compared.
   *
   * @default StringMatchType.EXACT
   */
  readonly type?: StringMatchType;
}

/**
 * A query parameter a match requires.
 */
export interface HttpQueryParamMatch {
  /** The parameter name (case-sensitive). */
  readonly name: string;

  /** The value (at most 1024 characters). */
  readonly value: string;

  /**
   * How the value is compared.
   *
   * @default StringMatchType.EXACT
   */
  readonly type?: StringMatchType;
}
