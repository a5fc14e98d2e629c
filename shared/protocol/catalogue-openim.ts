import type { CommandFamily, CommandInfo, FieldSpec } from './types.js';

/** OpenIM callbacks (protocols.md A.4 relationship, A.5 others and legacy names). Wire keys are exact. */

const str = (name: string, description: string): FieldSpec => ({ name, type: 'string', required: true, description });
const command = (name: string): FieldSpec => str('callbackCommand', `always "${name}"`);

const agreeFields = (name: string): FieldSpec[] => [
  command(name),
  str('fromUserID', 'the original applicant'),
  str('blackUserID', 'the user who agrees (JSON tag bug: the struct field is ToUserID)'),
  { name: 'HandleResult', type: 'number', int: 'int32', required: true, description: 'always 1 (agree)' },
  str('HandleMsg', "the responder's message"),
];

const rel = (
  name: string,
  phase: 'before' | 'after',
  title: string,
  configKey: string,
  subject: string,
  fields: FieldSpec[],
  sample: Record<string, unknown>,
  responseFields: string[] = [],
): CommandInfo => ({
  dialect: 'openim',
  name,
  phase,
  family: 'relationship',
  title,
  configKey,
  modelled: true,
  fields,
  responseFields,
  sample: { callbackCommand: name, ...sample },
  subject,
});

const B_ADD = 'callbackBeforeAddFriendCommand';
const A_ADD = 'callbackAfterAddFriendCommand';
const B_AGREE = 'callbackBeforeAddFriendAgreeCommand';
const A_AGREE = 'callbackAfterAddFriendAgreeCommand';
const A_DEL = 'callbackAfterDeleteFriendCommand';
const B_REMARK = 'callbackBeforeSetFriendRemarkCommand';
const A_REMARK = 'callbackAfterSetFriendRemarkCommand';
const B_IMPORT = 'callbackBeforeImportFriendsCommand';
const A_IMPORT = 'callbackAfterImportFriendsCommand';
const B_BLACK = 'callbackBeforeAddBlackCommand';
const A_UNBLACK = 'callbackAfterRemoveBlackCommand';

const friendIds: FieldSpec = {
  name: 'friendUserIDs',
  type: 'string[]',
  required: true,
  description: 'users to make friends with the owner',
};

export const OPENIM_RELATIONSHIP: CommandInfo[] = [
  rel(
    B_ADD,
    'before',
    'Before add friend',
    'beforeAddFriend',
    'the friend request',
    [
      command(B_ADD),
      str('fromUserID', 'applicant'),
      str('toUserID', 'user being asked'),
      str('reqMsg', 'request message'),
      str('ex', 'extension data'),
    ],
    { fromUserID: 'user123', toUserID: 'user456', reqMsg: "Hi, let's be friends!", ex: '' },
  ),
  rel(
    A_ADD,
    'after',
    'After add friend (request stored)',
    'afterAddFriend',
    'the friend request',
    [command(A_ADD), str('fromUserID', 'applicant'), str('toUserID', 'user being asked'), str('reqMsg', 'message')],
    { fromUserID: 'user123', toUserID: 'user456', reqMsg: "Hi, let's be friends!" },
  ),
  rel(
    B_AGREE,
    'before',
    'Before agree to friend request',
    'beforeAddFriendAgree',
    'accepting the friend request',
    agreeFields(B_AGREE),
    {
      fromUserID: 'user123',
      blackUserID: 'user456',
      HandleResult: 1,
      HandleMsg: "Let's be friends!",
    },
  ),
  rel(
    A_AGREE,
    'after',
    'After agree to friend request',
    'afterAddFriendAgree',
    'accepting the friend request',
    agreeFields(A_AGREE),
    {
      fromUserID: 'user123',
      blackUserID: 'user456',
      HandleResult: 1,
      HandleMsg: "Let's be friends!",
    },
  ),
  rel(
    A_DEL,
    'after',
    'After delete friend',
    'afterDeleteFriend',
    'the friend deletion',
    [command(A_DEL), str('ownerUserID', 'user deleting'), str('friendUserID', 'friend removed')],
    { ownerUserID: 'user123', friendUserID: 'user456' },
  ),
  rel(
    B_REMARK,
    'before',
    'Before set friend remark',
    'beforeSetFriendRemark',
    'the remark change',
    [
      command(B_REMARK),
      str('ownerUserID', 'user setting the remark'),
      str('friendUserID', 'friend'),
      str('remark', 'proposed remark'),
    ],
    { ownerUserID: 'user123', friendUserID: 'user456', remark: 'My Best Friend' },
    ['remark'],
  ),
  rel(
    A_REMARK,
    'after',
    'After set friend remark',
    'afterSetFriendRemark',
    'the remark change',
    [
      command(A_REMARK),
      str('ownerUserID', 'user setting the remark'),
      str('friendUserID', 'friend'),
      str('remark', 'final remark'),
    ],
    { ownerUserID: 'user123', friendUserID: 'user456', remark: 'My Best Friend' },
  ),
  rel(
    B_IMPORT,
    'before',
    'Before import friends',
    'beforeImportFriends',
    'the friend import',
    [command(B_IMPORT), str('ownerUserID', 'owner'), friendIds],
    { ownerUserID: 'user123', friendUserIDs: ['user456', 'user789'] },
    ['friendUserIDs'],
  ),
  rel(
    A_IMPORT,
    'after',
    'After import friends',
    'afterImportFriends',
    'the friend import',
    [command(A_IMPORT), str('ownerUserID', 'owner'), { ...friendIds, description: 'final list' }],
    { ownerUserID: 'user123', friendUserIDs: ['user456', 'user789'] },
  ),
  rel(
    B_BLACK,
    'before',
    'Before add to blocklist',
    'beforeAddBlack',
    'the blocklist add',
    [command(B_BLACK), str('ownerUserID', 'user blocking'), str('blackUserID', 'user blocked')],
    { ownerUserID: 'user123', blackUserID: 'user456' },
  ),
  rel(
    A_UNBLACK,
    'after',
    'After remove from blocklist',
    'afterRemoveBlack',
    'the blocklist removal',
    [command(A_UNBLACK), str('ownerUserID', 'user unblocking'), str('blackUserID', 'user unblocked')],
    { ownerUserID: 'user123', blackUserID: 'user456' },
  ),
];

