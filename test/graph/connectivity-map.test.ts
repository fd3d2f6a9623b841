import { App, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { deployment, service, smallApp } from './_app';
import { ConnectivityMap, MapEdgeStatus, MapNodeKind, ManifestChecker } from '../../src';

const SMALL_MERMAID = `flowchart LR
  subgraph ns_shop["namespace shop"]
    ing_shop_shop[/"Ingress shop<br/>class nginx"/]
    svc_shop_api(["Service api<br/>ClusterIP"])
    svc_shop_docs(["Service docs<br/>ExternalName"])
    svc_shop_orders_db(["Service orders-db<br/>ClusterIP"])
    svc_shop_web(["Service web<br/>ClusterIP"])
    eps_shop_orders_db_ipv4["EndpointSlice orders-db-ipv4<br/>IPv4"]
    deploy_shop_api[["Deployment api<br/>app.kubernetes.io/name=api"]]
    deploy_shop_web[["Deployment web<br/>app.kubernetes.io/name=web"]]
    netpol_shop_api_from_ingress>"NetworkPolicy api-from-ingress<br/>Ingress"]
    netpol_shop_default_deny>"NetworkPolicy default-deny<br/>Ingress"]
  end
  namespace_ingress_nginx[/"namespace ingress-nginx"\\]
  addr_10_0_4_17(("10.0.4.17"))
  addr_10_0_4_18(("10.0.4.18"))
  host_docs_example_org(("docs.example.org"))
  ing_shop_shop -->|"shop.example.com/api → 80"| svc_shop_api
  ing_shop_shop -->|"shop.example.com/ → http"| svc_shop_web
  svc_shop_api -->|"http:80 → 9000<br/>✓ policy api-from-ingress"| deploy_shop_api
  svc_shop_docs -->|"CNAME"| host_docs_example_org
  svc_shop_orders_db -->|"mysql:3306"| eps_shop_orders_db_ipv4
  svc_shop_web -.->|"http:80 → http<br/>✗ denied by policy"| deploy_shop_web
  eps_shop_orders_db_ipv4 --> addr_10_0_4_17
  eps_shop_orders_db_ipv4 -->|"not ready"| addr_10_0_4_18
  netpol_shop_api_from_ingress -.->|"selects"| deploy_shop_api
  netpol_shop_default_deny -.->|"selects"| deploy_shop_api
  netpol_shop_default_deny -.->|"selects"| deploy_shop_web
  namespace_ingress_nginx -->|"allowed by policy api-from-ingress: 9000/TCP"| deploy_shop_api
  classDef policy fill:#f5f5f5,stroke:#757575
  class netpol_shop_api_from_ingress,netpol_shop_default_deny policy
  linkStyle 2,11 stroke:#2e7d32,stroke-width:2px
  linkStyle 5 stroke:#c62828,stroke-width:2px,stroke-dasharray:5 5
  linkStyle 8,9,10 stroke:#757575,stroke-dasharray:2 2
`;

const SMALL_DOT = `digraph connectivity {
  rankdir=LR;
  node [shape=box, fontname="Helvetica", fontsize=10];
  edge [fontname="Helvetica", fontsize=9];
  subgraph "cluster_ns_shop" {
    label="namespace shop";
    "ing_shop_shop" [label="Ingress shop\\nclass nginx", shape=parallelogram];
    "svc_shop_api" [label="Service api\\nClusterIP", shape=box, style=rounded];
    "svc_shop_docs" [label="Service docs\\nExternalName", shape=box, style=rounded];
    "svc_shop_orders_db" [label="Service orders-db\\nClusterIP", shape=box, style=rounded];
    "svc_shop_web" [label="Service web\\nClusterIP", shape=box, style=rounded];
    "eps_shop_orders_db_ipv4" [label="EndpointSlice orders-db-ipv4\\nIPv4", shape=tab];
    "deploy_shop_api" [label="Deployment api\\napp.kubernetes.io/name=api", shape=box3d];
    "deploy_shop_web" [label="Deployment web\\napp.kubernetes.io/name=web", shape=box3d];
    "netpol_shop_api_from_ingress" [label="NetworkPolicy api-from-ingress\\nIngress", shape=note, color="#757575"];
    "netpol_shop_default_deny" [label="NetworkPolicy default-deny\\nIngress", shape=note, color="#757575"];
  }
  "namespace_ingress_nginx" [label="namespace ingress-nginx", shape=folder];
  "addr_10_0_4_17" [label="10.0.4.17", shape=ellipse];
  "addr_10_0_4_18" [label="10.0.4.18", shape=ellipse];
  "host_docs_example_org" [label="docs.example.org", shape=ellipse];
  "ing_shop_shop" -> "svc_shop_api" [label="shop.example.com/api → 80"];
  "ing_shop_shop" -> "svc_shop_web" [label="shop.example.com/ → http"];
  "svc_shop_api" -> "deploy_shop_api" [label="http:80 → 9000\\n✓ policy api-from-ingress", color="#2e7d32", fontcolor="#2e7d32", penwidth=2];
  "svc_shop_docs" -> "host_docs_example_org" [label="CNAME"];
  "svc_shop_orders_db" -> "eps_shop_orders_db_ipv4" [label="mysql:3306"];
  "svc_shop_web" -> "deploy_shop_web" [label="http:80 → http\\n✗ denied by policy", color="#c62828", fontcolor="#c62828", style=dashed, penwidth=2];
  "eps_shop_orders_db_ipv4" -> "addr_10_0_4_17";
  "eps_shop_orders_db_ipv4" -> "addr_10_0_4_18" [label="not ready"];
  "netpol_shop_api_from_ingress" -> "deploy_shop_api" [label="selects", color="#757575", fontcolor="#757575", style=dotted];
  "netpol_shop_default_deny" -> "deploy_shop_api" [label="selects", color="#757575", fontcolor="#757575", style=dotted];
  "netpol_shop_default_deny" -> "deploy_shop_web" [label="selects", color="#757575", fontcolor="#757575", style=dotted];
  "namespace_ingress_nginx" -> "deploy_shop_api" [label="allowed by policy api-from-ingress: 9000/TCP", color="#2e7d32", fontcolor="#2e7d32", penwidth=2];
}
`;

describe('the map of a small app', () => {
  test('as Mermaid: Ingress -> Service -> Deployment, slices to addresses, ExternalName to its host, policies', () => {
    // WHEN
    const map = ConnectivityMap.fromManifests(smallApp());
    // THEN
    expect(map.toMermaid()).toBe(SMALL_MERMAID);
  });

  test('as DOT', () => {
    expect(ConnectivityMap.fromManifests(smallApp()).toDot()).toBe(SMALL_DOT);
  });

  test('nodes and edges say what is marked, and why', () => {
    const map = ConnectivityMap.fromManifests(smallApp());
    expect(map.edges.filter((e) => e.status !== MapEdgeStatus.NORMAL)).toEqual([
      { from: 'svc_shop_api', to: 'deploy_shop_api', label: 'http:80 → 9000', status: MapEdgeStatus.ALLOWED, note: '✓ policy api-from-ingress', manifestIndex: 3 },
      { from: 'svc_shop_web', to: 'deploy_shop_web', label: 'http:80 → http', status: MapEdgeStatus.DENIED, note: '✗ denied by policy', manifestIndex: 1 },
      // drawn from the rule of the policy alone: the controller's namespace may reach api
      { from: 'namespace_ingress_nginx', to: 'deploy_shop_api', label: '', status: MapEdgeStatus.ALLOWED, note: 'allowed by policy api-from-ingress: 9000/TCP', manifestIndex: 6 },
    ]);
    expect(map.nodes.find((n) => n.id === 'addr_10_0_4_17')).toEqual({
      id: 'addr_10_0_4_17', kind: MapNodeKind.ADDRESS, name: '10.0.4.17', namespace: undefined, label: '10.0.4.17', manifestIndex: undefined, findings: [],
    });
  });

  test('is the same whatever the order of the manifests (property)', () => {
    const manifests = smallApp();
    const mermaid = ConnectivityMap.fromManifests(manifests).toMermaid();
    const dot = ConnectivityMap.fromManifests(manifests).toDot();
    fc.assert(fc.property(fc.shuffledSubarray(manifests, { minLength: manifests.length }), (shuffled) => {
      const map = ConnectivityMap.fromManifests(shuffled);
      expect(map.toMermaid()).toBe(mermaid);
      expect(map.toDot()).toBe(dot);
    }), { numRuns: 50 });
  });
});

describe('findings', () => {
  test('mark the edge they concern; a backend to a missing Service ends at a missing node', () => {
    // GIVEN an Ingress to a Service that is not there, and to a port the Service does not have
    const manifests = [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'shop', namespace: 'shop' },
        spec: {
          rules: [{
            host: 'shop.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } },
                { path: '/cart', pathType: 'Prefix', backend: { service: { name: 'cart', port: { number: 80 } } } },
              ],
            },
          }],
        },
      },
      service('web', { app: 'web' }, [{ name: 'http', port: 80, targetPort: 8080 }]),
      deployment('web', { app: 'web' }, [{ containerPort: 8080 }]),
    ];
    const findings = ManifestChecker.check(manifests, { namespace: 'shop' });
    // WHEN
    const map = ConnectivityMap.fromManifests(manifests, { findings });
    // THEN
    const marked = map.edges.filter((e) => e.status === MapEdgeStatus.FINDING);
    expect(marked.map((e) => [e.from, e.to, e.label])).toEqual([
      ['ing_shop_shop', 'svc_shop_web', 'shop.example.com/ → 8080'],
      ['ing_shop_shop', 'missing_shop_Service_cart', 'shop.example.com/cart → 80'],
    ]);
    expect(marked[0].note).toMatch(/^✗ XREF009: is not a port of Service 'web'/);
    expect(marked[1].note).toMatch(/^✗ XREF008: names Service 'cart'/);
    const mermaid = map.toMermaid();
    expect(mermaid).toContain('missing_shop_Service_cart{{"missing Service cart"}}');
    expect(mermaid).toContain('ing_shop_shop ==>|"shop.example.com/cart → 80<br/>✗ XREF008: ');
    expect(mermaid).toContain('  linkStyle 0,1 stroke:#c62828,stroke-width:3px\n');
    expect(mermaid).toContain('  class missing_shop_Service_cart missing\n');
    expect(map.toDot()).toMatch(/"ing_shop_shop" -> "missing_shop_Service_cart" \[label="shop.example.com\/cart → 80\\n✗ XREF008: [^"]*", color="#c62828", fontcolor="#c62828", penwidth=3\];/);
  });

  test('a finding that concerns no edge marks the node of its object; acknowledged findings mark nothing', () => {
    const manifests = [service('api', { app: 'api' }, [{ name: 'http', port: 80 }], 'default', { type: 'NodePort' }), deployment('api', { app: 'api' }, [], 'default')];
    const finding = { ruleId: 'SVC999', severity: 'warning', manifestIndex: 0, field: 'spec.type', message: 'a NodePort', docsUrl: 'https://example.com' } as any;
    const map = ConnectivityMap.fromManifests(manifests, { findings: [finding, { ...finding, ruleId: 'SVC998', acknowledged: true }] });
    expect(map.nodes.find((n) => n.id === 'svc_default_api')).toMatchObject({ label: 'Service api\nNodePort\n⚠ SVC999', findings: ['SVC999'] });
    expect(map.toMermaid()).toContain('  classDef finding stroke:#c62828,stroke-width:3px\n  class svc_default_api finding\n');
    expect(map.toDot()).toContain('"svc_default_api" [label="Service api\\nNodePort\\n⚠ SVC999", shape=box, style=rounded, color="#c62828", penwidth=3];');
  });

  test('a selector that matches no pod ends at a missing node', () => {
    const map = ConnectivityMap.fromManifests([service('api', { app: 'api' }, [{ port: 80 }], 'default')]);
    expect(map.edges).toEqual([{ from: 'svc_default_api', to: 'missing_default_pods_app_api', label: '', status: MapEdgeStatus.NORMAL, note: undefined, manifestIndex: 0 }]);
    expect(map.toMermaid()).toContain('missing_default_pods_app_api{{"no pod matches app=api"}}');
  });
});

