import { NP_DOCS, POLICIES, podName } from './_np';
import { NetworkPolicyModel, PodTemplateInfo, selectorMatches } from '../../../net/network-policy';
import { Severity } from '../../finding';
import { list, map, nameOf, namespaceOf } from '../_engine';
import { Rule } from '../_rule';
import { protocolOf, serviceType } from '../service/_service';
import { podSelectorOf } from '../xref/_xref';

/**
 * Whether a rule of a policy that isolates `pod` admits traffic from other namespaces on the
 * port: a rule with no peers, or with a peer that has a `namespaceSelector`. The namespace of an
 * Ingress controller or a Gateway is not among the manifests: any such rule may be the one.
 */
function admitsFromNamespaces(model: NetworkPolicyModel, pod: PodTemplateInfo, port: number | string, protocol: string): boolean {
  return model.policiesFor(pod, 'ingress').some((policy) => policy.ingress.some((rule) =>
    (rule.peers.length === 0 || rule.peers.some((peer) => peer.namespaceSelector !== undefined && peer.ipBlock === undefined))
    && (rule.ports.length === 0 || rule.ports.some((p) => model.portMatches(p, { pod }, port, protocol)))));
}

export const NP006: Rule = {
  id: 'NP006',
  summary: 'a Service\'s pods are isolated for ingress and no NetworkPolicy admits a client the manifests declare (an Ingress or route backend, or pods whose environment names the Service)',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${NP_DOCS}#isolated-and-non-isolated-pods`,
  order: 1100,
  uses: [POLICIES],
  check(r, set) {
    const index = set.part(POLICIES);
    const selector = podSelectorOf(r.m);
    if (!index.hasPolicies || selector === undefined || serviceType(r.m) === 'ExternalName') {
      return;
    }
    const ns = namespaceOf(r.m, r.settings.namespace);
    const name = nameOf(r.m);
    const model = index.model;
    const asSelector = { matchLabels: map(selector), matchExpressions: [], valid: true };
    const isolated = model.pods.filter((p) => p.namespace === ns && selectorMatches(asSelector, p.labels) && model.isIsolated(p, 'ingress'));
    if (isolated.length === 0) {
      return;
    }
    const ports = list(map(r.m.spec).ports).map(map);
    const targetOf = (p: Record<string, any>): number | string => (typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : p.port);
    // Ingress controllers and Gateways, from a namespace of their own.
    const reported = new Set<string>();
    for (const ref of index.referencesTo(ns, name)) {
      const k = ports.findIndex((p) => p.port === ref.port || (typeof ref.port === 'string' && p.name === ref.port));
      if (k < 0) {
        continue; // (the backend names no port of the Service: ING and GW rules)
      }
      const denied = isolated.filter((pod) => !admitsFromNamespaces(model, pod, targetOf(ports[k]), protocolOf(ports[k])));
      const key = `${k} ${ref.kind}`;
      if (denied.length > 0 && !reported.has(key)) {
        reported.add(key);
        r.report('NP006', 'spec.selector', selector,
          `selects the pods of ${denied.map(podName).join(', ')}, which are isolated for ingress, and no NetworkPolicy admits traffic from another namespace (the controller's or Gateway's) on target port ${targetOf(ports[k])}, which ${ref.kind} '${ref.name}' sends to (port ${ports[k].port})`,
          'add an ingress rule `from: [{ namespaceSelector: ... }]` for the namespace of the Ingress controller or Gateway on that port');
      }
    }
    // Pods that declare that they connect to the Service (its DNS name in their environment).
    for (const client of index.clientsOf(ns, name)) {
      ports.forEach((p) => {
        const denied = isolated.filter((pod) => pod !== client
          && !model.allows({ from: { pod: client }, to: { pod }, port: targetOf(p), protocol: protocolOf(p) }).ingress.allowed);
        if (denied.length > 0) {
          r.report('NP006', 'spec.selector', selector,
            `selects the pods of ${denied.map(podName).join(', ')}, which are isolated for ingress, and no NetworkPolicy admits ${podName(client)}, whose environment names the Service, on target port ${targetOf(p)} (port ${p.port})`,
            `add an ingress rule from the pods of ${podName(client)} on that port, or acknowledge this if they do not connect`);
        }
      });
    }
  },
};
