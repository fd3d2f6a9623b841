import { Testing } from 'cdk8s';
import { gatewayApiSchemaProblems, only } from './_schema';
import { BackendTlsPolicy, WellKnownCaCertificates } from '../../src';

test('defaults', () => {
  const chart = Testing.chart();
  new BackendTlsPolicy(chart, 'Tls', { serviceNames: ['api'], hostname: 'api.internal.example.com', caCertificateConfigMaps: ['internal-ca'] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

test('the system trust store, one port', () => {
  // GIVEN
  const chart = Testing.chart();

  // WHEN
  new BackendTlsPolicy(chart, 'Tls', { serviceNames: ['api', 'admin'], sectionName: 'https', hostname: 'api.example.com', wellKnownCaCertificates: WellKnownCaCertificates.SYSTEM });

  // THEN
  expect(only(chart, 'BackendTLSPolicy').spec).toEqual({
    targetRefs: [{ group: '', kind: 'Service', name: 'api', sectionName: 'https' }, { group: '', kind: 'Service', name: 'admin', sectionName: 'https' }],
    validation: { hostname: 'api.example.com', wellKnownCACertificates: 'System' },
  });
  expect(gatewayApiSchemaProblems(chart)).toEqual([]);
});

describe('fails if', () => {
  test('fails if both or neither CA sources are given, listing every problem', () => {
    expect(() => new BackendTlsPolicy(Testing.chart(), 'Tls', { serviceNames: [], hostname: '*.example.com' }))
      .toThrow(/`serviceNames` must name at least one Service[\s\S]*`hostname` must not be a wildcard[\s\S]*`caCertificateConfigMaps` must be set, or `wellKnownCaCertificates`, and not both/);
    expect(() => new BackendTlsPolicy(Testing.chart(), 'Tls', {
      serviceNames: ['a'], hostname: 'a.example.com', caCertificateConfigMaps: ['ca'], wellKnownCaCertificates: WellKnownCaCertificates.SYSTEM,
    })).toThrow(/and not both/);
  });
});
