// Internal: Mermaid and DOT text of a connectivity map. Not exported by the folder's index.
import { createHash } from 'crypto';
import { EdgeData, Graph, NodeData } from './_build';
import { MapEdgeStatus, MapNodeKind } from './map-types';

/** A node with its id, and the lines of its label. */
export interface PlacedNode {
  readonly id: string;
  readonly data: NodeData;
  readonly lines: string[];
}

/** An edge with the ids of its ends, and the lines of its label. */
export interface PlacedEdge {
  readonly from: string;
  readonly to: string;
  readonly data: EdgeData;
  readonly lines: string[];
}

/** The map in output order, with stable ids. */
export interface Placed {
  readonly nodes: PlacedNode[];
  readonly edges: PlacedEdge[];
  /** The namespaces, in order, with the id of their group and their nodes. */
  readonly groups: Array<{ readonly id: string; readonly namespace: string; readonly nodes: PlacedNode[] }>;
  /** The nodes outside every namespace. */
  readonly outside: PlacedNode[];
}

/** The longest id written out in full; a longer one is cut and ends with a hash of the whole. */
const MAX_ID = 48;

/** An id of letters, digits and underscores, at most about `MAX_ID` long. */
function sanitize(s: string): string {
  const id = s.replace(/[^A-Za-z0-9_]/g, '_');
  if (id.length <= MAX_ID) {
    return id;
  }
  // a hash of the text: stable, and different for the ids that share their start
  return `${id.slice(0, MAX_ID - 9)}_${createHash('sha256').update(s).digest('hex').slice(0, 8)}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Gives every node a stable id (`svc_default_web`) and puts nodes and edges in a stable order. */
export function place(graph: Graph): Placed {
  const taken = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; taken.has(id); n++) {
      id = `${base}_${n}`;
    }
    taken.add(id);
    return id;
  };
  const sorted = [...graph.nodes].sort((a, b) => a.order - b.order || compare(a.namespace ?? '', b.namespace ?? '')
    || compare(a.name, b.name) || compare(a.prefix, b.prefix));
  const ids = new Map<string, string>();
  const nodes: PlacedNode[] = sorted.map((data) => {
    const id = unique(sanitize(`${data.prefix}_${data.namespace !== undefined ? `${data.namespace}_` : ''}${data.name}`));
    ids.set(data.key, id);
    const lines = data.findings.length > 0 ? [...data.lines, `⚠ ${data.findings.join(', ')}`] : [...data.lines];
    return { id, data, lines };
  });
  const edges: PlacedEdge[] = graph.edges.map((data) => ({
    from: ids.get(data.from) as string,
    to: ids.get(data.to) as string,
    data,
    lines: data.note === undefined ? [...data.lines] : [...data.lines, ...data.note.split('\n')],
  }));
  // From the outside in: by the order of the nodes they start at, then of those they end at.
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const at = (id: string) => order.get(id) as number;
  edges.sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to) || compare(a.lines.join('\n'), b.lines.join('\n')));
  const namespaces = [...new Set(nodes.map((n) => n.data.namespace).filter((ns): ns is string => ns !== undefined))].sort(compare);
  const groups = namespaces.map((namespace) => ({ id: unique(sanitize(`ns_${namespace}`)), namespace, nodes: nodes.filter((n) => n.data.namespace === namespace) }));
  return { nodes, edges, groups, outside: nodes.filter((n) => n.data.namespace === undefined) };
}

const RED = '#c62828';
const GREEN = '#2e7d32';
const GREY = '#757575';

/** How an edge is drawn: by its mark, into a missing object, or from a policy. */
type EdgeLook = 'normal' | 'allowed' | 'denied' | 'finding' | 'missing' | 'policy';

/** Whether a node is something missing, not a peer of a policy rule outside the manifests (a namespace, pods). */
function isMissing(n: PlacedNode): boolean {
  return n.data.kind === MapNodeKind.MISSING && n.data.prefix === 'missing';
}

/** The shape of a node: peers of policy rules (namespaces, pods outside the manifests) have their own. */
function mermaidShape(n: PlacedNode): [string, string] {
  if (n.data.kind === MapNodeKind.MISSING && n.data.prefix === 'namespace') return ['[/', '\\]'];
  if (n.data.kind === MapNodeKind.MISSING && n.data.prefix === 'pods') return ['[[', ']]'];
  return MERMAID_SHAPES[n.data.kind];
}

function dotShape(n: PlacedNode): string {
  if (n.data.kind === MapNodeKind.MISSING && n.data.prefix === 'namespace') return 'shape=folder';
  if (n.data.kind === MapNodeKind.MISSING && n.data.prefix === 'pods') return 'shape=box3d, style=dashed';
  return DOT_SHAPES[n.data.kind];
}

function lookOf(e: PlacedEdge, kinds: Map<string, MapNodeKind>): EdgeLook {
  switch (e.data.status) {
    case MapEdgeStatus.FINDING: return 'finding';
    case MapEdgeStatus.DENIED: return 'denied';
    case MapEdgeStatus.ALLOWED: return 'allowed';
    default:
      if (kinds.get(e.to) === MapNodeKind.MISSING) return 'missing';
      if (kinds.get(e.from) === MapNodeKind.NETWORK_POLICY) return 'policy';
      return 'normal';
  }
}

/**
 * Escapes one line of a Mermaid label (in double quotes): Mermaid's entity codes for the
 * characters that end or change a label (`"`, `#`, `|`, `<`, `>`, `&`, a backtick), and no line
 * breaks.
 */
export function mermaidText(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/&/g, '#38;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;');
}

