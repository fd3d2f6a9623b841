import { PortRules, Protocol, TargetPort } from '../../src';

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

describe('TargetPort', () => {
  test('a number renders as a number', () => {
    const p = TargetPort.number(3306);
    expect(p.value).toBe(3306);
    expect(p.portNumber).toBe(3306);
    expect(p.portName).toBeUndefined();
    expect(p.errors()).toEqual([]);
  });

  test('a name renders as a string', () => {
    const p = TargetPort.name('mysql');
    expect(p.value).toBe('mysql');
    expect(p.toString()).toBe('mysql');
    expect(p.errors()).toEqual([]);
  });

  test('fails if the number is out of range', () => {
    expect(TargetPort.number(0).errors()).toEqual(['must be between 1 and 65535']);
  });

  test('a hostile value from JavaScript renders without a TypeError and is explained by errors() (found by fuzzing)', () => {
    // GIVEN an object whose toString is not a function
    const p = TargetPort.number({ toString: true } as any);
    // THEN
    expect(p.toString()).toBe('{"toString":true}');
    expect(p.errors()).toEqual(['must be a whole number between 1 and 65535']);
  });

  test('fails if the name is not an IANA service name', () => {
    expect(TargetPort.name('my_long_port_name').errors().join()).toMatch(/no more than 15 characters/);
  });
});
