import type { FieldSpec } from '../../types.js';
import { ALL_PROFILES, BEFORE_V37, FROM_V342, type OpenImRow } from '../row.js';
import { commandField, int, nint, nstr, objs, operationID, present, str, strs } from './go-types.js';
import { GROUP_INFO, SRC } from './group-info.js';

/**
 * OpenIM group callbacks: create, members, member info, quit / kick / dismiss / transfer. Structs
 * `pkg/callbackstruct/group.go`; call sites `internal/rpc/group/callback.go`, `group.go`. Before v3.7 the
 * after-callbacks run inline and their error reaches the API caller after the change is stored.
 * research/openim/group.md.
 */

/** The embedded *sdkws.GroupInfo, flattened (openimsdk/protocol sdkws.pb.go; in-repo pkg/proto/sdkws at v3.0.0). */
const groupInfo = (): FieldSpec[] => [
  str('groupID', 'group ID ("" = the server generates one)'),
  str('groupName', 'group name'),
  str('notification', 'group notice'),
  str('introduction', 'introduction'),
  str('faceURL', 'avatar URL'),
  str('ownerUserID', 'owner'),
  { ...int('createTime', 'int64', 'creation time, ms (0 before the group is stored)'), unit: 'ms' },
  int('memberCount', 'uint32', 'member count'),
  str('ex', 'extension data'),
  int('status', 'int32', 'group status'),
  str('creatorUserID', 'creator'),
  int('groupType', 'int32', 'group type (2 working group)'),
  int('needVerification', 'int32', 'join verification mode'),
  int('lookMemberInfo', 'int32', 'members may view member info'),
  int('applyMemberFriend', 'int32', 'members may add each other'),
  { ...int('notificationUpdateTime', 'int64', 'notice update time, ms'), unit: 'ms' },
  str('notificationUserID', 'who updated the notice'),
];
const initMembers = (): FieldSpec =>
  objs('initMemberList', 'owner (100), admins (60), members (20)', [
    str('userID', 'member'),
    int('roleLevel', 'int32', '100 owner, 60 admin, 20 member'),
  ]);
const [B_CREATE, A_CREATE] = ['callbackBeforeCreateGroupCommand', 'callbackAfterCreateGroupCommand'];
const MEMBERS = 'callbackBeforeMembersJoinGroupCommand';
const [B_MINFO, A_MINFO] = ['callbackBeforeSetGroupMemberInfoCommand', 'callbackAfterSetGroupMemberInfoCommand'];

const groupSample = {
  groupID: 'group001',
  groupName: 'Team',
  notification: '',
  introduction: '',
  faceURL: '',
  ownerUserID: 'user123',
  createTime: 0,
  memberCount: 0,
  ex: '',
  status: 0,
  creatorUserID: 'user123',
  groupType: 2,
  needVerification: 0,
  lookMemberInfo: 0,
  applyMemberFriend: 0,
  notificationUpdateTime: 0,
  notificationUserID: '',
  initMemberList: [
    { userID: 'user123', roleLevel: 100 },
    { userID: 'user456', roleLevel: 20 },
  ],
};
/** The create-group answer (CallbackBeforeCreateGroupResp): pointers copied when not null; applyMemberFriend is not. */
const createAnswer = [
  ...['groupID', 'groupName', 'notification', 'introduction', 'faceURL', 'ownerUserID', 'ex', 'creatorUserID'].map(
    (n) => present(n, 'string', `replaces the new group's ${n}`),
  ),
  ...['status', 'groupType', 'needVerification', 'lookMemberInfo'].map((n) =>
    present(n, 'number', `replaces the new group's ${n}`, { int: 'int32' }),
  ),
];
/** One member per call (≤ v3.7.x): v3.0–v3.4.0 with operationID second (group.go @ v3.4.0). */
const oneMember = (name: string, withOp: boolean): FieldSpec[] => [
  commandField(name),
  ...(withOp ? [operationID()] : []),
  str('groupID', 'group'),
  str('userID', 'joining user'),
  str('ex', "member's extension data"),
  str('groupEx', "group's extension data"),
];
const memberAnswer = (): FieldSpec[] => [
  nstr('nickname', 'group nickname'),
  nstr('faceURL', 'group avatar'),
  nint('roleLevel', 'role level'),
  nullableInt64('muteEndTime', 'muted until, ms'),
  nstr('ex', 'extension data'),
];
function nullableInt64(name: string, description: string): FieldSpec {
  return { ...int(name, 'int64', description), nullable: true };
}
const memberInfo = (name: string, withOp: boolean): FieldSpec[] => [
  commandField(name),
  ...(withOp ? [operationID()] : []),
  str('groupID', 'group'),
  str('userID', 'member'),
  nstr('nickName', 'new group nickname (null = unchanged)'),
  nstr('faceURL', 'new group avatar (null = unchanged)'),
  nint('roleLevel', 'new role level (null = unchanged)'),
  nstr('ex', 'new extension data (null = unchanged)'),
];
const memberSample = {
  groupID: 'group001',
  userID: 'user456',
  nickName: 'Bob in Team',
  faceURL: null,
  roleLevel: null,
  ex: null,
};

