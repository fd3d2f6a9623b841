// The rules the constructs and the checker share, kept once in src/net (the lowest layer both
// import): Ingress host names, host overlap, node port ranges, and the recommended labels.
import { Problems } from '../../src/core/problems';
import { ingressHostErrors, hostsOverlap } from '../../src/net/hosts';
import { appLabelsOf, checkLabels, checkPartOf, selectorLabelsOf } from '../../src/net/labels';
import { DEFAULT_NODE_PORT_RANGE, parseNodePortRange } from '../../src/net/node-port-range';

describe('ingressHostErrors', () => {
  test.each([
    ['shop.example.com', []],
    ['*.example.com', []],
    ['10.0.0.1', [expect.stringMatching(/^must be a host name, not an IP address/)]],
    ['01.02.03.04', [expect.stringMatching(/^must be a host name, not an IP address/)]],
    ['shop.example.com:8443', [expect.stringMatching(/^must be a host name without a port: use 'shop.example.com'/)]],
    ['https://shop.example.com/x', [expect.stringMatching(/^must be a host name, not a URL: use 'shop.example.com'/)]],
    ['shop.*.example.com', ['must use a wildcard only as a whole first label (\'*.example.com\')']],
    ['', ['must be a host name such as \'shop.example.com\'']],
  ])('%s', (host, expected) => {
    expect(ingressHostErrors(host)).toEqual(expected);
  });
});

describe('hostsOverlap', () => {
  test.each([
    ['a.example.com', 'a.example.com', true],
    ['*.example.com', 'a.example.com', true],
    ['a.example.com', '*.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '*.example.com', true],
    ['a.example.com', 'b.example.com', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(hostsOverlap(a, b)).toBe(expected);
  });
});

describe('parseNodePortRange', () => {
  test.each([
    [DEFAULT_NODE_PORT_RANGE, [30000, 32767]],
    [' 20000-20999 ', [20000, 20999]],
    ['1-65535', [1, 65535]],
    ['0-100', undefined],
    ['32000-31000', undefined],
    ['1-65536', undefined],
    ['x', undefined],
    [42, undefined],
  ])('%s', (text, expected) => {
    expect(parseNodePortRange(text)).toEqual(expected);
  });
});

describe('recommended labels', () => {
  test('selector labels are name and instance; every object also gets managed-by and part-of', () => {
    expect(selectorLabelsOf('shop')).toEqual({ 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/instance': 'shop' });
    expect(appLabelsOf('shop', 'webshop')).toEqual({
      'app.kubernetes.io/name': 'shop',
      'app.kubernetes.io/instance': 'shop',
      'app.kubernetes.io/managed-by': 'cdk8s-service-patterns',
      'app.kubernetes.io/part-of': 'webshop',
    });
    expect(appLabelsOf('shop')).not.toHaveProperty('app.kubernetes.io/part-of');
  });

  test('`partOf` and `labels` are checked into problems, never thrown as TypeErrors', () => {
    const problems = new Problems('test');
    checkPartOf(problems, '');
    checkPartOf(problems, 42);
    expect(checkLabels(problems, 'labels', 'x', [])).toEqual({});
    expect(checkLabels(problems, 'labels', { 'ok': 'yes', 'a/b/c': 'x', 'reserved': 'v' }, ['reserved'])).toEqual({ 'ok': 'yes', 'a/b/c': 'x', 'reserved': 'v' });
    expect(problems.items.map((p) => p.field)).toEqual(['partOf', 'partOf', 'labels', 'labels.a/b/c', 'labels.reserved']);
  });
});
