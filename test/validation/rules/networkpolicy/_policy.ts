// Builders of NetworkPolicies for the tests of the NP rules.
export function policy(name: string, spec: any, metadata: any = {}): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, ...metadata }, spec };
}

/** A policy that isolates the `app: web` pods for ingress, with these rules. */
export function webPolicy(ingress: any[], extra: any = {}): any {
  return policy('web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'], ingress, ...extra });
}

/** An ingress rule from the pods `labels` on a port. */
export function fromPods(labels: Record<string, string>, port: number | string = 8080): any {
  return { from: [{ podSelector: { matchLabels: labels } }], ports: [{ port }] };
}

/** A Deployment whose container has an environment variable. */
export function client(name: string, labels: Record<string, string>, env: Record<string, string>): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: 'client', env: Object.entries(env).map(([k, v]) => ({ name: k, value: v })) }] },
      },
    },
  };
}
