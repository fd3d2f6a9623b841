import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { buildGraph } from './_build';
import { Placed, place, toDot, toMermaid } from './_render';
import { MapEdge, MapNode } from './map-types';
import { Finding } from '../validation/finding';

/**
 * Options of a `ConnectivityMap`.
 */
export interface ConnectivityMapOptions {
  /**
   * The namespace of objects without `metadata.namespace` (as `kubectl apply` puts them in the
   * namespace it applies to).
   *
   * @default 'default'
   */
  readonly namespace?: string;

  /**
   * Findings of the manifest checker to mark on the map (`ManifestChecker.check` over the same
   * manifests, in the same order). A finding marks the edge drawn from the field it is about
   * (an Ingress backend, a Service port, a route's backendRef, ...); one that concerns no edge
   * marks the node of its object. Acknowledged findings are not marked.
   *
   * @default - no finding is marked
   */
  readonly findings?: Finding[];
}

/**
 * A map of the paths traffic takes through Kubernetes objects, as Mermaid or Graphviz DOT text:
 * Ingress or Gateway, then the route, the Service and the workload; Service, then its
 * EndpointSlices (or Endpoints), then the addresses outside; ExternalName Service, then the
 * external host. NetworkPolicies mark the edges into the pods they isolate: allowed on the
 * port by a policy, or denied by policy. Findings of the checker mark the edges they concern,
 * and references to objects that are not among the manifests end at a 'missing' node.
 *
 * The output is deterministic: the same objects give the same text, in whatever order.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class ConnectivityMap {
  /**
   * The map of a list of manifests (plain objects, as parsed from YAML or JSON). Objects of other
   * kinds, and anything that is not an object, are left out.
   *
   * @param manifests the objects
   * @param options the default namespace and the findings to mark
   */
  public static fromManifests(manifests: any[], options: ConnectivityMapOptions = {}): ConnectivityMap {
    return new ConnectivityMap(manifests, options);
  }

  /**
   * The map of the objects of a cdk8s chart (each ApiObject below it, as its `toJson()`).
   *
   * @param chart the chart
   * @param options the default namespace and the findings to mark (indexed in the order of the objects below the chart)
   */
  public static fromChart(chart: Chart, options: ConnectivityMapOptions = {}): ConnectivityMap {
    return new ConnectivityMap(ConnectivityMap.manifestsOf(chart), options);
  }

  /**
   * The map of the objects of every chart of a cdk8s app.
   *
   * @param app the app
   * @param options the default namespace and the findings to mark (indexed in the order of the objects below the app)
   */
  public static fromApp(app: App, options: ConnectivityMapOptions = {}): ConnectivityMap {
    return new ConnectivityMap(ConnectivityMap.manifestsOf(app), options);
  }

  /**
   * The manifests of the ApiObjects below a construct, in construct order: what `fromChart`
   * and `fromApp` draw, and what to check to get findings indexed the same way.
   *
   * @param scope a chart, an app, or any construct
   */
  public static manifestsOf(scope: IConstruct): any[] {
    return scope.node.findAll().filter((c) => ApiObject.isApiObject(c)).map((o) => (o as ApiObject).toJson());
  }

  private readonly placed: Placed;

  private constructor(manifests: readonly unknown[], options: ConnectivityMapOptions) {
    this.placed = place(buildGraph(manifests, options.namespace ?? 'default', options.findings ?? []));
  }

  /**
   * The nodes, in output order.
   */
  public get nodes(): MapNode[] {
    return this.placed.nodes.map((n) => ({
      id: n.id,
      kind: n.data.kind,
      name: n.data.name,
      namespace: n.data.namespace,
      label: n.lines.join('\n'),
      manifestIndex: n.data.manifestIndex,
      findings: [...n.data.findings],
    }));
  }

  /**
   * The edges, in output order.
   */
  public get edges(): MapEdge[] {
    return this.placed.edges.map((e) => ({
      from: e.from,
      to: e.to,
      label: e.data.lines.join('\n'),
      status: e.data.status,
      note: e.data.note,
      manifestIndex: e.data.manifestIndex,
    }));
  }

  /**
   * The map as a Mermaid flowchart (put it in a ```` ```mermaid ```` block of a Markdown file,
   * which GitHub renders).
   */
  public toMermaid(): string {
    return toMermaid(this.placed);
  }

  /**
   * The map as a Graphviz DOT digraph (`dot -Tsvg map.dot > map.svg`).
   */
  public toDot(): string {
    return toDot(this.placed);
  }
}
