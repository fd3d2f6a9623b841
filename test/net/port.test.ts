import { PortRules, Protocol } from '../../src';

describe('PortRules.portNumberErrors', () => {
  test.each([1, 80, 65535])('accepts %d', (p) => {
    expect(PortRules.portNumberErrors(p)).toEqual([]);
  });

  test.each([0, -1, 65536, 70000])('fails if %d is out of range', (p) => {
    expect(PortRules.portNumberErrors(p)).toEqual(['must be between 1 and 65535']);
  });

  test.each([NaN, 80.5, Infinity])('fails if %d is not a whole number', (p) => {
    expect(PortRules.portNumberErrors(p)).toEqual(['must be a whole number between 1 and 65535']);
  });

  test('fails if not a number', () => {
    expect(PortRules.portNumberErrors('80' as any)).toEqual(['must be a whole number between 1 and 65535']);
  });
});

describe('PortRules.protocolErrors', () => {
  test.each([Protocol.TCP, Protocol.UDP, Protocol.SCTP])('accepts %s', (p) => {
    expect(PortRules.protocolErrors(p)).toEqual([]);
  });

  test('fails on lower case, with a suggestion', () => {
    expect(PortRules.protocolErrors('tcp')).toEqual(["must be one of 'TCP', 'UDP' or 'SCTP'; did you mean 'TCP'?"]);
  });

  test('fails on other protocols', () => {
    expect(PortRules.protocolErrors('HTTP')).toEqual(["must be one of 'TCP', 'UDP' or 'SCTP'"]);
  });
});
