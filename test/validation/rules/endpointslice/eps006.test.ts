import { EPS006 } from '../../../../src/validation/rules/endpointslice/eps006';
import { MYSQL, slice } from '../../_fixtures';
import { ids, messageOf, ruleCases, zones } from '../_case';

ruleCases(EPS006, [
  { title: 'a hostname in upper case', pass: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hostname: 'db-0' }] })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hostname: 'DB-0' }] })], field: 'endpoints[0].hostname' },
]);

describe('EPS006', () => {
  test('passes: 8 named zone hints', () => {
    // GIVEN / WHEN / THEN
    expect(ids([MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hints: { forZones: zones(8) } }] })])).toEqual([]);
  });

  test('fails if an endpoint has more than 8 zone hints', () => {
    // GIVEN
    const manifests = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hints: { forZones: zones(9) } }] })];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['1 EPS006 endpoints[0].hints.forZones']);
    expect(messageOf(manifests, 'EPS006', 'endpoints[0].hints.forZones')).toMatch(/must have at most 8 entries/);
  });

  test('fails if a zone hint has no name', () => {
    // GIVEN a zone hint without name and one with an empty name
    const manifests = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: ['10.0.4.17'], hints: { forZones: [{ name: 'zone-a' }, {}, { name: '' }] } }] })];
    // WHEN
    const found = ids(manifests);
    // THEN each is reported at its name
    expect(found).toEqual(['1 EPS006 endpoints[0].hints.forZones[1].name', '1 EPS006 endpoints[0].hints.forZones[2].name']);
    expect(messageOf(manifests, 'EPS006', 'endpoints[0].hints.forZones[1].name')).toMatch(/is required/);
  });
});