const GROUP_MEMBERS: readonly OpenImRow[] = [
  {
    name: B_CREATE,
    phase: 'before',
    family: 'group',
    title: 'Before create group',
    short: 'create group',
    subject: 'the new group',
    configKey: 'beforeCreateGroup',
    oldConfigKey: 'beforeCreateGroup',
    // operationID comes first in every version; the GroupInfo keys follow callbackCommand.
    fields: [operationID(), commandField(B_CREATE), ...groupInfo(), initMembers()],
    answer: createAnswer,
    sends: { profiles: ALL_PROFILES },
    failure: 'fails-operation',
    // The id is made after this callback when the client gave none: creator and name key the flow until then.
    parties: { from: 'ownerUserID', group: 'groupID', created: { by: 'ownerUserID', name: 'groupName' } },
    next: [{ command: A_CREATE, when: 'proceeds', note: 'from v3.4.2' }],
    source: `${SRC} CallbackBeforeCreateGroupReq/Resp; internal/rpc/group/callback.go webhookBeforeCreateGroup`,
    sample: { operationID: '1733580000000', ...groupSample },
  },
  {
    name: A_CREATE,
    phase: 'after',
    family: 'group',
    title: 'After create group',
    short: 'group created',
    subject: 'the new group',
    configKey: 'afterCreateGroup',
    oldConfigKey: 'afterCreateGroup',
    fields: [commandField(A_CREATE), ...groupInfo(), initMembers()],
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'ownerUserID', group: 'groupID', created: { by: 'ownerUserID', name: 'groupName' } },
    source: `${SRC} CallbackAfterCreateGroupReq`,
    sample: { ...groupSample, createTime: 1733580000000, memberCount: 2 },
  },
  {
    name: MEMBERS,
    phase: 'before',
    family: 'group',
    title: 'Before members join group',
    short: 'members join group',
    subject: 'the new members',
    configKey: 'beforeMemberJoinGroup',
    oldConfigKey: 'beforeMemberJoinGroup',
    fields: [
      commandField(MEMBERS),
      str('groupID', 'group'),
      objs('memberList', 'joining members', [str('userID', 'member'), str('ex', "member's extension data")]),
      str('groupEx', "group's extension data"),
    ],
    answer: [
      present(
        'memberCallbackList',
        'object[]',
        "sets each listed member's nickname, faceURL, roleLevel, muteEndTime (ms) or ex (userID picks the member)",
        {
          noun: 'member(s)',
        },
      ),
    ],
    // v3.8.0 made it one call for all members (group.go @ v3.8.0); before, one call per member under the old name.
    sends: { profiles: ['v3.7+'], from: 'v3.8.0' },
    legacyNames: [
      {
        name: 'callbackBeforeMemberJoinGroupCommand',
        profiles: ALL_PROFILES,
        fields: oneMember('callbackBeforeMemberJoinGroupCommand', false),
        wire: { 'v3.0-v3.4.0': { fields: oneMember('callbackBeforeMemberJoinGroupCommand', true) } },
        answer: memberAnswer().map((f) =>
          present(f.name, f.type, `sets the joining member's ${f.name}`, f.int ? { int: f.int } : {}),
        ),
      },
    ],
    failure: 'fails-operation',
    parties: { group: 'groupID', to: 'memberList[].userID' },
    source: `${SRC} CallbackBeforeMembersJoinGroupReq (v3.8.0+), CallbackBeforeMemberJoinGroupReq (≤ v3.7)`,
    sample: { groupID: 'group001', memberList: [{ userID: 'user456', ex: '' }], groupEx: '' },
  },
  {
    name: B_MINFO,
    phase: 'before',
    family: 'group',
    title: 'Before set group member info',
    short: 'set member info',
    subject: 'the member info change',
    configKey: 'beforeSetGroupMemberInfo',
    oldConfigKey: 'beforeSetGroupMemberInfo',
    fields: memberInfo(B_MINFO, false),
    answer: [
      present('ex', 'string', "replaces the member's extension data"),
      present('nickName', 'string', "replaces the member's group nickname"),
      present('faceURL', 'string', "replaces the member's group avatar"),
      present('roleLevel', 'number', "replaces the member's role level", { int: 'int32' }),
    ],
    sends: { profiles: FROM_V342 },
    // v3.0–v3.4.0 spelled it with a capital C (pkg/common/constant/constant.go:214 @ v3.0.0, protocol v0.0.31).
    legacyNames: [
      {
        name: 'CallbackBeforeSetGroupMemberInfoCommand',
        profiles: ['v3.0-v3.4.0'],
        fields: memberInfo('CallbackBeforeSetGroupMemberInfoCommand', true),
      },
    ],
    failure: 'fails-operation',
    parties: { from: 'userID', group: 'groupID' },
    next: [{ command: A_MINFO, when: 'proceeds', note: 'from v3.4.2' }],
    source: `${SRC} CallbackBeforeSetGroupMemberInfoReq/Resp; internal/rpc/group/callback.go`,
    sample: memberSample,
  },
  {
    name: A_MINFO,
    phase: 'after',
    family: 'group',
    title: 'After set group member info',
    short: 'member info set',
    subject: 'the member info change',
    configKey: 'afterSetGroupMemberInfo',
    oldConfigKey: 'afterSetGroupMemberInfo',
    fields: memberInfo(A_MINFO, false),
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'userID', group: 'groupID' },
    source: `${SRC} CallbackAfterSetGroupMemberInfoReq`,
    sample: memberSample,
  },
  after(
    'callbackAfterQuitGroupCommand',
    'After quit group',
    'member left',
    'afterQuitGroup',
    'quitGroup',
    'callbackQuitGroupCommand',
    [str('groupID', 'group'), str('userID', 'user who left')],
    { groupID: 'group001', userID: 'user789' },
    'CallbackQuitGroupReq',
  ),
  after(
    'callbackAfterKickGroupCommand',
    'After kick from group',
    'members kicked',
    'afterKickGroupMember',
    'killGroupMember',
    'callbackKillGroupCommand',
    [str('groupID', 'group'), strs('kickedUserIDs', 'users removed'), str('reason', 'reason')],
    { groupID: 'group001', kickedUserIDs: ['user789'], reason: 'spam' },
    'CallbackKillGroupMemberReq',
  ),
  after(
    'callbackAfterDisMissGroupCommand',
    'After dismiss group',
    'group dismissed',
    'afterDismissGroup',
    'dismissGroup',
    'callbackDisMissGroupCommand',
    [
      str('groupID', 'group'),
      str('ownerID', 'owner'),
      // group.go DismissGroup: GroupType: string(group.GroupType) — an int32 converted to a one-rune string.
      str('groupType', 'the group type as one character (Go string(int32): type 2 is "\\u0002")'),
      strs('membersID', 'members at dismissal'),
    ],
    { groupID: 'group001', ownerID: 'user123', groupType: '\u0002', membersID: ['user123', 'user456'] },
    'CallbackDisMissGroupReq',
  ),
];

/** A group after-callback sent from v3.4.2, renamed in v3.7.0. */
function after(
  name: string,
  title: string,
  short: string,
  configKey: string,
  oldConfigKey: string,
  legacy: string,
  body: FieldSpec[],
  sample: Record<string, unknown>,
  struct: string,
): OpenImRow {
  return {
    name,
    phase: 'after',
    family: 'group',
    title,
    short,
    subject: 'the group change',
    configKey,
    oldConfigKey,
    fields: [commandField(name), ...body],
    sends: { profiles: ['v3.7+'] },
    legacyNames: [{ name: legacy, profiles: BEFORE_V37 }],
    failure: 'ignored',
    parties: { group: 'groupID' },
    source: `${SRC} ${struct}`,
    sample,
  };
}

/** Every group callback. */
export const GROUP: readonly OpenImRow[] = [...GROUP_MEMBERS, ...GROUP_INFO];
