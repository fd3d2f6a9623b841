import * as fs from 'fs';
import * as path from 'path';
import {
  FIELD_SINCE, SCHEMA_ROOTS, SCHEMA_TYPES, SCHEMA_VERSIONS, SCHEMA_VERSION_NAMES,
} from '../../src/validation/rules/_schema';

/**
 * `SCHEMA_TYPES` as it was generated before the schema knew versions (from the structural schema
 * of Kubernetes 1.28 in k8s.io/client-go v0.28.15): the 1.28 data derived from the OpenAPI must be
 * the same, field order included (the unknown-field hint lists the fields in this order).
 */
const TYPES_BEFORE: Record<string, Record<string, string>> = {
  'core.ClientIPConfig': { timeoutSeconds: 'n' },
  'core.EndpointAddress': { hostname: 's', ip: 's', nodeName: 's', targetRef: 'core.ObjectReference' },
  'core.EndpointPort': { appProtocol: 's', name: 's', port: 'n', protocol: 's' },
  'core.Endpoints': { apiVersion: 's', kind: 's', metadata: 'meta.ObjectMeta', subsets: '[core.EndpointSubset' },
  'core.EndpointSubset': { addresses: '[core.EndpointAddress', notReadyAddresses: '[core.EndpointAddress', ports: '[core.EndpointPort' },
  'core.LoadBalancerIngress': { hostname: 's', ip: 's', ports: '[core.PortStatus' },
  'core.LoadBalancerStatus': { ingress: '[core.LoadBalancerIngress' },
  'core.ObjectReference': { apiVersion: 's', fieldPath: 's', kind: 's', name: 's', namespace: 's', resourceVersion: 's', uid: 's' },
  'core.PortStatus': { error: 's', port: 'n', protocol: 's' },
  'core.Service': { apiVersion: 's', kind: 's', metadata: 'meta.ObjectMeta', spec: 'core.ServiceSpec', status: 'core.ServiceStatus' },
  'core.ServicePort': { appProtocol: 's', name: 's', nodePort: 'n', port: 'n', protocol: 's', targetPort: 'u' },
  'core.ServiceSpec': { allocateLoadBalancerNodePorts: 'b', clusterIP: 's', clusterIPs: '[s', externalIPs: '[s', externalName: 's', externalTrafficPolicy: 's', healthCheckNodePort: 'n', internalTrafficPolicy: 's', ipFamilies: '[s', ipFamilyPolicy: 's', loadBalancerClass: 's', loadBalancerIP: 's', loadBalancerSourceRanges: '[s', ports: '[core.ServicePort', publishNotReadyAddresses: 'b', selector: '{s', sessionAffinity: 's', sessionAffinityConfig: 'core.SessionAffinityConfig', type: 's' },
  'core.ServiceStatus': { conditions: '[meta.Condition', loadBalancer: 'core.LoadBalancerStatus' },
  'core.SessionAffinityConfig': { clientIP: 'core.ClientIPConfig' },
  'core.TypedLocalObjectReference': { apiGroup: 's', kind: 's', name: 's' },
  'discovery.Endpoint': { addresses: '[s', conditions: 'discovery.EndpointConditions', deprecatedTopology: '{s', hints: 'discovery.EndpointHints', hostname: 's', nodeName: 's', targetRef: 'core.ObjectReference', zone: 's' },
  'discovery.EndpointConditions': { ready: 'b', serving: 'b', terminating: 'b' },
  'discovery.EndpointHints': { forZones: '[discovery.ForZone' },
  'discovery.EndpointPort': { appProtocol: 's', name: 's', port: 'n', protocol: 's' },
  'discovery.EndpointSlice': { addressType: 's', apiVersion: 's', endpoints: '[discovery.Endpoint', kind: 's', metadata: 'meta.ObjectMeta', ports: '[discovery.EndpointPort' },
  'discovery.ForZone': { name: 's' },
  'networking.HTTPIngressPath': { backend: 'networking.IngressBackend', path: 's', pathType: 's' },
  'networking.HTTPIngressRuleValue': { paths: '[networking.HTTPIngressPath' },
  'networking.Ingress': { apiVersion: 's', kind: 's', metadata: 'meta.ObjectMeta', spec: 'networking.IngressSpec', status: 'networking.IngressStatus' },
  'networking.IngressBackend': { resource: 'core.TypedLocalObjectReference', service: 'networking.IngressServiceBackend' },
  'networking.IngressClass': { apiVersion: 's', kind: 's', metadata: 'meta.ObjectMeta', spec: 'networking.IngressClassSpec' },
  'networking.IngressClassParametersReference': { apiGroup: 's', kind: 's', name: 's', namespace: 's', scope: 's' },
  'networking.IngressClassSpec': { controller: 's', parameters: 'networking.IngressClassParametersReference' },
  'networking.IngressLoadBalancerIngress': { hostname: 's', ip: 's', ports: '[networking.IngressPortStatus' },
  'networking.IngressLoadBalancerStatus': { ingress: '[networking.IngressLoadBalancerIngress' },
  'networking.IngressPortStatus': { error: 's', port: 'n', protocol: 's' },
  'networking.IngressRule': { host: 's', http: 'networking.HTTPIngressRuleValue' },
  'networking.IngressServiceBackend': { name: 's', port: 'networking.ServiceBackendPort' },
  'networking.IngressSpec': { defaultBackend: 'networking.IngressBackend', ingressClassName: 's', rules: '[networking.IngressRule', tls: '[networking.IngressTLS' },
  'networking.IngressStatus': { loadBalancer: 'networking.IngressLoadBalancerStatus' },
  'networking.IngressTLS': { hosts: '[s', secretName: 's' },
  'networking.ServiceBackendPort': { name: 's', number: 'n' },
  'meta.Condition': { lastTransitionTime: 'u', message: 's', observedGeneration: 'n', reason: 's', status: 's', type: 's' },
  'meta.ManagedFieldsEntry': { apiVersion: 's', fieldsType: 's', fieldsV1: '*', manager: 's', operation: 's', subresource: 's', time: 'u' },
  'meta.ObjectMeta': { annotations: '{s', creationTimestamp: 'u', deletionGracePeriodSeconds: 'n', deletionTimestamp: 'u', finalizers: '[s', generateName: 's', generation: 'n', labels: '{s', managedFields: '[meta.ManagedFieldsEntry', name: 's', namespace: 's', ownerReferences: '[meta.OwnerReference', resourceVersion: 's', selfLink: 's', uid: 's' },
  'meta.OwnerReference': { apiVersion: 's', blockOwnerDeletion: 'b', controller: 'b', kind: 's', name: 's', uid: 's' },
};

