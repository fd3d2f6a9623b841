// Setups after the Gateway API guides (multiple namespaces, HTTP redirects and rewrites, traffic
// splitting, TLS, gRPC), written here as YAML: the valid ones have no finding; each broken
// variant has the finding the API server or the controller would give.
import * as YAML from 'yaml';
import { ids, run } from './_run';

function docs(text: string): any[] {
  return YAML.parseAllDocuments(text).map((d) => d.toJS());
}

const MULTIPLE_NAMESPACES = `
apiVersion: v1
kind: Namespace
metadata: {name: infra-ns}
---
apiVersion: v1
kind: Namespace
metadata:
  name: site-ns
  labels: {shared-gateway-access: "true"}
---
apiVersion: v1
kind: Namespace
metadata: {name: other-ns}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shared-gateway, namespace: infra-ns}
spec:
  gatewayClassName: shared-gateway-class
  listeners:
  - name: https
    hostname: "*.example.com"
    protocol: HTTPS
    port: 443
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels: {shared-gateway-access: "true"}
    tls:
      certificateRefs:
      - name: example-com-cert
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces: {from: Same}
---
apiVersion: v1
kind: Secret
metadata: {name: example-com-cert, namespace: infra-ns}
type: kubernetes.io/tls
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: http-redirect, namespace: infra-ns}
spec:
  parentRefs:
  - name: shared-gateway
    sectionName: http
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        statusCode: 301
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: site, namespace: site-ns}
spec:
  parentRefs:
  - name: shared-gateway
    namespace: infra-ns
    sectionName: https
  hostnames: ["site.example.com"]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /legacy}
    filters:
    - type: URLRewrite
      urlRewrite:
        path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}
    backendRefs:
    - {name: site-v2, port: 8080}
  - backendRefs:
    - {name: site-v1, port: 8080, weight: 90}
    - {name: site-v2, port: 8080, weight: 10}
---
apiVersion: v1
kind: Service
metadata: {name: site-v1, namespace: site-ns}
spec:
  selector: {app: site-v1}
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: site-v2, namespace: site-ns}
spec:
  selector: {app: site-v2}
  ports: [{port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: users, namespace: site-ns}
spec:
  parentRefs:
  - {name: shared-gateway, namespace: infra-ns, sectionName: https}
  hostnames: ["grpc.example.com"]
  rules:
  - matches:
    - method: {service: com.example.UserService, method: Login}
      headers:
      - {name: x-version, value: "2"}
    backendRefs:
    - {name: site-v2, port: 8080}
`;

describe('the multiple-namespaces setup of the Gateway API guides', () => {
  test('as written, it has no finding, even with the set declared complete', () => {
    expect(run(docs(MULTIPLE_NAMESPACES), { complete: true })).toEqual([]);
  });

  test('a route of a namespace without the label is not admitted (GW104)', () => {
    const set = docs(MULTIPLE_NAMESPACES);
    set.find((o) => o.kind === 'HTTPRoute' && o.metadata.name === 'site').metadata.namespace = 'other-ns';
    expect(ids(run(set)).filter((s) => s.startsWith('GW104'))).toEqual(['GW104 spec.parentRefs[0]']);
  });

  test('ReplacePrefixMatch with an Exact match is rejected by the CRD (GW008)', () => {
    const set = docs(MULTIPLE_NAMESPACES);
    set.find((o) => o.metadata.name === 'site').spec.rules[0].matches[0].path.type = 'Exact';
    const found = run(set).filter((f) => f.ruleId === 'GW008');
    expect(found.map((f) => [f.field, f.message])).toEqual([
      ['spec.rules[0]', 'when using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'],
    ]);
  });

  test('a redirect and a rewrite in one rule are rejected (GW008)', () => {
    const set = docs(MULTIPLE_NAMESPACES);
    set.find((o) => o.metadata.name === 'site').spec.rules[0].filters.push({ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } });
    expect(run(set).filter((f) => f.ruleId === 'GW008').map((f) => f.message)).toContain(
      'may specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both');
  });

  test('weights above the limit, and a redirect status code the CRD does not allow (GW005, GW004)', () => {
    const set = docs(MULTIPLE_NAMESPACES);
    set.find((o) => o.metadata.name === 'site').spec.rules[1].backendRefs[0].weight = 1000001;
    set.find((o) => o.metadata.name === 'http-redirect').spec.rules[0].filters[0].requestRedirect.statusCode = 304;
    expect(ids(run(set))).toEqual(['GW004 spec.rules[0].filters[0].requestRedirect.statusCode', 'GW005 spec.rules[1].backendRefs[0].weight']);
  });

  test('the redirect route in the Gateway\'s namespace only, and the HTTP listener for its own namespace', () => {
    const set = docs(MULTIPLE_NAMESPACES);
    const redirect = set.find((o) => o.metadata.name === 'http-redirect');
    redirect.metadata.namespace = 'site-ns';
    redirect.spec.parentRefs[0].namespace = 'infra-ns';
    expect(ids(run(set))).toEqual(['GW104 spec.parentRefs[0]']);
  });
});
