import { describe, expect, it } from 'vitest';
import { findCommand } from './catalogue.js';
import { identify } from './identify.js';
import { summarize } from './summary.js';
import { EXAMPLES } from './testing/fixtures.js';
import type { Identification } from './types.js';

const sum = (name: string, body?: unknown) => {
  const b = body ?? (EXAMPLES[name] ? JSON.parse(EXAMPLES[name]) : findCommand(name)?.sample);
  return summarize(identify({ method: 'POST', path: '/', query: {}, headers: {}, body: b }), b);
};

describe('summarize', () => {
  it('summarises every OpenIM relationship command', () => {
    expect(sum('callbackBeforeAddFriendCommand')).toEqual({
      parties: 'user123 → user456',
      text: "Hi, let's be friends!",
      targets: [],
    });
    expect(sum('callbackAfterAddFriendCommand').parties).toBe('user123 → user456');
    expect(sum('callbackBeforeAddFriendAgreeCommand')).toMatchObject({
      parties: 'user123 → user456',
      text: "Let's be friends!",
    });
    expect(sum('callbackAfterAddFriendAgreeCommand').parties).toBe('user123 → user456');
    expect(sum('callbackAfterDeleteFriendCommand')).toMatchObject({ parties: 'user123 → user456', text: '' });
    expect(sum('callbackBeforeSetFriendRemarkCommand')).toMatchObject({ text: 'My Best Friend' });
    expect(sum('callbackAfterSetFriendRemarkCommand')).toMatchObject({ text: 'My Best Friend' });
    expect(sum('callbackBeforeImportFriendsCommand')).toEqual({
      parties: 'user123 → user456, user789',
      text: '2 friends',
      targets: [],
    });
    expect(sum('callbackAfterImportFriendsCommand').text).toBe('2 friends');
    expect(sum('callbackBeforeAddBlackCommand').parties).toBe('user123 → user456');
    expect(sum('callbackAfterRemoveBlackCommand').parties).toBe('user123 → user456');
  });

  it('summarises every Tencent Sns command', () => {
    expect(sum('Sns.CallbackPrevFriendAdd')).toEqual({
      parties: 'id → id1, id2',
      text: 'this is id1! | this is id2!',
      targets: ['id1', 'id2'],
    });
    expect(sum('Sns.CallbackPrevFriendResponse')).toEqual({
      parties: 'id → id1, id2',
      text: 'AgreeAndAdd | Reject',
      targets: ['id1', 'id2'],
    });
    expect(sum('Sns.CallbackFriendAdd')).toEqual({
      parties: 'id → id1, id2, id3',
      text: '3 pairs (friend_add)',
      targets: [],
    });
    expect(sum('Sns.CallbackFriendDelete').parties).toBe('id → id1, id2, id3');
    expect(sum('Sns.CallbackBlackListAdd').text).toBe('3 pairs');
    expect(sum('Sns.CallbackBlackListDelete').parties).toBe('id → id1, id2, id3');
  });

  it('shortens long lists', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `u${i}`);
    const s = sum('callbackBeforeImportFriendsCommand', {
      callbackCommand: 'callbackBeforeImportFriendsCommand',
      ownerUserID: 'o',
      friendUserIDs: ids,
    });
    expect(s).toMatchObject({ parties: 'o → u0, u1, u2, u3, u4 +7 more', text: '12 friends' });
  });

  it('never throws on garbage', () => {
    const unknown: Identification = { dialect: 'unknown', command: null, phase: 'unknown', via: 'none' };
    const tencent: Identification = {
      dialect: 'tencent',
      command: 'Sns.CallbackPrevFriendAdd',
      phase: 'before',
      via: 'body',
    };
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { From_Account: deep };
    for (const body of [
      undefined,
      null,
      1,
      'x',
      [1],
      { fromUserID: 5 },
      JSON.parse('{"__proto__":{"fromUserID":"x"}}'),
      deep,
      { FriendItem: 'x', PairList: [null] },
    ]) {
      expect(() => summarize(unknown, body)).not.toThrow();
      expect(() => summarize(tencent, body)).not.toThrow();
    }
    expect(summarize(unknown, { constructor: 'x' })).toEqual({ parties: '', text: '', targets: [] });
  });
});