/** [wire name, phase, family, title] for recognised but not modelled commands (A.5, main). */
const NAMED: [string, 'before' | 'after', CommandFamily, string][] = [
  ['callbackBeforeSendSingleMsgCommand', 'before', 'message', 'Before send 1:1 message'],
  ['callbackAfterSendSingleMsgCommand', 'after', 'message', 'After send 1:1 message'],
  ['callbackBeforeSendGroupMsgCommand', 'before', 'message', 'Before send group message'],
  ['callbackAfterSendGroupMsgCommand', 'after', 'message', 'After send group message'],
  ['callbackBeforeMsgModifyCommand', 'before', 'message', 'Before message modify'],
  ['callbackAfterMsgSaveDBCommand', 'after', 'message', 'After message saved'],
  ['callbackAfterSingleMsgReadCommand', 'after', 'message', 'After 1:1 read report'],
  ['callbackAfterGroupMsgReadCommand', 'after', 'message', 'After group read report'],
  // The constant is CallbackAfterRevokeMsgCommand but the wire string really says BeforeAfter.
  ['callbackBeforeAfterMsgCommand', 'after', 'message', 'After message revoked'],
  ['callbackBeforeOfflinePushCommand', 'before', 'push', 'Before offline push'],
  ['callbackBeforeOnlinePushCommand', 'before', 'push', 'Before online push'],
  ['callbackBeforeGroupOnlinePushCommand', 'before', 'push', 'Before group online push'],
  ['callbackBeforeUserRegisterCommand', 'before', 'user', 'Before user register'],
  ['callbackAfterUserRegisterCommand', 'after', 'user', 'After user register'],
  ['callbackBeforeUpdateUserInfoCommand', 'before', 'user', 'Before update user info'],
  ['callbackAfterUpdateUserInfoCommand', 'after', 'user', 'After update user info'],
  ['callbackBeforeUpdateUserInfoExCommand', 'before', 'user', 'Before update user info (Ex)'],
  ['callbackAfterUpdateUserInfoExCommand', 'after', 'user', 'After update user info (Ex)'],
  ['callbackAfterUserOnlineCommand', 'after', 'status', 'After user online'],
  ['callbackAfterUserOfflineCommand', 'after', 'status', 'After user offline'],
  ['callbackAfterUserKickOffCommand', 'after', 'status', 'After user kicked off'],
  ['callbackBeforeCreateGroupCommand', 'before', 'group', 'Before create group'],
  ['callbackAfterCreateGroupCommand', 'after', 'group', 'After create group'],
  ['callbackBeforeMembersJoinGroupCommand', 'before', 'group', 'Before members join group'],
  ['callbackBeforeJoinGroupCommand', 'before', 'group', 'Before apply to join group'],
  ['callbackBeforeInviteJoinGroupCommand', 'before', 'group', 'Before invite to group'],
  ['callbackAfterJoinGroupCommand', 'after', 'group', 'After join group'],
  ['callbackAfterQuitGroupCommand', 'after', 'group', 'After quit group'],
  ['callbackAfterKickGroupCommand', 'after', 'group', 'After kick from group'],
  ['callbackAfterDisMissGroupCommand', 'after', 'group', 'After dismiss group'],
  ['callbackAfterTransferGroupOwnerCommand', 'after', 'group', 'After transfer group owner'],
  ['callbackBeforeSetGroupInfoCommand', 'before', 'group', 'Before set group info'],
  ['callbackAfterSetGroupInfoCommand', 'after', 'group', 'After set group info'],
  ['callbackBeforeSetGroupInfoExCommand', 'before', 'group', 'Before set group info (Ex)'],
  ['callbackAfterSetGroupInfoExCommand', 'after', 'group', 'After set group info (Ex)'],
  ['callbackBeforeSetGroupMemberInfoCommand', 'before', 'group', 'Before set group member info'],
  ['callbackAfterSetGroupMemberInfoCommand', 'after', 'group', 'After set group member info'],
  ['callbackBeforeCreateSingleChatConversationsCommand', 'before', 'conversation', 'Before create 1:1 conversations'],
  ['callbackAfterCreateSingleChatConversationsCommand', 'after', 'conversation', 'After create 1:1 conversations'],
  ['callbackBeforeCreateGroupChatConversationsCommand', 'before', 'conversation', 'Before create group conversations'],
  ['callbackAfterCreateGroupChatConversationsCommand', 'after', 'conversation', 'After create group conversations'],
];