/** `SCHEMA_ROOTS` as it was before. */
const ROOTS_BEFORE: Record<string, string> = { 'v1/Service': 'core.Service', 'v1/Endpoints': 'core.Endpoints', 'discovery.k8s.io/v1/EndpointSlice': 'discovery.EndpointSlice', 'networking.k8s.io/v1/Ingress': 'networking.Ingress', 'networking.k8s.io/v1/IngressClass': 'networking.IngressClass' };

/** The five kinds the checker serves, and the one kept for later. */
const CHECKED = Object.keys(ROOTS_BEFORE);
const EXTRA = ['networking.k8s.io/v1/NetworkPolicy'];

const minor = (version: string): number => Number(version.split('.')[1]);

/** The type a code refers to, or undefined for a scalar. */
function target(code: string): string | undefined {
  const name = code.replace(/^[[{]+/, '');
  return name.length > 1 ? name : undefined;
}

/** The types reachable from `roots` in `types`, each with the fields that reach it. */
function reach(types: Record<string, Record<string, string>>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const code of Object.values(types[name] ?? {})) {
      const t = target(code);
      if (t !== undefined) queue.push(t);
    }
  }
  return seen;
}

function fieldOf(version: string, key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  return SCHEMA_VERSIONS[version].types[key.slice(0, dot)]?.[key.slice(dot + 1)];
}

