import { describe, expect, it } from 'vitest';
import { parseQuery, splitUrl } from './wire.js';

describe('splitUrl', () => {
  it('decodes the query into own properties', () => {
    const split = splitUrl('http://h:1/a/b?x=1&__proto__=2&y=a%20b#frag');
    expect(split.path).toBe('/a/b');
    expect(split.rawQuery).toBe('x=1&__proto__=2&y=a%20b');
    expect(Object.entries(split.query)).toEqual([
      ['x', '1'],
      ['__proto__', '2'],
      ['y', 'a b'],
    ]);
    expect(Object.getPrototypeOf(splitUrl('/?__proto__=1').query)).toBe(Object.prototype);
  });

  it('keeps the first value of a repeated key, as the listener reads it (Go url.Values.Get)', () => {
    expect(splitUrl('https://backend/cb?command=a&command=b').query).toEqual({ command: 'a' });
    expect(parseQuery('a=1&a=2&b')).toEqual({ a: '1', b: '' });
  });

  it('splits a request target and an absolute URL alike', () => {
    expect(splitUrl('/cb?x=1')).toEqual({ path: '/cb', query: { x: '1' }, rawQuery: 'x=1' });
    expect(splitUrl('/cb')).toEqual({ path: '/cb', query: {}, rawQuery: '' });
    expect(splitUrl('http://h:1')).toEqual({ path: '/', query: {}, rawQuery: '' });
    expect(splitUrl('http://h:1?a=1#x?y')).toEqual({ path: '/', query: { a: '1' }, rawQuery: 'a=1' });
    expect(splitUrl('/p#f?not=query')).toEqual({ path: '/p', query: {}, rawQuery: '' });
  });

  it('decodes broken UTF-8 escapes to U+FFFD and keeps escapes that are not escapes', () => {
    expect(parseQuery('a=%FF&b=%E5%A5&c=%zz%41&d=%C3%A9%FFx&e=%F0%9F%98%80%e5&f=%')).toEqual({
      a: '\uFFFD',
      b: '\uFFFD',
      c: '%zzA',
      d: 'é\uFFFDx',
      e: '😀\uFFFD',
      f: '%',
    });
  });
});