describe('Gateway API', () => {
  const gateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'edge', namespace: 'infra' },
    spec: { gatewayClassName: 'eg', listeners: [{ name: 'https', protocol: 'HTTPS', port: 443, hostname: '*.example.com' }] },
  };
  const route = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'shop', namespace: 'shop' },
    spec: {
      parentRefs: [{ name: 'edge', namespace: 'infra', sectionName: 'https' }, { name: 'gone' }],
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 80, weight: 90 }, { name: 'api-canary', port: 80, weight: 10 }] },
        { backendRefs: [{ name: 'web', port: 8080 }] },
        { backendRefs: [{ group: 'example.com', kind: 'Bucket', name: 'b' }] },
      ],
    },
  };
  const grpc = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name: 'rpc', namespace: 'shop' },
    spec: { parentRefs: [{ name: 'edge', namespace: 'infra', port: 443 }], rules: [{ matches: [{ method: { service: 'shop.Cart', method: 'Add' } }], backendRefs: [{ name: 'cart', port: 9090 }] }] },
  };

  test('Gateway -> route (parentRef, sectionName) -> Service (backendRef port, weight)', () => {
    const map = ConnectivityMap.fromManifests([gateway, route, grpc,
      service('api', { app: 'api' }, [{ port: 80 }]), service('api-canary', { app: 'api' }, [{ port: 80 }]), service('web', undefined, [{ port: 8080 }]),
      service('cart', undefined, [{ port: 9090 }])]);
    expect(map.edges.filter((e) => !e.to.startsWith('deploy') && !e.to.startsWith('missing_shop_pods')).map((e) => `${e.from} -> ${e.to}: ${e.label}`)).toEqual([
      'gw_infra_edge -> httproute_shop_shop: https',
      'gw_infra_edge -> grpcroute_shop_rpc: port 443',
      'httproute_shop_shop -> svc_shop_api: /api → 80 (weight 90)',
      'httproute_shop_shop -> svc_shop_api_canary: /api → 80 (weight 10)',
      'httproute_shop_shop -> svc_shop_web: / → 8080',
      'grpcroute_shop_rpc -> svc_shop_cart: shop.Cart/Add → 9090',
      'missing_shop_Gateway_gone -> httproute_shop_shop: ',
    ]);
    expect(map.nodes.find((n) => n.id === 'gw_infra_edge')?.label).toBe('Gateway edge\nclass eg\nhttps HTTPS:443 *.example.com');
    expect(map.nodes.find((n) => n.id === 'httproute_shop_shop')?.label).toBe('HTTPRoute shop\nshop.example.com');
  });
});

