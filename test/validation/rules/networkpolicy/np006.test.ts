import { NP006 } from '../../../../src/validation/rules/networkpolicy/np006';
import { WEB_PODS, ingress, path, rule, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';
import { client, fromPods, webPolicy } from './_policy';

const SITE = ingress('site', { rules: [rule('shop.example.com', path('/'))] });
const FROM_CONTROLLER = { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 8080 }] };
const SHOP = client('shop', { app: 'shop' }, { WEB_URL: 'http://web:80' });

ruleCases(NP006, [
  {
    title: 'an Ingress sends to pods that no policy admits from another namespace',
    pass: [web(), WEB_PODS, SITE, webPolicy([FROM_CONTROLLER])],
    fail: [web(), WEB_PODS, SITE, webPolicy([fromPods({ app: 'shop' })])],
    field: 'spec.selector',
  },
  {
    title: 'pods that name the Service in their environment are not admitted',
    pass: [web(), WEB_PODS, SHOP, webPolicy([fromPods({ app: 'shop' })])],
    fail: [web(), WEB_PODS, SHOP, webPolicy([fromPods({ app: 'shop' }, 9090)])],
    field: 'spec.selector',
  },
]);

describe('NP006 branches', () => {
  test('the message names the client and the isolated pods', () => {
    expect(messageOf([web(), WEB_PODS, SHOP, webPolicy([])], 'NP006', 'spec.selector'))
      .toMatch(/selects the pods of Deployment\/web, which are isolated for ingress, and no NetworkPolicy admits Deployment\/shop, whose environment names the Service, on target port http \(port 80\)/);
  });

  test('nothing is said without policies, or when the pods are not isolated for ingress', () => {
    expect(ids([web(), WEB_PODS, SHOP, SITE]).filter((f) => f.includes('NP006'))).toEqual([]);
    expect(ids([web(), WEB_PODS, SHOP, SITE, webPolicy([], { policyTypes: ['Egress'] })]).filter((f) => f.includes('NP006'))).toEqual([]);
  });

  test('a client in another namespace names the Service by its namespaced name', () => {
    const other = { ...client('shop', { app: 'shop' }, { WEB_URL: 'http://web.default.svc.cluster.local' }), metadata: { name: 'shop', namespace: 'front' } };
    expect(ids([web(), WEB_PODS, other, webPolicy([fromPods({ app: 'shop' })])]).filter((f) => f.includes('NP006'))).toEqual(['0 NP006 spec.selector']);
  });
});
