import { ManifestChecker } from '../../../../src';
import { NP003 } from '../../../../src/validation/rules/networkpolicy/np003';
import { WEB_PODS } from '../../_fixtures';
import { ids, ruleCases } from '../_case';
import { policy, webPolicy } from './_policy';

ruleCases(NP003, [
  {
    title: 'an except range is not strictly inside cidr',
    pass: [WEB_PODS, webPolicy([{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.4.0/24'] } }] }])],
    fail: [WEB_PODS, webPolicy([{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }])],
    field: 'spec.ingress[0].from[0].ipBlock.except[0]',
  },
  {
    title: 'ipBlock comes with a selector in one peer',
    pass: [WEB_PODS, webPolicy([{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }, { namespaceSelector: {} }] }])],
    fail: [WEB_PODS, webPolicy([{ from: [{ ipBlock: { cidr: '203.0.113.0/24' }, namespaceSelector: {} }] }])],
    field: 'spec.ingress[0].from[0]',
  },
  {
    title: 'the cidr is not a CIDR',
    pass: [WEB_PODS, webPolicy([], { policyTypes: ['Ingress', 'Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.4.17/32' } }] }] })],
    fail: [WEB_PODS, webPolicy([], { policyTypes: ['Ingress', 'Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.4.17' } }] }] })],
    field: 'spec.egress[0].to[0].ipBlock.cidr',
  },
]);

describe('NP003 branches', () => {
  test('an empty peer, an except equal to cidr, an except of the other family', () => {
    const found = ids([WEB_PODS, webPolicy([{ from: [{}, { ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16', '2001:db8::/64'] } }] }])])
      .filter((f) => f.includes('NP003'));
    expect(found).toEqual([
      '1 NP003 spec.ingress[0].from[0]',
      '1 NP003 spec.ingress[0].from[1].ipBlock.except[0]',
      '1 NP003 spec.ingress[0].from[1].ipBlock.except[1]',
    ]);
  });
});

test('an ipBlock with leading zeros is read as the API server reads it (decimal), not refused', () => {
  // the 1.28 server parses CIDRs loosely: '010.0.0.0/8' is 10.0.0.0/8 to it
  const leadingZeros = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'p' },
    spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '010.0.0.0/8', except: ['010.1.0.0/16'] } }] }] },
  };
  expect(ManifestChecker.check([leadingZeros]).filter((f) => f.ruleId === 'NP003')).toEqual([]);
});

test('an IPv4-mapped IPv6 range is read as the API server reads it: the IPv4 range it maps', () => {
  // (a 1.28 API server parses ipBlock CIDRs with ParseCIDRSloppy, which accepts them)
  const p = policy('mapped', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '::ffff:10.0.0.0/104', except: ['::ffff:10.1.0.0/112'] } }] }] });
  expect(ids([WEB_PODS, p]).filter((f) => f.includes('NP003'))).toEqual([]);
  const outside = policy('mapped', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '::ffff:10.0.0.0/104', except: ['::ffff:11.1.0.0/112'] } }] }] });
  expect(ids([WEB_PODS, outside]).filter((f) => f.includes('NP003'))).toEqual(['1 NP003 spec.ingress[0].from[0].ipBlock.except[0]']);
});