describe('Service kinds', () => {
  test('headless, NodePort, LoadBalancer and legacy Endpoints', () => {
    const map = ConnectivityMap.fromManifests([
      service('peers', undefined, [{ port: 5432 }], 'db', { clusterIP: 'None' }),
      service('edge', undefined, [{ port: 80, nodePort: 30080 }], 'db', { type: 'NodePort' }),
      service('lb', undefined, [{ port: 80 }], 'db', { type: 'LoadBalancer' }),
      { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'peers', namespace: 'db' }, subsets: [{ addresses: [{ ip: '10.1.0.1' }], notReadyAddresses: [{ ip: '10.1.0.2' }], ports: [{ name: 'pg', port: 5432 }] }] },
      { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'orphan', namespace: 'db' }, subsets: [] },
    ]);
    expect(map.nodes.filter((n) => n.kind === MapNodeKind.SERVICE).map((n) => n.label)).toEqual(['Service edge\nNodePort 30080', 'Service lb\nLoadBalancer', 'Service peers\nheadless']);
    expect(map.edges.map((e) => `${e.from} -> ${e.to}: ${e.label}`)).toEqual([
      'svc_db_peers -> ep_db_peers: pg:5432',
      'ep_db_peers -> addr_10_1_0_1: ',
      'ep_db_peers -> addr_10_1_0_2: not ready',
      'missing_db_Service_orphan -> ep_db_orphan: ',
    ]);
  });
});

