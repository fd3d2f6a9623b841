import { LIMITS } from './_rules';
import { RouteKind, RouteNamespaces } from './gateway-ref';
import { Problems } from '../core/problems';
import { KubeName } from '../net/names';

/**
 * Options of every `AllowedRoutes` factory.
 */
export interface AllowedRoutesOptions {
  /**
   * The route kinds that may attach.
   *
   * @default - the kinds the listener's protocol supports (HTTPRoute, and GRPCRoute where the
   * implementation supports it)
   */
  readonly kinds?: RouteKind[];
}

const KINDS = new Set<string>(Object.values(RouteKind));

/**
 * Which routes may attach to a listener of a Gateway (`allowedRoutes`): from the Gateway's
 * namespace, from every namespace, or from the namespaces whose labels match.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#allowedroutes
 */
export class AllowedRoutes {
  /**
   * Routes in the Gateway's namespace only (the Gateway API's default).
   */
  public static sameNamespace(options: AllowedRoutesOptions = {}): AllowedRoutes {
    return AllowedRoutes.build('AllowedRoutes.sameNamespace', RouteNamespaces.SAME, undefined, options);
  }

  /**
   * Routes in every namespace: any team that can create a route can take a host name of this
   * listener. Prefer `fromNamespaces` on a shared Gateway.
   */
  public static all(options: AllowedRoutesOptions = {}): AllowedRoutes {
    return AllowedRoutes.build('AllowedRoutes.all', RouteNamespaces.ALL, undefined, options);
  }

  /**
   * Routes in the namespaces that have all of these labels (for example
   * `{ 'kubernetes.io/metadata.name': 'shop' }`, or a label the platform team puts on the
   * namespaces of apps that may use the Gateway).
   *
   * @param matchLabels the labels a namespace must have; at least one
   */
  public static fromNamespaces(matchLabels: { [key: string]: string }, options: AllowedRoutesOptions = {}): AllowedRoutes {
    return AllowedRoutes.build('AllowedRoutes.fromNamespaces', RouteNamespaces.SELECTOR, matchLabels, options);
  }

  private static build(
    where: string,
    from: RouteNamespaces,
    matchLabels: { [key: string]: string } | undefined,
    options: AllowedRoutesOptions,
  ): AllowedRoutes {
    const problems = new Problems(where);
    if (from === RouteNamespaces.SELECTOR) {
      const labels = matchLabels !== null && typeof matchLabels === 'object' && !Array.isArray(matchLabels) ? matchLabels : undefined;
      if (!labels || Object.keys(labels).length === 0) {
        problems.add('matchLabels', matchLabels, 'must have at least one label', 'e.g. { \'kubernetes.io/metadata.name\': \'shop\' }; use AllowedRoutes.all() for every namespace');
      } else {
        for (const [k, v] of Object.entries(labels)) {
          problems.addEach(`matchLabels.${k}`, k, KubeName.qualifiedNameErrors(k));
          problems.addEach(`matchLabels.${k}`, v, KubeName.labelValueErrors(v));
        }
      }
    }
    const o: AllowedRoutesOptions = options !== null && typeof options === 'object' ? options : {};
    let kinds: RouteKind[] | undefined;
    if (o.kinds !== undefined) {
      if (!Array.isArray(o.kinds) || o.kinds.length === 0) {
        problems.add('kinds', o.kinds, 'must list at least one route kind', 'leave it out to allow the kinds of the listener\'s protocol');
      } else {
        if (o.kinds.length > LIMITS.allowedRouteKinds) {
          problems.add('kinds', o.kinds, `must have at most ${LIMITS.allowedRouteKinds} items`);
        }
        o.kinds.forEach((k, i) => {
          if (!KINDS.has(k)) {
            problems.add(`kinds[${i}]`, k, 'must be RouteKind.HTTP_ROUTE or RouteKind.GRPC_ROUTE');
          } else if (o.kinds!.indexOf(k) < i) {
            problems.add(`kinds[${i}]`, k, 'must not be listed twice');
          }
        });
        kinds = [...o.kinds];
      }
    }
    problems.throwIfAny();
    return new AllowedRoutes(from, matchLabels ? { ...matchLabels } : undefined, kinds);
  }

  private constructor(
    /** Which namespaces may attach routes. */
    public readonly from: RouteNamespaces,
    /**
     * The labels a namespace must have (with `RouteNamespaces.SELECTOR`).
     *
     * @default - no selector
     */
    public readonly matchLabels?: { [key: string]: string },
    /**
     * The route kinds that may attach.
     *
     * @default - the kinds of the listener's protocol
     */
    public readonly kinds?: RouteKind[],
  ) {}
}
