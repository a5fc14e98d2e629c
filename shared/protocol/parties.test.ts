import { describe, expect, it } from 'vitest';
import { findCommand } from './catalogue.js';
import { partyPaths, visitParties } from './parties.js';

const paths = (name: string): string[] => {
  const info = findCommand(name);
  if (!info) throw new Error(`not catalogued: ${name}`);
  return partyPaths(info);
};

describe('partyPaths', () => {
  it('OpenIM: the users a friend request or remark is between', () => {
    expect(paths('callbackBeforeAddFriendCommand')).toEqual(['fromUserID', 'toUserID']);
    expect(paths('callbackBeforeSetFriendRemarkCommand')).toEqual(['ownerUserID', 'friendUserID']);
  });

  it('Tencent: the sender and every target of a list, not the requester', () => {
    expect(paths('Sns.CallbackPrevFriendAdd')).toEqual(['From_Account', 'FriendItem[].To_Account']);
  });
});

describe('visitParties (the catalogue rows’ `parties`, read once for summaries, flows and verify)', () => {
  type Seen = { parties: string[]; flows: string[] };
  const walk = (dialect: 'openim' | 'tencent' | 'unknown', command: string | null, body: unknown): Seen => {
    const seen: Seen = { parties: [], flows: [] };
    visitParties(dialect, command, body, {
      party: (from, to, group) => {
        seen.parties.push(`${from}>${to}@${group}`);
      },
      flow: (kind, family, a, b, target, existingOnly) => {
        seen.flows.push(`${kind}/${family}:${a}|${b}${target ? ` t=${target}` : ''}${existingOnly ? ' existing' : ''}`);
        return true;
      },
    });
    return seen;
  };

  it('reads nested paths, item-by-item lists, per-target lists and lists of ids', () => {
    expect(walk('tencent', 'State.StateChange', { Info: { Action: 'Login', To_Account: 'u1' } })).toEqual({
      parties: ['u1>@'],
      flows: ['user/user:u1|'],
    });
    const pairs = {
      PairList: [
        { From_Account: 'b', To_Account: 'a' },
        { From_Account: 'c', To_Account: 'd' },
      ],
    };
    expect(walk('tencent', 'Sns.CallbackFriendDelete', pairs).flows).toEqual([
      'pair/relationship:a|b',
      'pair/relationship:c|d',
    ]);
    const prev = { From_Account: 'me', FriendItem: [{ To_Account: 'x' }, { To_Account: '' }, 'junk'] };
    expect(walk('tencent', 'Sns.CallbackPrevFriendAdd', prev)).toEqual({
      parties: ['me>x@'],
      flows: ['pair/relationship:me|x t=x'],
    });
    expect(
      walk('openim', 'callbackBeforeImportFriendsCommand', { ownerUserID: 'o', friendUserIDs: ['p', 7] }).flows,
    ).toEqual(['pair/relationship:o|p']);
    const members = { groupID: 'g', memberList: [{ userID: 'm1' }, { userID: 'm2' }] };
    expect(walk('openim', 'callbackBeforeMembersJoinGroupCommand', members)).toEqual({
      parties: ['>m1@g', '>m2@g'],
      flows: ['group/group:g|'],
    });
  });

  it('joins messages to the group when there is one, else to the pair; push and unknown commands to none', () => {
    const saved = { sendID: 's', recvID: 'r', groupID: '' };
    expect(walk('openim', 'callbackAfterMsgSaveDBCommand', saved).flows).toEqual(['chat/message:r|s']);
    expect(walk('openim', 'callbackAfterMsgSaveDBCommand', { ...saved, groupID: 'g' }).flows).toEqual([
      'group/message:g|',
    ]);
    expect(walk('openim', 'callbackBeforeOnlinePushCommand', { sendID: 's', userIDList: ['r'] })).toEqual({
      parties: ['s>r@'],
      flows: [],
    });
    expect(walk('openim', 'callbackNoSuchCommand', { fromUserID: 'a', toUserID: 'b' })).toEqual({
      parties: [],
      flows: [],
    });
    // A Tencent name read as OpenIM is not that dialect's command.
    expect(walk('openim', 'Sns.CallbackFriendAdd', { PairList: [{ From_Account: 'a', To_Account: 'b' }] })).toEqual({
      parties: [],
      flows: [],
    });
  });

  it('keys a creation by creator and name; the after-callback joins it only if it exists', () => {
    const before = { Operator_Account: 'op', Owner_Account: 'own', Name: 'N' };
    expect(walk('tencent', 'Group.CallbackBeforeCreateGroup', before).flows).toEqual(['creation/group:N|own']);
    expect(walk('tencent', 'Group.CallbackAfterCreateGroup', { ...before, GroupId: 'G' }).flows).toEqual([
      'group/group:G|',
      'creation/group:N|own existing',
    ]);
  });

  it('stops a flows-only walk when told to, and never throws on hostile bodies', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ To_Account: `t${i}` }));
    let calls = 0;
    visitParties(
      'tencent',
      'Sns.CallbackPrevFriendAdd',
      { From_Account: 'me', FriendItem: items },
      {
        flow: () => ++calls < 3,
      },
    );
    expect(calls).toBe(3);
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { Info: deep };
    for (const body of [null, 1, 'x', [], deep, JSON.parse('{"__proto__":{"fromUserID":"x"}}'), { PairList: [null] }]) {
      expect(walk('openim', 'callbackBeforeAddFriendCommand', body)).toEqual({ parties: [], flows: [] });
      expect(() => walk('tencent', 'State.StateChange', body)).not.toThrow();
    }
  });
});
