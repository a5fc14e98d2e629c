import { describe, expect, it } from 'vitest';
import { goDecode, topLevelMembers } from './go-json.js';

describe('topLevelMembers', () => {
  it('keeps raw literals, duplicates and order', () => {
    const text = ' { "a" : 1.0 , "s":"x\\",}{[" ,"o":{"n":[1,{"b":"}"}]},"a":-0, "e\\u0041":1e2 } ';
    expect(topLevelMembers(text)).toEqual([
      { key: 'a', raw: '1.0' },
      { key: 's', raw: '"x\\",}{["' },
      { key: 'o', raw: '{"n":[1,{"b":"}"}]}' },
      { key: 'a', raw: '-0' },
      { key: 'eA', raw: '1e2' },
    ]);
  });

  it('handles deep nesting without recursion', () => {
    const deep = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)},"nextCode":1}`;
    expect(topLevelMembers(deep).map((m) => m.key)).toEqual(['x', 'nextCode']);
  });

  it('returns nothing for non-objects', () => {
    expect(topLevelMembers('[1]')).toEqual([]);
    expect(topLevelMembers('{}')).toEqual([]);
  });
});

describe('goDecode', () => {
  it('decodes int32 like Go', () => {
    expect(goDecode('1', 'int32')).toEqual({ ok: true, value: 1 });
    expect(goDecode('-2147483648', 'int32')).toEqual({ ok: true, value: -2147483648 });
    expect(goDecode('null', 'int32')).toEqual({ ok: true, value: null });
    for (const raw of ['1.0', '1e0', '"1"', 'true', '[]', '{}', '2147483648', '99999999999999999999999']) {
      expect(goDecode(raw, 'int32').ok, raw).toBe(false);
    }
  });

  it('decodes int64 like Go (actionCode is a Go int up to v3.4.0: pkg/callbackstruct/common.go @ v3.4.0)', () => {
    expect(goDecode('3000000000', 'int64')).toEqual({ ok: true, value: 3_000_000_000 });
    expect(goDecode('9223372036854775807', 'int64').ok).toBe(true);
    for (const raw of ['9223372036854775808', '3e9', '"1"']) expect(goDecode(raw, 'int64').ok, raw).toBe(false);
  });

  it('decodes strings and string lists', () => {
    expect(goDecode('"a\\u0041"', 'string')).toEqual({ ok: true, value: 'aA' });
    expect(goDecode('1', 'string').ok).toBe(false);
    // Go 1.19 encoding/json: a null element of a []string decodes to "" and is kept; a number element is a type
    // error, and decoding goes on (the element stays "").
    expect(goDecode('["a",null]', 'string[]')).toEqual({ ok: true, value: ['a', ''] });
    expect(goDecode('["a",1]', 'string[]')).toEqual({ ok: false, why: '[1] is not a string', value: ['a', ''] });
    expect(goDecode('"a"', 'string[]').ok).toBe(false);
  });
});
