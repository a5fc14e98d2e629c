import { describe, expect, it } from 'vitest';
import { catalogue, findCommand, guessPhase, sampleCommands } from './catalogue.js';
import { EXAMPLES } from './testing/fixtures.js';

const openimRel = catalogue.filter((c) => c.dialect === 'openim' && c.family === 'relationship' && !c.legacy);
const tencentRel = catalogue.filter((c) => c.dialect === 'tencent' && c.family === 'relationship');

describe('catalogue', () => {
  it('models all 11 OpenIM relationship callbacks with their webhooks.yml keys (A.3)', () => {
    expect(openimRel.map((c) => [c.name, c.phase, c.configKey])).toEqual([
      ['callbackBeforeAddFriendCommand', 'before', 'beforeAddFriend'],
      ['callbackAfterAddFriendCommand', 'after', 'afterAddFriend'],
      ['callbackBeforeAddFriendAgreeCommand', 'before', 'beforeAddFriendAgree'],
      ['callbackAfterAddFriendAgreeCommand', 'after', 'afterAddFriendAgree'],
      ['callbackAfterDeleteFriendCommand', 'after', 'afterDeleteFriend'],
      ['callbackBeforeSetFriendRemarkCommand', 'before', 'beforeSetFriendRemark'],
      ['callbackAfterSetFriendRemarkCommand', 'after', 'afterSetFriendRemark'],
      ['callbackBeforeImportFriendsCommand', 'before', 'beforeImportFriends'],
      ['callbackAfterImportFriendsCommand', 'after', 'afterImportFriends'],
      ['callbackBeforeAddBlackCommand', 'before', 'beforeAddBlack'],
      ['callbackAfterRemoveBlackCommand', 'after', 'afterRemoveBlack'],
    ]);
    expect(openimRel.every((c) => c.modelled && c.sample && c.fields[0]?.name === 'callbackCommand')).toBe(true);
  });

  it('models the six Tencent Sns callbacks', () => {
    expect(tencentRel.map((c) => [c.name, c.phase])).toEqual([
      ['Sns.CallbackPrevFriendAdd', 'before'],
      ['Sns.CallbackPrevFriendResponse', 'before'],
      ['Sns.CallbackFriendAdd', 'after'],
      ['Sns.CallbackFriendDelete', 'after'],
      ['Sns.CallbackBlackListAdd', 'after'],
      ['Sns.CallbackBlackListDelete', 'after'],
    ]);
  });

  it('uses the exact wire keys and JSON types', () => {
    const agree = findCommand('callbackBeforeAddFriendAgreeCommand');
    expect(agree?.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'callbackCommand:string',
      'fromUserID:string',
      'blackUserID:string',
      'HandleResult:number',
      'HandleMsg:string',
    ]);
    expect(findCommand('callbackAfterAddFriendCommand')?.fields.map((f) => f.name)).not.toContain('ex');
    expect(findCommand('callbackBeforeAddBlackCommand')?.fields.map((f) => f.name)).not.toContain('ex');
    expect(findCommand('callbackBeforeImportFriendsCommand')?.fields[2]).toMatchObject({
      name: 'friendUserIDs',
      type: 'string[]',
    });
    expect(findCommand('callbackBeforeSetFriendRemarkCommand')?.responseFields).toEqual(['remark']);
    expect(findCommand('callbackBeforeImportFriendsCommand')?.responseFields).toEqual(['friendUserIDs']);
    expect(findCommand('callbackAfterSetFriendRemarkCommand')?.responseFields).toEqual([]);
    const add = findCommand('Sns.CallbackPrevFriendAdd');
    expect(add?.fields.find((f) => f.name === 'EventTime')).toMatchObject({ type: 'number', int: 'int64' });
    expect(add?.fields.find((f) => f.name === 'FriendItem')?.items?.map((f) => f.name)).toContain('GroupName');
    const resp = findCommand('Sns.CallbackPrevFriendResponse');
    expect(resp?.fields.find((f) => f.name === 'ResponseFriendItem')?.items?.map((f) => f.name)).toContain('TagName');
    expect(add?.responseFields).toEqual(['ResultItem']);
  });

  it('carries the example bodies of the spec as samples', () => {
    for (const [name, text] of Object.entries(EXAMPLES)) {
      expect(findCommand(name)?.sample, name).toEqual(JSON.parse(text));
    }
    expect(Object.keys(EXAMPLES)).toHaveLength(11);
  });

  it('lists modelled sample commands, OpenIM first (all 52 current OpenIM commands, then 37 Tencent)', () => {
    const s = sampleCommands();
    const firstTencent = s.findIndex((c) => c.dialect === 'tencent');
    expect(firstTencent).toBe(52);
    expect(s.slice(0, firstTencent).every((c) => c.dialect === 'openim')).toBe(true);
    // Tencent: 6 Sns + 4 C2C + 23 Group + State.StateChange + Profile.CallbackPortraitSet + 2 Follow.
    expect(s.slice(firstTencent).every((c) => c.dialect === 'tencent')).toBe(true);
    expect(s.length - firstTencent).toBe(37);
  });

  it('names and classifies non-friend and legacy commands', () => {
    expect(findCommand('callbackBeforeSendGroupMsgCommand')).toMatchObject({
      family: 'message',
      phase: 'before',
      modelled: true,
      configKey: 'beforeSendGroupMsg',
    });
    expect(findCommand('callbackBeforeAfterMsgCommand')).toMatchObject({ phase: 'after' });
    expect(findCommand('callbackAfterUserOnlineCommand')).toMatchObject({ family: 'status', phase: 'after' });
    expect(findCommand('callbackBeforeCreateGroupChatConversationsCommand')).toMatchObject({ family: 'conversation' });
    expect(findCommand('callbackKillGroupCommand')).toMatchObject({
      legacy: true,
      renamedTo: 'callbackAfterKickGroupCommand',
    });
    expect(findCommand('callbackAfterSetFriendRemark')).toMatchObject({
      legacy: true,
      phase: 'after',
      family: 'relationship',
    });
    expect(findCommand('Profile.CallbackPortraitSet')).toMatchObject({
      dialect: 'tencent',
      family: 'profile',
      phase: 'after',
    });
    expect(findCommand('Follow.CallbackAfterFollowDelete')).toMatchObject({ family: 'follow' });
    // The names v3.0–v3.7 used (constant.go at each tag; research/openim): 18, two more than protocols.md A.5 lists
    // (callbackTransferGroupOwnerAfter of v3.4.2–v3.5, CallbackBeforeSetGroupMemberInfoCommand of v3.0–v3.4.0).
    const legacy = catalogue.filter((c) => c.legacy && c.dialect === 'openim');
    expect(legacy).toHaveLength(18);
    expect(findCommand('CallbackBeforeSetGroupMemberInfoCommand')).toMatchObject({
      legacy: true,
      renamedTo: 'callbackBeforeSetGroupMemberInfoCommand',
    });
    expect(findCommand('callbackTransferGroupOwnerAfter')).toMatchObject({
      renamedTo: 'callbackAfterTransferGroupOwnerCommand',
    });
    for (const c of legacy) expect(findCommand(c.renamedTo ?? ''), c.name).toBeDefined();
    expect(new Set(catalogue.map((c) => c.name)).size).toBe(catalogue.length);
  });

  it('filters by dialect and rejects prototype names', () => {
    expect(findCommand('Sns.CallbackFriendAdd', 'openim')).toBeUndefined();
    expect(findCommand('Sns.CallbackFriendAdd', 'unknown')).toBeDefined();
    expect(findCommand('constructor')).toBeUndefined();
    expect(findCommand('callbackbeforeaddfriendcommand')).toBeUndefined();
  });

  it('guesses phases from names', () => {
    expect(guessPhase('C2C.CallbackBeforeSendMsg')).toBe('before');
    expect(guessPhase('Group.CallbackPrevJoin')).toBe('before');
    expect(guessPhase('callbackAfterXCommand')).toBe('after');
    expect(guessPhase('State.CallbackStateChange')).toBe('after');
    expect(guessPhase('hello')).toBe('unknown');
  });
});
