import { META004 } from '../../../../src/validation/rules/meta/meta004';
import { WEB_PODS, web } from '../../_fixtures';
import { ids, messageOf, ruleCases } from '../_case';

ruleCases(META004, [
  { title: 'an annotation key with two slashes', pass: [web({}, { annotations: { 'example.com/owner': 'team a' } }), WEB_PODS], fail: [web({}, { annotations: { 'a/b/c': 'x' } }), WEB_PODS], field: 'metadata.annotations' },
]);

describe('META004', () => {
  const KEY = 'example.com/blob';
  const LIMIT = 256 * 1024;

  test('passes: annotations of exactly 256 KiB (keys and values)', () => {
    // GIVEN / WHEN / THEN
    expect(ids([web({}, { annotations: { [KEY]: 'x'.repeat(LIMIT - KEY.length) } }), WEB_PODS])).toEqual([]);
  });

  test('fails if the annotations are over 256 KiB in all', () => {
    // GIVEN one byte too many, counting the key
    const manifests = [web({}, { annotations: { [KEY]: 'x'.repeat(LIMIT - KEY.length + 1) } }), WEB_PODS];
    // WHEN
    const found = ids(manifests);
    // THEN
    expect(found).toEqual(['0 META004 metadata.annotations']);
    expect(messageOf(manifests, 'META004', 'metadata.annotations')).toMatch(/must have at most 262144 bytes in all \(keys and values\)/);
  });
});
