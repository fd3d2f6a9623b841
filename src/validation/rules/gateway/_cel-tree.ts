// Internal: reads the syntax tree of a CRD rule from the compact form the data generator writes
// (scripts/generate-gateway-data.js, `compactExpr`). Not exported by the folder's index.
import type { Constant, Expr, Expr_CreateStruct_Entry } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';

/** An `Expr` as nested arrays: [tag, id, ...fields] (see `compactExpr` in the generator). */
type Compact = [string, number, ...any[]];

/**
 * The rule's `cel.expr.Expr`, built as the CEL library's parser builds it (plain message
 * objects, 64-bit integers as bigint): a test compares the two for every rule of the data.
 * Reading it costs a fraction of parsing the rule, or of decoding protobuf binary.
 */
export function readSyntaxTree(json: string): Expr {
  return expr(JSON.parse(json) as Compact);
}

function expr(c: Compact): Expr {
  const id = BigInt(c[1]);
  switch (c[0]) {
    case 'i':
      return node(id, { case: 'identExpr', value: { $typeName: 'cel.expr.Expr.Ident', name: c[2] } });
    case 'c':
      return node(id, { case: 'constExpr', value: constant(c[2], c[3]) });
    case 's':
      return node(id, { case: 'selectExpr', value: { $typeName: 'cel.expr.Expr.Select', operand: optional(c[2]), field: c[3], testOnly: c[4] } });
    case 'f': {
      const call: any = { $typeName: 'cel.expr.Expr.Call', function: c[3], args: (c[4] as Compact[]).map(expr) };
      if (c[2] !== null) {
        call.target = expr(c[2]);
      }
      return node(id, { case: 'callExpr', value: call });
    }
    case 'l':
      return node(id, { case: 'listExpr', value: { $typeName: 'cel.expr.Expr.CreateList', elements: (c[2] as Compact[]).map(expr), optionalIndices: c[3] } });
    case 'm':
      return node(id, { case: 'structExpr', value: { $typeName: 'cel.expr.Expr.CreateStruct', entries: (c[3] as any[][]).map(entry), messageName: c[2] } });
    case 'x':
      return node(id, {
        case: 'comprehensionExpr',
        value: {
          $typeName: 'cel.expr.Expr.Comprehension',
          accuVar: c[5],
          accuInit: optional(c[6]),
          iterVar: c[2],
          iterVar2: c[3],
          iterRange: optional(c[4]),
          loopStep: optional(c[8]),
          loopCondition: optional(c[7]),
          result: optional(c[9]),
        },
      });
    case '0':
      return node(id, { case: undefined });
    default:
      throw new Error(`unknown expression tag '${c[0]}' in a generated syntax tree`);
  }
}

function node(id: bigint, exprKind: Expr['exprKind']): Expr {
  return { $typeName: 'cel.expr.Expr', id, exprKind };
}

function optional(c: Compact | null): Expr | undefined {
  return c === null ? undefined : expr(c);
}

function entry(e: any[]): Expr_CreateStruct_Entry {
  return {
    $typeName: 'cel.expr.Expr.CreateStruct.Entry',
    id: BigInt(e[0]),
    keyKind: e[1] === 'mapKey' ? { case: 'mapKey', value: expr(e[2]) } : { case: 'fieldKey', value: e[2] },
    value: optional(e[3]),
    optionalEntry: e[4],
  };
}

function constant(kind: string, value: any): Constant {
  let constantKind: Constant['constantKind'];
  switch (kind) {
    case 'int64Value': constantKind = { case: 'int64Value', value: BigInt(value) }; break;
    case 'uint64Value': constantKind = { case: 'uint64Value', value: BigInt(value) }; break;
    case 'bytesValue': constantKind = { case: 'bytesValue', value: new Uint8Array(Buffer.from(value, 'base64')) }; break;
    case 'nullValue': constantKind = { case: 'nullValue', value }; break;
    case 'boolValue': constantKind = { case: 'boolValue', value }; break;
    case 'doubleValue': constantKind = { case: 'doubleValue', value }; break;
    case 'stringValue': constantKind = { case: 'stringValue', value }; break;
    default: throw new Error(`unknown constant kind '${kind}' in a generated syntax tree`);
  }
  return { $typeName: 'cel.expr.Constant', constantKind };
}
