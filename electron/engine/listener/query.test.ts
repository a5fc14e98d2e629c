import { describe, expect, it } from 'vitest';
import { parseQuery, splitUrl } from '../../../shared/protocol/index.js';

describe('parseQuery', () => {
  it('reads a Tencent callback query', () => {
    expect(
      parseQuery(
        'SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI',
      ),
    ).toEqual({
      SdkAppid: '1400000000',
      CallbackCommand: 'Sns.CallbackPrevFriendAdd',
      contenttype: 'json',
      ClientIP: '127.0.0.1',
      OptPlatform: 'RESTAPI',
    });
  });

  it('keeps the first occurrence of a key, like Go url.Values.Get', () => {
    expect(parseQuery('a=1&a=2&b')).toEqual({ a: '1', b: '' });
  });

  it('decodes percent escapes and +, and keeps a bad escape as written', () => {
    expect(parseQuery('name=%E5%A5%BD%E5%8F%8B&sp=a+b&bad=%zz')).toEqual({ name: '好友', sp: 'a b', bad: '%zz' });
    expect(parseQuery('Sign=abc%3D&RequestTime=1700000000')).toEqual({ Sign: 'abc=', RequestTime: '1700000000' });
  });

  it('handles empty parts, empty keys and values, and a bare flag', () => {
    expect(parseQuery('')).toEqual({});
    expect(parseQuery('flag')).toEqual({ flag: '' });
    expect(parseQuery('&&a=&=x&b==c&')).toEqual({ a: '', '': 'x', b: '=c' });
  });

  it('a __proto__ key cannot change the prototype of the result', () => {
    const query = parseQuery('x=1&__proto__=y');
    expect(query.x).toBe('1');
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
  });

  it('splits the path from the query', () => {
    expect(splitUrl('/cb?x=1')).toEqual({ path: '/cb', query: { x: '1' }, rawQuery: 'x=1' });
    expect(splitUrl('/cb')).toEqual({ path: '/cb', query: {}, rawQuery: '' });
  });

  it('reads any ASCII query as URLSearchParams does, first value of a key winning', () => {
    const parts = [
      'a',
      'b',
      '=',
      '&',
      '+',
      '%',
      '%4',
      '%41',
      '%FF',
      '%E5',
      '%A5',
      '%C3',
      '%A9',
      '%F0',
      '%9F',
      '%80',
      '%zz',
      ' ',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n);
    };
    for (let n = 0; n < 5_000; n++) {
      const search = Array.from({ length: next(12) }, () => parts[next(parts.length)]).join('');
      const expected: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(search)) if (!Object.hasOwn(expected, key)) expected[key] = value;
      expect(parseQuery(search), search).toEqual(expected);
    }
  });
});