/** ≤ v3.6 names renamed in v3.7.0 (A.4.13, A.5 legacy list): [legacy, current]. */
const LEGACY: [string, string][] = [
  ['callbackQuitGroupCommand', 'callbackAfterQuitGroupCommand'],
  ['callbackKillGroupCommand', 'callbackAfterKickGroupCommand'],
  ['callbackDisMissGroupCommand', 'callbackAfterDisMissGroupCommand'],
  ['callbackGroupMsgReadCommand', 'callbackAfterGroupMsgReadCommand'],
  ['callbackSingleMsgRead', 'callbackAfterSingleMsgReadCommand'],
  ['callbackMsgModifyCommand', 'callbackBeforeMsgModifyCommand'],
  ['callbackOfflinePushCommand', 'callbackBeforeOfflinePushCommand'],
  ['callbackOnlinePushCommand', 'callbackBeforeOnlinePushCommand'],
  ['callbackSuperGroupOnlinePushCommand', 'callbackBeforeGroupOnlinePushCommand'],
  ['callbackUserOnlineCommand', 'callbackAfterUserOnlineCommand'],
  ['callbackUserOfflineCommand', 'callbackAfterUserOfflineCommand'],
  ['callbackUserKickOffCommand', 'callbackAfterUserKickOffCommand'],
  ['callbackBeforeMemberJoinGroupCommand', 'callbackBeforeMembersJoinGroupCommand'],
  ['callbackAfterTransferGroupOwner', 'callbackAfterTransferGroupOwnerCommand'],
  ['callbackBeforeSetFriendRemark', B_REMARK],
  ['callbackAfterSetFriendRemark', A_REMARK],
];

const named = (name: string, phase: 'before' | 'after', family: CommandFamily, title: string): CommandInfo => ({
  dialect: 'openim',
  name,
  phase,
  family,
  title,
  modelled: false,
  fields: [],
  responseFields: [],
});

const OPENIM_NAMED = NAMED.map(([name, phase, family, title]) => named(name, phase, family, title));

const current = [...OPENIM_RELATIONSHIP, ...OPENIM_NAMED];

/**
 * Legacy names keep the current command's fields so an old server's set-remark callback is still validated
 * (the body shape did not change with the rename), but they are marked legacy and point at the new name.
 */
const OPENIM_LEGACY: CommandInfo[] = LEGACY.map(([name, renamedTo]) => {
  const now = current.find((c) => c.name === renamedTo);
  const base = now ?? named(name, 'after', 'message', name);
  const { sample: _sample, configKey: _configKey, ...rest } = base;
  return { ...rest, name, title: `${base.title} (legacy name)`, legacy: true, renamedTo };
});

export const OPENIM_COMMANDS: CommandInfo[] = [...current, ...OPENIM_LEGACY];