describe('what else is drawn, and what is not', () => {
  test('the default backend, resource backends left out, a Service without ports, UDP ports, a parent that is no Gateway', () => {
    const map = ConnectivityMap.fromManifests([
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i', annotations: { 'kubernetes.io/ingress.class': 'traefik' } },
        spec: {
          defaultBackend: { service: { name: 'dns', port: { number: 53 } } },
          rules: [{ http: { paths: [{ path: '/static', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'b' } } }] } }],
        },
      },
      service('dns', { app: 'dns' }, [{ port: 53, protocol: 'UDP', targetPort: 5353 }], 'default'),
      service('headless', { app: 'dns' }, [], 'default', { clusterIP: 'None' }),
      deployment('dns', { app: 'dns' }, [{ containerPort: 5353, protocol: 'UDP' }], 'default'),
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'mesh' },
        spec: { parentRefs: [{ group: '', kind: 'Service', name: 'dns' }], rules: [{ matches: [{ path: { type: 'Exact', value: '/x' } }, { path: { type: 'RegularExpression', value: '/y.*' } }], backendRefs: [{ name: 'dns', port: 53 }] }] },
      },
    ]);
    expect(map.nodes.find((n) => n.kind === MapNodeKind.INGRESS)?.label).toBe('Ingress i\nclass traefik');
    expect(map.edges.map((e) => `${e.from} -> ${e.to}: ${e.label}`)).toEqual([
      'ing_default_i -> svc_default_dns: default → 53',
      'httproute_default_mesh -> svc_default_dns: =/x | ~/y.* → 53',
      'svc_default_dns -> deploy_default_dns: 53 → 5353/UDP',
      'svc_default_headless -> deploy_default_dns: ',
    ]);
  });

  test('a named target port is admitted by a policy on the port number it resolves to', () => {
    const map = ConnectivityMap.fromManifests([
      service('web', { app: 'web' }, [{ port: 80, targetPort: 'http' }], 'default'),
      deployment('web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }], 'default'),
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web' }, spec: { podSelector: {}, ingress: [{ ports: [{ port: 8080 }] }] } },
    ]);
    expect(map.edges.find((e) => e.from === 'svc_default_web')).toMatchObject({ status: MapEdgeStatus.ALLOWED, note: '✓ policy web' });
  });
});

