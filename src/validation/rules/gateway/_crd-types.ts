/** One CEL rule of a CRD (`x-kubernetes-validations`), as generated. */
export interface CrdRule {
  readonly rule: string;
  /**
   * The rule's syntax tree as the CEL library parses it (its `cel.expr.Expr`, in the compact form
   * `readSyntaxTree` reads), made when the data is generated: reading it costs far less than
   * parsing.
   */
  readonly ast?: string;
  readonly message: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  readonly fieldPath?: string;
  readonly optionalOldSelf?: boolean;
}

/**
 * One node of a CRD's OpenAPI schema, compact (see scripts/generate-gateway-data.js): t type,
 * p properties, r required, i items, a additionalProperties (true: any value), u preserve unknown
 * fields, o int-or-string, e enum, d default, n nullable, f format, x pattern, minL/maxL length,
 * minI/maxI items, minP/maxP properties, min/max, lt list type, lk list map keys, v CEL rules
 * (indexes into `CrdData.rules`), one/any/not the `oneOf`/`anyOf`/`not` alternatives.
 */
export interface SchemaNode {
  readonly t?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly p?: Readonly<Record<string, SchemaNode>>;
  readonly r?: readonly string[];
  readonly i?: SchemaNode;
  readonly a?: SchemaNode | true;
  readonly u?: true;
  readonly o?: true;
  readonly e?: readonly unknown[];
  readonly d?: unknown;
  readonly n?: true;
  readonly f?: string;
  readonly x?: string;
  readonly minL?: number;
  readonly maxL?: number;
  readonly minI?: number;
  readonly maxI?: number;
  readonly minP?: number;
  readonly maxP?: number;
  readonly min?: number;
  readonly max?: number;
  readonly lt?: 'atomic' | 'set' | 'map';
  readonly lk?: readonly string[];
  readonly v?: readonly number[];
  /** `oneOf`: the value must satisfy exactly one of these (partial schemas: enums, formats, properties). */
  readonly one?: readonly SchemaNode[];
  /** `anyOf`: the value must satisfy at least one of these. */
  readonly any?: readonly SchemaNode[];
  /** `not`: the value must not satisfy this. */
  readonly not?: SchemaNode;
}

/** One kind of the CRDs. */
export interface CrdKind {
  readonly group: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster' | string;
  /** The versions the CRD serves, and those it lists without serving. */
  readonly served: readonly string[];
  readonly unserved: readonly string[];
  /** The root schema of each served version. */
  readonly versions: Readonly<Record<string, SchemaNode>>;
}

/** The generated data of the Gateway API CRDs. */
export interface CrdData {
  /** The bundle version of the CRDs, e.g. v1.6.1. */
  readonly bundle: string;
  readonly kinds: Readonly<Record<string, CrdKind>>;
  readonly rules: readonly CrdRule[];
}
