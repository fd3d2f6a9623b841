import { Testing } from 'cdk8s';
import { gatewayApiSchemaProblems, only } from './_schema';
import { ReferenceGrant } from '../../src';

test('defaults', () => {
  const chart = Testing.chart();
  new ReferenceGrant(chart, 'Grant', { namespace: 'backend', from: [{ kind: 'HTTPRoute', namespace: 'web' }], to: [{ kind: 'Service' }] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('entries are added and returned', () => {
  // GIVEN
  const chart = Testing.chart();
  const grant = new ReferenceGrant(chart, 'Grant', { namespace: 'backend', name: 'from-web' });

  // WHEN
  const from = grant.addFrom({ kind: 'Gateway', namespace: 'infra' });
  grant.addTo({ kind: 'Secret', name: 'shop-tls' });

  // THEN
  expect(from).toEqual({ kind: 'Gateway', namespace: 'infra', group: undefined });
  expect(only(chart, 'ReferenceGrant').spec).toEqual({
    from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra' }],
    to: [{ group: '', kind: 'Secret', name: 'shop-tls' }],
  });
  expect(grant.allows('Secret', 'shop-tls')).toBe(true);
  expect(grant.allows('Secret', 'other')).toBe(false);
});

describe('fails if', () => {
  test('fails if the grant is empty at synth', () => {
    const chart = Testing.chart();
    new ReferenceGrant(chart, 'Grant', { namespace: 'backend' });
    expect(() => Testing.synth(chart)).toThrow(/`from` must list at least one kind and namespace that may refer[\s\S]*`to` must list at least one kind/);
  });

  test('fails if an entry repeats or is invalid', () => {
    const grant = new ReferenceGrant(Testing.chart(), 'Grant', { namespace: 'backend', from: [{ kind: 'HTTPRoute', namespace: 'web' }] });
    expect(() => grant.addFrom({ kind: 'HTTPRoute', namespace: 'web' })).toThrow(/`from` must not be listed twice, got 'HTTPRoute in web'/);
    expect(() => grant.addTo({ kind: 'not a kind', name: 'Bad_Name' })).toThrow(/`to.kind` must be a kind[\s\S]*`to.name` must be a DNS-1123 subdomain/);
    expect(() => new ReferenceGrant(Testing.chart(), 'G', { namespace: 'Bad' })).toThrow(/`namespace` must be a DNS-1123 label/);
  });

  test('fails if a grant has more than 16 entries', () => {
    const grant = new ReferenceGrant(Testing.chart(), 'Grant', { namespace: 'backend' });
    for (let i = 0; i < 16; i++) grant.addTo({ kind: 'Service', name: `s${i}` });
    expect(() => grant.addTo({ kind: 'Service', name: 's16' })).toThrow(/`to` must have at most 16 entries/);
  });
});
