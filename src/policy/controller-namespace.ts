import { Problems } from '../core/problems';
import { KubeName } from '../net/names';

/** The label the control plane sets on every namespace: its name. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * The namespace(s) traffic from an ingress controller or Gateway comes from, as a namespace
 * selector of a NetworkPolicy: `NetworkPolicies` admits it to the apps it routes to. Constants
 * for the namespaces common controllers install into; `named` for another, `labels` for a label
 * selector of your own.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-namespace-by-its-name
 */
export class ControllerNamespace {
  /** ingress-nginx, installed into the namespace `ingress-nginx` (its Helm chart and manifests). */
  public static readonly INGRESS_NGINX = ControllerNamespace.named('ingress-nginx');

  /** Traefik, installed into the namespace `traefik` (its Helm chart's usual namespace). */
  public static readonly TRAEFIK = ControllerNamespace.named('traefik');

  /** Istio's ingress gateway, in the namespace `istio-system`. */
  public static readonly ISTIO = ControllerNamespace.named('istio-system');

  /** Envoy Gateway, whose proxies run in the namespace `envoy-gateway-system`. */
  public static readonly ENVOY_GATEWAY = ControllerNamespace.named('envoy-gateway-system');

  /**
   * The namespace with this name (selected by `kubernetes.io/metadata.name`, which the control
   * plane sets on every namespace). Throws a `ValidationError` if it is not a DNS-1123 label.
   */
  public static named(name: string): ControllerNamespace {
    const problems = new Problems('ControllerNamespace.named');
    problems.addEach('name', name, KubeName.dns1123LabelErrors(name), 'use a namespace name such as \'ingress-nginx\'');
    problems.throwIfAny();
    return new ControllerNamespace({ [NAMESPACE_NAME_LABEL]: name }, `namespace ${name}`);
  }

  /**
   * The namespaces that carry every one of these labels. Throws a `ValidationError` if there
   * are none: an empty selector would admit every namespace.
   */
  public static labels(labels: { [key: string]: string }): ControllerNamespace {
    const problems = new Problems('ControllerNamespace.labels');
    if (labels === null || typeof labels !== 'object' || Object.keys(labels).length === 0) {
      problems.add('labels', labels, 'must name at least one label: an empty selector selects every namespace', 'e.g. { \'ingress\': \'true\' }');
    } else {
      for (const [k, v] of Object.entries(labels)) {
        if (typeof v !== 'string') {
          problems.add(`labels[${k}]`, v, 'must be a string');
        }
      }
    }
    problems.throwIfAny();
    const copy = { ...labels };
    return new ControllerNamespace(copy, `namespaces ${Object.entries(copy).map(([k, v]) => `${k}=${v}`).join(',')}`);
  }

  private constructor(private readonly selector: { [key: string]: string }, private readonly text: string) {}

  /** @internal the namespace selector's `matchLabels` (a copy) */
  public _matchLabels(): { [key: string]: string } {
    return { ...this.selector };
  }

  /** @internal for the notes of the policies */
  public _describe(): string {
    return this.text;
  }
}
