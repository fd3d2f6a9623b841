// Valid Gateway API manifests, after the examples of the Gateway API guides (written here), and
// builders of variants. Every builder returns a fresh object, so a test may change it.

const V1 = 'gateway.networking.k8s.io/v1';

export function gatewayClass(): any {
  return { apiVersion: V1, kind: 'GatewayClass', metadata: { name: 'example' }, spec: { controllerName: 'example.com/gateway-controller' } };
}

/** A shared Gateway in namespace `infra`: HTTP on 80 for every namespace, HTTPS on 443 for `*.example.com`. */
export function gateway(spec: any = {}, metadata: any = {}): any {
  return {
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name: 'shared', namespace: 'infra', ...metadata },
    spec: {
      gatewayClassName: 'example',
      listeners: [
        { name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'All' } } },
        {
          name: 'https',
          protocol: 'HTTPS',
          port: 443,
          hostname: '*.example.com',
          tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'example-com-tls' }] },
          allowedRoutes: { namespaces: { from: 'All' } },
        },
      ],
      ...spec,
    },
  };
}

export function secret(name = 'example-com-tls', namespace = 'infra'): any {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } };
}

export function service(name = 'store-v1', namespace = 'store', port = 8080): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ name: 'http', port, targetPort: port }] } };
}

/** The `store` HTTPRoute: store.example.com on the shared Gateway's HTTPS listener, to Service store-v1. */
export function httpRoute(spec: any = {}, metadata: any = {}): any {
  return {
    apiVersion: V1,
    kind: 'HTTPRoute',
    metadata: { name: 'store', namespace: 'store', ...metadata },
    spec: {
      parentRefs: [{ name: 'shared', namespace: 'infra', sectionName: 'https' }],
      hostnames: ['store.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: 'store-v1', port: 8080 }],
        },
        {
          matches: [{ path: { type: 'Exact', value: '/login' }, headers: [{ name: 'x-canary', value: 'true' }] }],
          filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'x-route', value: 'login' }] } }],
          backendRefs: [{ name: 'store-v1', port: 8080, weight: 90 }],
        },
      ],
      ...spec,
    },
  };
}

export function grpcRoute(spec: any = {}): any {
  return {
    apiVersion: V1,
    kind: 'GRPCRoute',
    metadata: { name: 'grpc', namespace: 'store' },
    spec: {
      parentRefs: [{ name: 'shared', namespace: 'infra', sectionName: 'https' }],
      hostnames: ['grpc.example.com'],
      rules: [{ matches: [{ method: { service: 'com.example.User', method: 'Login' } }], backendRefs: [{ name: 'store-v1', port: 8080 }] }],
      ...spec,
    },
  };
}

/** A Gateway with a TLS passthrough listener, and a TLSRoute on it. */
export function tlsGateway(): any {
  return {
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name: 'passthrough', namespace: 'infra' },
    spec: {
      gatewayClassName: 'example',
      listeners: [{ name: 'tls', protocol: 'TLS', port: 443, hostname: '*.example.com', tls: { mode: 'Passthrough' }, allowedRoutes: { namespaces: { from: 'All' } } }],
    },
  };
}

export function tlsRoute(spec: any = {}): any {
  return {
    apiVersion: V1,
    kind: 'TLSRoute',
    metadata: { name: 'db', namespace: 'store' },
    spec: {
      parentRefs: [{ name: 'passthrough', namespace: 'infra' }],
      hostnames: ['db.example.com'],
      rules: [{ backendRefs: [{ name: 'store-v1', port: 8080 }] }],
      ...spec,
    },
  };
}

export function referenceGrant(spec: any = {}): any {
  return {
    apiVersion: V1,
    kind: 'ReferenceGrant',
    metadata: { name: 'from-store', namespace: 'backends' },
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'store' }],
      to: [{ group: '', kind: 'Service' }],
      ...spec,
    },
  };
}

export function backendTlsPolicy(): any {
  return {
    apiVersion: V1,
    kind: 'BackendTLSPolicy',
    metadata: { name: 'store-tls', namespace: 'store' },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: 'store-v1' }],
      validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'store-ca' }], hostname: 'store-v1.store.svc' },
    },
  };
}

export function listenerSet(): any {
  return {
    apiVersion: V1,
    kind: 'ListenerSet',
    metadata: { name: 'team-a', namespace: 'infra' },
    spec: {
      parentRef: { name: 'shared' },
      listeners: [{ name: 'team-a', protocol: 'HTTP', port: 8080, hostname: 'a.example.com' }],
    },
  };
}

/** The whole valid set: no finding at all. */
export function validSet(): any[] {
  return [gatewayClass(), gateway(), secret(), service(), httpRoute(), grpcRoute(), tlsGateway(), tlsRoute(), backendTlsPolicy(), listenerSet()];
}

/** A Gateway with a TCP and a UDP listener (no hostnames at layer 4). */
export function l4Gateway(): any {
  return {
    apiVersion: V1,
    kind: 'Gateway',
    metadata: { name: 'l4', namespace: 'infra' },
    spec: {
      gatewayClassName: 'example',
      listeners: [
        { name: 'postgres', protocol: 'TCP', port: 5432, allowedRoutes: { namespaces: { from: 'All' } } },
        { name: 'dns', protocol: 'UDP', port: 53, allowedRoutes: { namespaces: { from: 'All' } } },
      ],
    },
  };
}

/** A route of a layer-4 kind (TCPRoute or UDPRoute) on the `l4` Gateway's listener `sectionName`. */
export function l4Route(kind: 'TCPRoute' | 'UDPRoute', sectionName: string, backend: any = { name: 'store-v1', port: 8080 }): any {
  return {
    apiVersion: V1,
    kind,
    metadata: { name: `${kind.toLowerCase()}-${sectionName}`, namespace: 'store' },
    spec: { parentRefs: [{ name: 'l4', namespace: 'infra', sectionName }], rules: [{ backendRefs: [backend] }] },
  };
}

/** The valid set with a layer-4 Gateway, a TCPRoute and a UDPRoute: no finding at all. */
export function l4Set(): any[] {
  return [...validSet(), l4Gateway(), l4Route('TCPRoute', 'postgres'), l4Route('UDPRoute', 'dns')];
}
