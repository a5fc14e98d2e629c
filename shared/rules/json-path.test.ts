import { describe, expect, it } from 'vitest';
import { parsePath, resolvePath } from './json-path.js';

const resolve = (body: unknown, path: string): unknown[] => {
  const parsed = parsePath(path);
  if (!parsed.ok) throw new Error(parsed.error);
  return resolvePath(body, parsed.segments);
};

describe('parsePath', () => {
  it('parses keys, [] and [N]', () => {
    expect(parsePath('FriendItem[].To_Account')).toEqual({
      ok: true,
      segments: [{ kind: 'key', key: 'FriendItem' }, { kind: 'each' }, { kind: 'key', key: 'To_Account' }],
    });
    expect(parsePath('a[2]')).toEqual({
      ok: true,
      segments: [
        { kind: 'key', key: 'a' },
        { kind: 'index', index: 2 },
      ],
    });
  });

  it.each(['', '.a', 'a.', 'a..b', 'a[', 'a[x]', 'a]', 'a[]b'])('rejects %j', (path) => {
    expect(parsePath(path).ok).toBe(false);
  });
});

describe('resolvePath', () => {
  const body = {
    From_Account: 'id',
    FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }, { Other: 1 }],
    nested: { deep: { value: 0 } },
    friendUserIDs: null,
  };

  it('reaches every array item through []', () => {
    expect(resolve(body, 'FriendItem[].To_Account')).toEqual(['id1', 'id2']);
  });

  it('reaches one item through [N] and nested keys', () => {
    expect(resolve(body, 'FriendItem[1].To_Account')).toEqual(['id2']);
    expect(resolve(body, 'nested.deep.value')).toEqual([0]);
  });

  it('returns nothing for absent keys, non-arrays and prototype keys', () => {
    expect(resolve(body, 'missing.x')).toEqual([]);
    expect(resolve(body, 'From_Account[]')).toEqual([]);
    expect(resolve(body, 'constructor')).toEqual([]);
    expect(resolve(null, 'a')).toEqual([]);
    expect(resolve('text', 'length')).toEqual([]);
  });

  it('keeps explicit nulls', () => {
    expect(resolve(body, 'friendUserIDs')).toEqual([null]);
  });
});
