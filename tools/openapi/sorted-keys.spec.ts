import { withSortedKeys } from './sorted-keys';

describe('a document with sorted keys', () => {
  it('orders every object’s keys, however deep, and keeps the order of arrays', () => {
    const sorted = withSortedKeys({ b: 1, a: { d: [{ z: 1, y: 2 }, 1], c: null } });

    expect(JSON.stringify(sorted)).toBe('{"a":{"c":null,"d":[{"y":2,"z":1},1]},"b":1}');
  });

  it('keeps every value', () => {
    const document = { paths: { '/b': { get: {} }, '/a': { post: { tags: ['x'] } } }, openapi: '3.0.0' };

    expect(withSortedKeys(document)).toEqual(document);
  });
});
