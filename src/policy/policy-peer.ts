import { IConstruct } from 'constructs';
import { PeerSpec, isLibraryConstruct } from './_peer-spec';
import { ControllerNamespace } from './controller-namespace';
import { Problems } from '../core/problems';
import { Cidr, IpAddress } from '../net/ip';
import { KubeName } from '../net/names';

/**
 * Options of `PolicyPeer.pods`.
 */
export interface PolicyPodsOptions {
  /**
   * The labels the pods carry (every one of them: a NetworkPolicy `podSelector.matchLabels`).
   */
  readonly labels: { [key: string]: string };

  /**
   * The namespace of the pods.
   *
   * @default - the namespace of the library workload at the other end of the edge
   */
  readonly namespace?: string;
}

/**
 * One end of an edge declared with `NetworkPolicies.addEdge`: a workload of the library, an
 * external backend of the library, pods of your own, the pods of a namespace, or an IP range.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
 */
export class PolicyPeer {
  /**
   * The pods of a workload of this library (`InternalWebApp`, `PublicWebApp`,
   * `HeadlessStatefulService`), or the addresses of an `ExternalService` or `ExternalDatabase`
   * (only as the destination). Throws a `ValidationError` for any other construct.
   */
  public static workload(construct: IConstruct): PolicyPeer {
    const problems = new Problems('PolicyPeer.workload');
    if (!isLibraryConstruct(construct)) {
      problems.add('construct', (construct as any)?.node?.path ?? construct,
        'must be an InternalWebApp, a PublicWebApp, a HeadlessStatefulService, an ExternalService or an ExternalDatabase',
        'use PolicyPeer.pods({ labels }) for pods of your own');
    }
    problems.throwIfAny();
    return new PolicyPeer({ kind: 'construct', construct });
  }

  /**
   * Pods of your own, by their labels (and namespace). Throws a `ValidationError` if there are
   * no labels (an empty selector selects every pod of the namespace: use `namespace`).
   */
  public static pods(options: PolicyPodsOptions): PolicyPeer {
    const problems = new Problems('PolicyPeer.pods');
    const labels = options?.labels;
    if (labels === null || typeof labels !== 'object' || Object.keys(labels).length === 0) {
      problems.add('labels', labels, 'must name at least one label', 'use PolicyPeer.namespace(name) for every pod of a namespace');
    } else {
      for (const [k, v] of Object.entries(labels)) {
        if (typeof v !== 'string') {
          problems.add(`labels[${k}]`, v, 'must be a string');
        }
      }
    }
    if (options?.namespace !== undefined) {
      problems.addEach('namespace', options.namespace, KubeName.dns1123LabelErrors(options.namespace), 'use a namespace name such as \'jobs\'');
    }
    problems.throwIfAny();
    return new PolicyPeer({ kind: 'pods', labels: { ...labels }, namespace: options.namespace });
  }

  /**
   * Every pod of the namespaces a `ControllerNamespace` selects (a namespace by name, or by labels).
   */
  public static namespace(namespace: ControllerNamespace): PolicyPeer {
    const problems = new Problems('PolicyPeer.namespace');
    if (!(namespace instanceof ControllerNamespace)) {
      problems.add('namespace', namespace, 'must be a `ControllerNamespace`', 'use ControllerNamespace.named(\'jobs\')');
    }
    problems.throwIfAny();
    return new PolicyPeer({ kind: 'namespace', labels: namespace._matchLabels(), text: namespace._describe() });
  }

  /**
   * An IP range outside the cluster (an `ipBlock`): `cidr`, without the ranges of `except`.
   * Throws a `ValidationError` if a range is not a CIDR, or an exception is not inside `cidr`.
   *
   * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
   */
  public static ipBlock(cidr: string, except: string[] = []): PolicyPeer {
    const problems = new Problems('PolicyPeer.ipBlock');
    problems.addEach('cidr', cidr, Cidr.errors(cidr), 'e.g. \'203.0.113.0/24\'');
    const list = Array.isArray(except) ? except : [];
    if (!Array.isArray(except)) {
      problems.add('except', except, 'must be a list of CIDR ranges');
    }
    list.forEach((e, i) => {
      const errors = Cidr.errors(e);
      problems.addEach(`except[${i}]`, e, errors);
      if (errors.length === 0 && Cidr.errors(cidr).length === 0) {
        const outer = Cidr.parse(cidr);
        const inner = Cidr.parse(e);
        if (inner.family !== outer.family || inner.prefixLength <= outer.prefixLength || !outer.contains(IpAddress.parse(inner.networkAddress))) {
          problems.add(`except[${i}]`, e, `must be a range strictly inside \`cidr\` ${cidr}`, 'leave out ranges that are not inside it');
        }
      }
    });
    problems.throwIfAny();
    return new PolicyPeer({ kind: 'ipBlock', cidr, except: [...list] });
  }

  private constructor(private readonly spec: PeerSpec) {}

  /** @internal */
  public _spec(): PeerSpec {
    return this.spec;
  }
}
