// Small builders of manifests for the checker tests.

export function svc(name: string, spec: any, metadata: any = {}): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...metadata }, spec };
}

export function web(spec: any = {}, metadata: any = {}): any {
  return svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec }, metadata);
}

export function deployment(name: string, labels: Record<string, string>, ports: any[] = [{ name: 'http', containerPort: 8080 }], metadata: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...metadata },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'nginx', ports }] } },
    },
  };
}

export const WEB_PODS = deployment('web', { app: 'web' });

export function slice(name: string, serviceName: string | undefined, body: any = {}, metadata: any = {}): any {
  const labels = serviceName === undefined ? {} : { 'kubernetes.io/service-name': serviceName };
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, labels, ...metadata },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.0.4.17'] }],
    ports: [{ name: 'mysql', port: 3306, protocol: 'TCP' }],
    ...body,
  };
}

export const MYSQL = svc('mysql', { ports: [{ name: 'mysql', port: 30056, targetPort: 3306 }] });

export function endpoints(name: string, subsets: any[]): any {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name }, subsets };
}

export function ingress(name: string, spec: any, metadata: any = {}): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, ...metadata }, spec };
}

export function path(p: string, service = 'web', port: any = { number: 80 }, pathType = 'Prefix'): any {
  return { path: p, pathType, backend: { service: { name: service, port } } };
}

export function rule(host: string | undefined, ...paths: any[]): any {
  return { ...(host === undefined ? {} : { host }), http: { paths } };
}

export function ingressClass(spec: any, metadata: any = {}): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', ...metadata }, spec };
}

export function statefulSet(name: string, serviceName: string): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'db', ports: [{ name: 'peer', containerPort: 7000 }] }] } },
    },
  };
}