describe('schema versions', () => {
  test('knows 1.28 to 1.34, oldest first', () => {
    expect(SCHEMA_VERSION_NAMES).toEqual(['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34']);
    expect(Object.keys(SCHEMA_VERSIONS)).toEqual([...SCHEMA_VERSION_NAMES]);
  });

  test('SCHEMA_TYPES and SCHEMA_ROOTS are the 1.28 data of before, field order included', () => {
    expect(SCHEMA_TYPES).toEqual(TYPES_BEFORE);
    expect(SCHEMA_ROOTS).toEqual(ROOTS_BEFORE);
    expect(Object.keys(SCHEMA_ROOTS)).toEqual(Object.keys(ROOTS_BEFORE));
    for (const name of Object.keys(TYPES_BEFORE)) {
      expect(Object.keys(SCHEMA_TYPES[name])).toEqual(Object.keys(TYPES_BEFORE[name]));
    }
  });

  test('1.28 of SCHEMA_VERSIONS is the data of before, plus the extra roots only', () => {
    const v = SCHEMA_VERSIONS['1.28'];
    for (const gvk of CHECKED) expect(v.roots[gvk]).toBe(ROOTS_BEFORE[gvk]);
    expect(Object.keys(v.roots).sort()).toEqual([...CHECKED, ...EXTRA].sort());
    const checked = reach(v.types, CHECKED.map((gvk) => v.roots[gvk]));
    expect([...checked].sort()).toEqual(Object.keys(TYPES_BEFORE).sort());
    for (const name of checked) {
      expect(v.types[name]).toBe(SCHEMA_TYPES[name]); // the same table, not a copy
    }
    // Every other 1.28 type is there for the extra roots alone.
    const extra = reach(v.types, EXTRA.map((gvk) => v.roots[gvk]));
    for (const name of Object.keys(v.types)) {
      expect(checked.has(name) || extra.has(name)).toBe(true);
    }
  });

  test('every version has the five roots and NetworkPolicy, and every type it refers to', () => {
    for (const version of SCHEMA_VERSION_NAMES) {
      const v = SCHEMA_VERSIONS[version];
      expect(Object.keys(v.roots).sort()).toEqual([...CHECKED, ...EXTRA].sort());
      expect(v.roots['v1/Service']).toBe('core.Service');
      expect(v.roots['v1/Endpoints']).toBe('core.Endpoints');
      expect(v.roots['discovery.k8s.io/v1/EndpointSlice']).toBe('discovery.EndpointSlice');
      expect(v.roots['networking.k8s.io/v1/Ingress']).toBe('networking.Ingress');
      expect(v.roots['networking.k8s.io/v1/IngressClass']).toBe('networking.IngressClass');
      expect(v.roots['networking.k8s.io/v1/NetworkPolicy']).toBe('networking.NetworkPolicy');
      for (const [name, table] of Object.entries(v.types)) {
        for (const [field, code] of Object.entries(table)) {
          expect(code).toMatch(/^[[{]*([snbu*]|[a-z]+\.[A-Za-z]+)$/);
          const t = target(code);
          if (t !== undefined && v.types[t] === undefined) {
            throw new Error(`${version}: ${name}.${field} refers to the unknown type ${t}`);
          }
        }
      }
      // No type that no root reaches.
      expect(reach(v.types, Object.values(v.roots)).size).toBe(Object.keys(v.types).length);
    }
  });

  test('spec.trafficDistribution: absent from 1.28 and 1.29, listed from 1.30, GA in 1.33', () => {
    expect(SCHEMA_VERSIONS['1.28'].types['core.ServiceSpec'].trafficDistribution).toBeUndefined();
    expect(SCHEMA_VERSIONS['1.29'].types['core.ServiceSpec'].trafficDistribution).toBeUndefined();
    expect(SCHEMA_TYPES['core.ServiceSpec'].trafficDistribution).toBeUndefined();
    for (const version of ['1.30', '1.31', '1.32', '1.33', '1.34']) {
      expect(SCHEMA_VERSIONS[version].types['core.ServiceSpec'].trafficDistribution).toBe('s');
    }
    expect(FIELD_SINCE['core.ServiceSpec.trafficDistribution']).toEqual({
      listed: '1.30', beta: '1.31', ga: '1.33', gate: 'ServiceTrafficDistribution',
    });
  });

  test('the other fields newer than 1.28: ipMode (GA 1.32), hints.forNodes (beta in 1.34)', () => {
    expect(Object.keys(FIELD_SINCE).sort()).toEqual([
      'core.LoadBalancerIngress.ipMode',
      'core.ServiceSpec.trafficDistribution',
      'discovery.EndpointHints.forNodes',
    ]);
    expect(FIELD_SINCE['core.LoadBalancerIngress.ipMode']).toEqual({ listed: '1.29', beta: '1.30', ga: '1.32', gate: 'LoadBalancerIPMode' });
    expect(FIELD_SINCE['discovery.EndpointHints.forNodes']).toEqual({ listed: '1.33', beta: '1.34', ga: '1.35', gate: 'PreferSameTrafficDistribution' });
    expect(SCHEMA_VERSIONS['1.33'].types['discovery.EndpointHints'].forNodes).toBe('[discovery.ForNode');
    expect(SCHEMA_VERSIONS['1.33'].types['discovery.ForNode']).toEqual({ name: 's' });
    expect(SCHEMA_VERSIONS['1.32'].types['discovery.ForNode']).toBeUndefined();
  });

  test('FIELD_SINCE agrees with the data of every version', () => {
    const base = SCHEMA_VERSIONS['1.28'].types;
    for (const [key, since] of Object.entries(FIELD_SINCE)) {
      const type = key.slice(0, key.lastIndexOf('.'));
      expect(base[type]).toBeDefined(); // a field of a type 1.28 knows
      for (const version of SCHEMA_VERSION_NAMES) {
        const present = fieldOf(version, key) !== undefined;
        expect([version, key, present]).toEqual([version, key, minor(version) >= minor(since.listed)]);
      }
      // listed <= beta <= ga
      if (since.beta !== undefined) {
        expect(minor(since.beta)).toBeGreaterThanOrEqual(minor(since.listed));
        expect(minor(since.ga)).toBeGreaterThanOrEqual(minor(since.beta));
      }
      expect(minor(since.ga)).toBeGreaterThanOrEqual(minor(since.listed));
    }
    // Every field a later version adds to a 1.28 type is in FIELD_SINCE, and the types new since
    // 1.28 are reached only through such fields.
    for (const version of SCHEMA_VERSION_NAMES) {
      const v = SCHEMA_VERSIONS[version];
      for (const [name, table] of Object.entries(v.types)) {
        for (const [field, code] of Object.entries(table)) {
          const key = `${name}.${field}`;
          if (base[name] !== undefined && base[name][field] === undefined) {
            expect([version, key, FIELD_SINCE[key] !== undefined]).toEqual([version, key, true]);
          }
          const t = target(code);
          if (t !== undefined && base[t] === undefined && base[name] !== undefined) {
            expect([version, key, FIELD_SINCE[key] !== undefined]).toEqual([version, key, true]);
          }
        }
      }
      // No field of 1.28 went away.
      for (const [name, table] of Object.entries(base)) {
        for (const field of Object.keys(table)) {
          expect([version, name, field, v.types[name]?.[field]]).toEqual([version, name, field, table[field]]);
        }
      }
    }
  });

  test('a type table that does not change between versions is shared', () => {
    const first = SCHEMA_VERSIONS['1.28'].types;
    const last = SCHEMA_VERSIONS['1.34'].types;
    expect(last['meta.ObjectMeta']).toBe(first['meta.ObjectMeta']);
    expect(last['core.Service']).toBe(first['core.Service']);
    expect(last['core.ServiceSpec']).not.toBe(first['core.ServiceSpec']);
    // 1.30 to 1.31, 1.31 to 1.32 and 1.33 to 1.34 change nothing for these kinds.
    expect(SCHEMA_VERSIONS['1.31'].types).toBe(SCHEMA_VERSIONS['1.30'].types);
    expect(SCHEMA_VERSIONS['1.34'].types).toBe(SCHEMA_VERSIONS['1.33'].types);
  });

  test('the generated file is in step with the per-version data it is generated from', () => {
    const dir = path.join(__dirname, '..', '..', 'scripts', 'k8s-schema');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort())
      .toEqual(SCHEMA_VERSION_NAMES.map((v) => `v${v}.json`).sort());
    for (const version of SCHEMA_VERSION_NAMES) {
      const data = JSON.parse(fs.readFileSync(path.join(dir, `v${version}.json`), 'utf-8'));
      expect(data.kubernetes).toBe(version);
      expect(SCHEMA_VERSIONS[version].types).toEqual(data.types);
      expect(SCHEMA_VERSIONS[version].roots).toEqual(data.roots);
      expect(Object.keys(SCHEMA_VERSIONS[version].types).sort()).toEqual(Object.keys(data.types).sort());
      // The description of a FIELD_SINCE field says alpha/beta only before its GA version.
      for (const [key, since] of Object.entries(FIELD_SINCE)) {
        if (minor(version) >= minor(since.ga)) expect([version, key, data.stages[key]]).toEqual([version, key, undefined]);
      }
    }
  });
});