describe('ids and escaping', () => {
  test('ids are letters, digits and underscores, and unique', () => {
    const map = ConnectivityMap.fromManifests([service('a-b', undefined, [], 'x'), service('a.b', undefined, [], 'x'), service('a-b', undefined, [], 'x_')]);
    expect(map.nodes.map((n) => n.id)).toEqual(['svc_x_a_b', 'svc_x_a_b_2', 'svc_x__a_b']);
    expect(map.toMermaid()).toContain('  subgraph ns_x_["namespace x_"]\n');
  });

  test('labels from the manifests are escaped for Mermaid and for DOT', () => {
    // GIVEN a path and a host with the characters that end or change a label
    const nasty = '/a"b|c<d>#e&f`g\\h\nnext';
    const manifests = [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i' },
        spec: { rules: [{ http: { paths: [{ path: nasty, pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
      },
      service('web', undefined, [{ port: 80 }], 'default', { type: 'ExternalName', externalName: 'x"y\\z' }),
    ];
    const map = ConnectivityMap.fromManifests(manifests);
    // THEN
    expect(map.toMermaid()).toContain('ing_default_i -->|"*/a#quot;b#124;c#lt;d#gt;#35;e#38;f#96;g\\h next → 80"| svc_default_web\n');
    expect(map.toMermaid()).toContain('host_x_y_z(("x#quot;y\\z"))');
    expect(map.toDot()).toContain('"ing_default_i" -> "svc_default_web" [label="*/a\\"b|c<d>#e&f`g\\\\h next → 80"];');
    expect(map.toDot()).toContain('"host_x_y_z" [label="x\\"y\\\\z", shape=ellipse];');
  });

  test('anything that is not an object, and kinds the map does not draw, are left out', () => {
    const map = ConnectivityMap.fromManifests([null, 'x', 3, [], { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' } }, { kind: 'Service' }]);
    expect(map.toMermaid()).toBe('flowchart LR\n');
    expect(map.toDot()).toBe('digraph connectivity {\n  rankdir=LR;\n  node [shape=box, fontname="Helvetica", fontsize=10];\n  edge [fontname="Helvetica", fontsize=9];\n}\n');
  });
});

describe('from cdk8s', () => {
  function shop(chart: Chart): void {
    const labels = { 'app.kubernetes.io/name': 'web' };
    new k8s.KubeDeployment(chart, 'Web', {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'web:1', ports: [{ name: 'http', containerPort: 8080 }] }] } },
      },
    });
    new k8s.KubeService(chart, 'WebService', {
      metadata: { name: 'web' },
      spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http') }] },
    });
    new k8s.KubeIngress(chart, 'Ingress', {
      metadata: { name: 'shop' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    });
    new k8s.KubeService(chart, 'Db', { metadata: { name: 'db' }, spec: { ports: [{ name: 'mysql', port: 3306 }] } });
    new k8s.KubeEndpointSlice(chart, 'DbSlice', {
      metadata: { name: 'db-1', labels: { 'kubernetes.io/service-name': 'db' } },
      addressType: 'IPv4',
      ports: [{ name: 'mysql', port: 3306 }],
      endpoints: [{ addresses: ['10.0.4.17'] }],
    });
  }

  test('fromChart draws the ApiObjects of a chart, in its namespace', () => {
    // GIVEN
    const chart = Testing.chart();
    const inShop = new Chart(Testing.app(), 'Shop', { namespace: 'shop' });
    shop(chart);
    shop(inShop);
    // WHEN
    const map = ConnectivityMap.fromChart(chart);
    // THEN
    expect(map.edges.map((e) => `${e.from} -> ${e.to}: ${e.label}`)).toEqual([
      'ing_default_shop -> svc_default_web: shop.example.com/ → 80',
      'svc_default_db -> eps_default_db_1: mysql:3306',
      'svc_default_web -> deploy_default_web: http:80 → http',
      'eps_default_db_1 -> addr_10_0_4_17: ',
    ]);
    expect(ConnectivityMap.fromChart(inShop).toMermaid()).toBe(ConnectivityMap.fromChart(chart).toMermaid().replace(/default/g, 'shop'));
  });

  test('fromApp draws every chart; findings of the checker over manifestsOf mark it', () => {
    const app = new App();
    const a = new Chart(app, 'A', { namespace: 'a' });
    const b = new Chart(app, 'B', { namespace: 'b' });
    shop(a);
    new k8s.KubeIngress(b, 'Broken', {
      metadata: { name: 'broken' },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'nowhere', port: { number: 80 } } } }] } }] },
    });
    const findings = ManifestChecker.check(ConnectivityMap.manifestsOf(app));
    const map = ConnectivityMap.fromApp(app, { findings });
    expect(map.nodes.map((n) => n.namespace).filter((ns, i, all) => ns && all.indexOf(ns) === i)).toEqual(['a', 'b']);
    expect(map.edges.find((e) => e.to === 'missing_b_Service_nowhere')).toMatchObject({ from: 'ing_b_broken', status: MapEdgeStatus.FINDING });
  });
});

