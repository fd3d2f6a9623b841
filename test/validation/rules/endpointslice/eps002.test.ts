import { EPS002 } from '../../../../src/validation/rules/endpointslice/eps002';
import { MYSQL, slice } from '../../_fixtures';
import { addresses, ids, messageOf, ruleCases } from '../_case';

ruleCases(EPS002, [
  { title: '1001 endpoints in one slice', pass: [MYSQL, slice('mysql-1', 'mysql', { endpoints: Array.from({ length: 1000 }, (_, i) => ({ addresses: [`10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`] })) })], fail: [MYSQL, slice('mysql-1', 'mysql', { endpoints: Array.from({ length: 1001 }, () => ({ addresses: ['10.0.4.17'] })) })], field: 'endpoints' },
]);

describe('EPS002', () => {
  test('passes: an endpoint with one address', () => {
    // GIVEN / WHEN / THEN
    expect(ids([MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: addresses(1) }] })])).toEqual([]);
  });

  test('fails if an endpoint has more than 100 addresses', () => {
    // GIVEN an endpoint with 100 addresses (only a warning) and one with 101
    const hundred = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: addresses(100) }] })];
    const tooMany = [MYSQL, slice('mysql-1', 'mysql', { endpoints: [{ addresses: addresses(101) }] })];
    // WHEN
    const atLimit = ids(hundred);
    const overLimit = ids(tooMany);
    // THEN only 101 addresses is an error
    expect(atLimit).toEqual(['1 EPS007 endpoints[0].addresses']);
    expect(overLimit).toEqual(['1 EPS002 endpoints[0].addresses']);
    expect(messageOf(tooMany, 'EPS002', 'endpoints[0].addresses')).toMatch(/must have at most 100 addresses/);
  });
});