function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join('<br/>')}"`;
}

const MERMAID_SHAPES: Record<MapNodeKind, [string, string]> = {
  [MapNodeKind.INGRESS]: ['[/', '/]'],
  [MapNodeKind.GATEWAY]: ['[/', '/]'],
  [MapNodeKind.HTTP_ROUTE]: ['(', ')'],
  [MapNodeKind.GRPC_ROUTE]: ['(', ')'],
  [MapNodeKind.SERVICE]: ['([', '])'],
  [MapNodeKind.WORKLOAD]: ['[[', ']]'],
  [MapNodeKind.ENDPOINT_SLICE]: ['[', ']'],
  [MapNodeKind.ENDPOINTS]: ['[', ']'],
  [MapNodeKind.ADDRESS]: ['((', '))'],
  [MapNodeKind.EXTERNAL_HOST]: ['((', '))'],
  [MapNodeKind.NETWORK_POLICY]: ['>', ']'],
  [MapNodeKind.MISSING]: ['{{', '}}'],
};

const MERMAID_ARROWS: Record<EdgeLook, string> = {
  normal: '-->', allowed: '-->', denied: '-.->', finding: '==>', missing: '-.->', policy: '-.->',
};

const MERMAID_LINK_STYLES: Partial<Record<EdgeLook, string>> = {
  allowed: `stroke:${GREEN},stroke-width:2px`,
  denied: `stroke:${RED},stroke-width:2px,stroke-dasharray:5 5`,
  finding: `stroke:${RED},stroke-width:3px`,
  missing: `stroke:${RED},stroke-dasharray:3 3`,
  policy: `stroke:${GREY},stroke-dasharray:2 2`,
};

