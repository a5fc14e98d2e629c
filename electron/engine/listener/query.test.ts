import { describe, expect, it } from 'vitest';
import { parseQuery, splitUrl } from './listener.js';

/** What URLSearchParams gives, first occurrence winning (the reference the fast split must match). */
function reference(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

const cases = [
  'SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI',
  'a=1&a=2&b',
  '&&a=&=x&b==c&',
  'flag',
  '',
  'name=%E5%A5%BD%E5%8F%8B&sp=a+b&bad=%zz',
  'x=1&__proto__=y',
  'Sign=abc%3D&RequestTime=1700000000',
];

describe('parseQuery', () => {
  it.each(cases)('reads %j exactly as URLSearchParams does', (search) => {
    expect(parseQuery(search)).toEqual(reference(search));
  });

  it('splits the path from the query', () => {
    expect(splitUrl('/cb?x=1')).toEqual({ path: '/cb', query: { x: '1' } });
    expect(splitUrl('/cb')).toEqual({ path: '/cb', query: {} });
  });
});
