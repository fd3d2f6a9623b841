/** A small app: an Ingress to two Deployments (one isolated and denied, one allowed), an outside database behind slices, an ExternalName. */
export function smallApp(): any[] {
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'shop' },
      spec: {
        ingressClassName: 'nginx',
        rules: [{
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
            ],
          },
        }],
      },
    },
    service('web', { 'app.kubernetes.io/name': 'web' }, [{ name: 'http', port: 80, targetPort: 'http' }]),
    deployment('web', { 'app.kubernetes.io/name': 'web' }, [{ name: 'http', containerPort: 8080 }]),
    service('api', { 'app.kubernetes.io/name': 'api' }, [{ name: 'http', port: 80, targetPort: 9000 }]),
    deployment('api', { 'app.kubernetes.io/name': 'api' }, [{ containerPort: 9000 }]),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api-from-ingress', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 9000 }] }],
      },
    },
    service('orders-db', undefined, [{ name: 'mysql', port: 30056, targetPort: 3306 }]),
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'orders-db-ipv4', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'orders-db' } },
      addressType: 'IPv4',
      ports: [{ name: 'mysql', port: 3306, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.0.4.17'] }, { addresses: ['10.0.4.18'], conditions: { ready: false } }],
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'docs', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'docs.example.org' } },
  ];
}

export function service(name: string, selector: Record<string, string> | undefined, ports: any[], namespace = 'shop', extra: any = {}): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { ...(selector ? { selector } : {}), ports, ...extra } };
}

export function deployment(name: string, labels: Record<string, string>, ports: any[], namespace = 'shop'): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: name, image: `${name}:1`, ports }] } },
    },
  };
}