/** The map as a Mermaid flowchart. */
export function toMermaid(p: Placed): string {
  const out = ['flowchart LR'];
  const nodeLine = (n: PlacedNode, indent: string) => {
    const [open, close] = mermaidShape(n);
    out.push(`${indent}${n.id}${open}${mermaidLabel(n.lines)}${close}`);
  };
  for (const g of p.groups) {
    out.push(`  subgraph ${g.id}[${mermaidLabel([`namespace ${g.namespace}`])}]`);
    g.nodes.forEach((n) => nodeLine(n, '    '));
    out.push('  end');
  }
  p.outside.forEach((n) => nodeLine(n, '  '));
  const kinds = new Map(p.nodes.map((n) => [n.id, isMissing(n) || n.data.kind !== MapNodeKind.MISSING ? n.data.kind : MapNodeKind.ADDRESS]));
  const styled = new Map<EdgeLook, number[]>();
  p.edges.forEach((e, i) => {
    const look = lookOf(e, kinds);
    const label = e.lines.length > 0 ? `|${mermaidLabel(e.lines)}|` : '';
    out.push(`  ${e.from} ${MERMAID_ARROWS[look]}${label} ${e.to}`);
    if (MERMAID_LINK_STYLES[look] !== undefined) {
      styled.set(look, [...(styled.get(look) ?? []), i]);
    }
  });
  const missing = p.nodes.filter(isMissing).map((n) => n.id);
  const flagged = p.nodes.filter((n) => n.data.findings.length > 0).map((n) => n.id);
  const policies = p.nodes.filter((n) => n.data.kind === MapNodeKind.NETWORK_POLICY).map((n) => n.id);
  if (missing.length > 0) {
    out.push(`  classDef missing fill:#fdecea,stroke:${RED},color:${RED},stroke-dasharray:3 3`, `  class ${missing.join(',')} missing`);
  }
  if (flagged.length > 0) {
    out.push(`  classDef finding stroke:${RED},stroke-width:3px`, `  class ${flagged.join(',')} finding`);
  }
  if (policies.length > 0) {
    out.push(`  classDef policy fill:#f5f5f5,stroke:${GREY}`, `  class ${policies.join(',')} policy`);
  }
  for (const look of ['allowed', 'denied', 'finding', 'missing', 'policy'] as EdgeLook[]) {
    const indexes = styled.get(look);
    if (indexes !== undefined) {
      out.push(`  linkStyle ${indexes.join(',')} ${MERMAID_LINK_STYLES[look]}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Escapes one line of a DOT string (in double quotes): backslashes, quotes, no line breaks. */
export function dotText(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function dotLabel(lines: readonly string[]): string {
  return `"${lines.map(dotText).join('\\n')}"`;
}

const DOT_SHAPES: Record<MapNodeKind, string> = {
  [MapNodeKind.INGRESS]: 'shape=parallelogram',
  [MapNodeKind.GATEWAY]: 'shape=parallelogram',
  [MapNodeKind.HTTP_ROUTE]: 'shape=cds',
  [MapNodeKind.GRPC_ROUTE]: 'shape=cds',
  [MapNodeKind.SERVICE]: 'shape=box, style=rounded',
  [MapNodeKind.WORKLOAD]: 'shape=box3d',
  [MapNodeKind.ENDPOINT_SLICE]: 'shape=tab',
  [MapNodeKind.ENDPOINTS]: 'shape=tab',
  [MapNodeKind.ADDRESS]: 'shape=ellipse',
  [MapNodeKind.EXTERNAL_HOST]: 'shape=ellipse',
  [MapNodeKind.NETWORK_POLICY]: `shape=note, color="${GREY}"`,
  [MapNodeKind.MISSING]: `shape=octagon, style="dashed,filled", color="${RED}", fontcolor="${RED}", fillcolor="#fdecea"`,
};

const DOT_EDGE_STYLES: Record<EdgeLook, string> = {
  normal: '',
  allowed: `, color="${GREEN}", fontcolor="${GREEN}", penwidth=2`,
  denied: `, color="${RED}", fontcolor="${RED}", style=dashed, penwidth=2`,
  finding: `, color="${RED}", fontcolor="${RED}", penwidth=3`,
  missing: `, color="${RED}", style=dashed`,
  policy: `, color="${GREY}", fontcolor="${GREY}", style=dotted`,
};

/** The map as a Graphviz DOT digraph. */
export function toDot(p: Placed): string {
  const out = ['digraph connectivity {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  const nodeLine = (n: PlacedNode, indent: string) => {
    const flagged = n.data.findings.length > 0 ? `, color="${RED}", penwidth=3` : '';
    out.push(`${indent}"${n.id}" [label=${dotLabel(n.lines)}, ${dotShape(n)}${flagged}];`);
  };
  for (const g of p.groups) {
    out.push(`  subgraph "cluster_${g.id}" {`, `    label=${dotLabel([`namespace ${g.namespace}`])};`);
    g.nodes.forEach((n) => nodeLine(n, '    '));
    out.push('  }');
  }
  p.outside.forEach((n) => nodeLine(n, '  '));
  const kinds = new Map(p.nodes.map((n) => [n.id, isMissing(n) || n.data.kind !== MapNodeKind.MISSING ? n.data.kind : MapNodeKind.ADDRESS]));
  for (const e of p.edges) {
    const label = e.lines.length > 0 ? ` [label=${dotLabel(e.lines)}${DOT_EDGE_STYLES[lookOf(e, kinds)]}]` : DOT_EDGE_STYLES[lookOf(e, kinds)] === '' ? '' : ` [${DOT_EDGE_STYLES[lookOf(e, kinds)].slice(2)}]`;
    out.push(`  "${e.from}" -> "${e.to}"${label};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