test('long ids are cut, and end with a hash of the whole', () => {
  const map = ConnectivityMap.fromManifests([
    service('a'.repeat(60), undefined, [], 'x'),
    service(`${'a'.repeat(59)}b`, undefined, [], 'x'),
  ]);
  const ids = map.nodes.map((n) => n.id);
  expect(ids.map((id) => id.length)).toEqual([48, 48]);
  expect(ids[0].slice(0, 39)).toBe(ids[1].slice(0, 39));
  expect(ids[0]).not.toBe(ids[1]);
  expect(ids[0]).toMatch(/^svc_x_a+_[0-9a-f]{8}$/);
});

describe('edges that exist only as rules of NetworkPolicies', () => {
  const policy = (name: string, podSelector: any, spec: any) => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec: { podSelector, ...spec },
  });
  const slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'db-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.0.4.17'] }, { addresses: ['10.0.5.1'] }],
  };
  const drawn = (map: ConnectivityMap) => map.edges.filter((e) => !e.from.startsWith('netpol_') && !e.from.startsWith('eps_') && !e.from.startsWith('svc_') && !e.from.startsWith('missing_'))
    .map((e) => `${e.from} -> ${e.to} ${e.status}: ${e.note}`);

  test('a client allowed into an app: client workload -> app workload, one edge for the ingress and the egress rule', () => {
    const manifests = [
      deployment('client', { app: 'client' }, []),
      deployment('app', { app: 'app' }, [{ name: 'http', containerPort: 8080 }]),
      policy('app', { matchLabels: { app: 'app' } }, { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 8080 }] }] }),
      policy('client', { matchLabels: { app: 'client' } }, {
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'app' } } }], ports: [{ port: 'http' }, { port: 9000, endPort: 9010, protocol: 'UDP' }] }],
      }),
    ];
    const map = ConnectivityMap.fromManifests(manifests);
    expect(drawn(map)).toEqual([
      'deploy_shop_client -> deploy_shop_app allowed: allowed by policy app: 8080/TCP\nallowed by policy client: http/TCP, 9000-9010/UDP',
    ]);
    expect(map.toMermaid()).toContain('deploy_shop_client -->|"allowed by policy app: 8080/TCP<br/>allowed by policy client: http/TCP, 9000-9010/UDP"| deploy_shop_app');
    // the same text whatever the order of the manifests
    expect(ConnectivityMap.fromManifests([...manifests].reverse()).toMermaid()).toBe(map.toMermaid());
  });

  test('egress to an ipBlock: to the addresses of the map in the block, else to a node of the range', () => {
    const manifests = [
      deployment('app', { app: 'app' }, []),
      slice,
      policy('app', { matchLabels: { app: 'app' } }, {
        policyTypes: ['Egress'],
        egress: [
          { to: [{ ipBlock: { cidr: '10.0.4.0/24' } }], ports: [{ port: 5432 }] },
          { to: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } }] },
          { to: [{ ipBlock: { cidr: '172.16.0.9/32' } }], ports: [{ port: 443 }] },
        ],
      }),
    ];
    const map = ConnectivityMap.fromManifests(manifests);
    expect(drawn(map)).toEqual([
      'deploy_shop_app -> addr_10_0_4_17 allowed: allowed by policy app: 5432/TCP',
      'deploy_shop_app -> addr_172_16_0_9 allowed: allowed by policy app: 443/TCP',
      'deploy_shop_app -> addr_192_168_0_0_16_except_192_168_1_0_24 allowed: allowed by policy app: every port',
    ]);
    expect(map.nodes.filter((n) => n.kind === MapNodeKind.ADDRESS).map((n) => n.label)).toEqual(
      ['10.0.4.17', '10.0.5.1', '172.16.0.9', '192.168.0.0/16 except 192.168.1.0/24']);
    // the address outside the block is reached from the slice only
    expect(map.edges.filter((e) => e.to === 'addr_10_0_5_1').map((e) => e.from)).toEqual(['eps_shop_db_1']);
  });

  test('namespace peers: a namespace node, pods outside the manifests in their namespace, labels escaped', () => {
    const manifests = [
      deployment('app', { app: 'app' }, []),
      policy('app', { matchLabels: { app: 'app' } }, {
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 8080 }] },
          { from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['b|c', 'a'] }] } }] },
        ],
        egress: [{
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ port: 53, protocol: 'UDP' }],
        }],
      }),
    ];
    const map = ConnectivityMap.fromManifests(manifests);
    expect(drawn(map)).toEqual([
      'deploy_shop_app -> pods_kube_system_k8s_app_kube_dns allowed: allowed by policy app: 53/UDP',
      'namespace_ingress_nginx -> deploy_shop_app allowed: allowed by policy app: 8080/TCP',
      'namespace_team_In__a__b_c_ -> deploy_shop_app allowed: allowed by policy app: every port',
    ]);
    const mermaid = map.toMermaid();
    expect(mermaid).toContain('  subgraph ns_kube_system["namespace kube-system"]\n    pods_kube_system_k8s_app_kube_dns[["pods k8s-app=kube-dns"]]\n  end');
    expect(mermaid).toContain('namespace_team_In__a__b_c_[/"namespaces team In (a, b#124;c)"\\]');
    expect(mermaid).not.toContain('classDef missing');
    expect(map.toDot()).toContain('"namespace_ingress_nginx" [label="namespace ingress-nginx", shape=folder];');
  });
});
