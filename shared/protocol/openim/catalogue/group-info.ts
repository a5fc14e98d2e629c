import type { FieldSpec } from '../../types.js';
import { FROM_V342, type OpenImRow } from '../row.js';
import { commandField, int, nint, nstr, operationID, present, str, strs } from './go-types.js';

/**
 * OpenIM group callbacks: applying, inviting, joining, owner transfer and group info edits. Structs
 * `pkg/callbackstruct/group.go`; call sites `internal/rpc/group/callback.go`, `group.go`. research/openim/group.md.
 */

/** The group structs, for `source` (group.ts too). */
export const SRC = 'open-im-server@v3.8.3 pkg/callbackstruct/group.go';
const APPLY = 'callbackBeforeJoinGroupCommand';
const INVITE = 'callbackBeforeInviteJoinGroupCommand';
const JOINED = 'callbackAfterJoinGroupCommand';
const OWNER = 'callbackAfterTransferGroupOwnerCommand';
const [B_INFO, A_INFO] = ['callbackBeforeSetGroupInfoCommand', 'callbackAfterSetGroupInfoCommand'];
const [B_EX, A_EX] = ['callbackBeforeSetGroupInfoExCommand', 'callbackAfterSetGroupInfoExCommand'];

/** CallbackJoinGroupReq. */
const applyFields = (): FieldSpec[] => [
  commandField(APPLY),
  str('groupID', 'group'),
  // group.go JoinGroup: GroupType: string(group.GroupType) — an int32 converted to a one-rune string.
  str('groupType', 'the group type as one character (Go string(int32): type 2 is "\\u0002")'),
  str('applyID', "the request's inviterUserID (usually empty; the applicant is not in the body)"),
  str('reqMessage', 'application message'),
  // `ex` arrives in v3.5.0 (group.go @ v3.5.0): a v3.4.2 body has none.
  { ...str('ex', 'extension data'), required: false, since: 'v3.5.0' },
];

/**
 * Set-group-info request: `operationID` is declared but never set (always ""). `plain`: the before-callback's
 * string/int32 fields; otherwise the after-callback's pointers (null = not changed).
 */
const infoFields = (name: string, plain: boolean): FieldSpec[] => [
  commandField(name),
  { ...operationID(), description: 'declared but never set by the server: always ""' },
  str('groupID', 'group'),
  str('groupName', 'group name'),
  str('notification', 'group notice'),
  str('introduction', 'introduction'),
  str('faceURL', 'avatar URL'),
  plain ? str('ex', 'extension data') : nstr('ex', 'extension data (null = not changed)'),
  plain
    ? int('needVerification', 'int32', 'join verification (0 when not changed)')
    : nint('needVerification', 'join verification (null = not changed)'),
  plain
    ? int('lookMemberInfo', 'int32', 'view member info')
    : nint('lookMemberInfo', 'view member info (null = not changed)'),
  plain
    ? int('applyMemberFriend', 'int32', 'add each other')
    : nint('applyMemberFriend', 'add each other (null = not changed)'),
];
/** Set-group-info-Ex: protobuf wrappers, a value or null (not changed). */
const exFields = (name: string): FieldSpec[] => [
  commandField(name),
  { ...operationID(), description: 'declared but never set by the server: always ""' },
  str('groupID', 'group'),
  nstr('groupName', 'group name (null = not changed)'),
  nstr('notification', 'group notice (null = not changed)'),
  nstr('introduction', 'introduction (null = not changed)'),
  nstr('faceURL', 'avatar URL (null = not changed)'),
  nstr('ex', 'extension data (null = not changed)'),
  nint('needVerification', 'join verification (null = not changed)'),
  nint('lookMemberInfo', 'view member info (null = not changed)'),
  nint('applyMemberFriend', 'add each other (null = not changed)'),
];
const infoSample = {
  operationID: '',
  groupID: 'group001',
  groupName: 'Team A',
  notification: '',
  introduction: '',
  faceURL: '',
  ex: '',
  needVerification: 0,
  lookMemberInfo: 0,
  applyMemberFriend: 0,
};
const exSample = {
  operationID: '',
  groupID: 'group001',
  groupName: 'Team A',
  notification: null,
  introduction: null,
  faceURL: null,
  ex: null,
  needVerification: 1,
  lookMemberInfo: null,
  applyMemberFriend: null,
};
/**
 * v3.7+ webhookBeforeSetGroupInfo copies groupID, groupName, faceURL and introduction with NotNilReplace(&x, &resp.X)
 * on plain strings: always, so an answer without them clears them (groupID "" then fails the update). v3.4.2–v3.6
 * do not take them at all (StructFieldNotNilReplace matches no field). Echo them.
 */
const copiedAlways = (what: string) =>
  present(
    what,
    'string',
    `replaces the group's ${what}; v3.7+ copies it even when absent, so a default answer echoes it`,
    {
      echo: true,
      copy: { 'v3.7+': 'always', 'v3.6': 'never', 'v3.4.2-v3.5': 'never' },
    },
  );

/** What the set-group-info rows share: the family, the subject and the versions that send them. */
const setInfo = {
  family: 'group',
  subject: 'the group info change',
  sends: { profiles: FROM_V342 },
} satisfies Partial<OpenImRow>;
/** The same for the Ex variants, called from v3.8.1 on. */
const setInfoEx = {
  family: 'group',
  subject: 'the group info change',
  sends: { profiles: ['v3.7+'], from: 'v3.8.1' },
} satisfies Partial<OpenImRow>;

export const GROUP_INFO: readonly OpenImRow[] = [
  {
    name: APPLY,
    phase: 'before',
    family: 'group',
    title: 'Before apply to join group',
    short: 'apply to join group',
    subject: 'the join request',
    configKey: 'beforeApplyJoinGroup',
    oldConfigKey: 'joinGroup',
    fields: applyFields(),
    answer: [],
    sends: { profiles: FROM_V342 },
    failure: 'fails-operation',
    parties: { group: 'groupID' },
    source: `${SRC} CallbackJoinGroupReq; internal/rpc/group/group.go JoinGroup`,
    sample: { groupID: 'group001', groupType: '\u0002', applyID: '', reqMessage: 'let me in', ex: '' },
  },
  {
    name: INVITE,
    phase: 'before',
    family: 'group',
    title: 'Before invite to group',
    short: 'invite to group',
    subject: 'the invitation',
    configKey: 'beforeInviteUserToGroup',
    oldConfigKey: 'beforeInviteUserToGroup',
    fields: [
      commandField(INVITE),
      operationID(),
      str('groupID', 'group'),
      str('reason', 'invitation reason'),
      strs('invitedUserIDs', 'users invited'),
    ],
    // refusedMembersAccount is parsed but its handling is commented out (internal/rpc/group/callback.go).
    answer: [],
    sends: { profiles: FROM_V342 },
    failure: 'fails-operation',
    parties: { group: 'groupID', to: 'invitedUserIDs' },
    source: `${SRC} CallbackBeforeInviteUserToGroupReq/Resp`,
    sample: { operationID: '1733580000000', groupID: 'group001', reason: '', invitedUserIDs: ['user789'] },
  },
  {
    name: JOINED,
    phase: 'after',
    family: 'group',
    title: 'After join group',
    short: 'joined group',
    subject: 'the join',
    configKey: 'afterJoinGroup',
    oldConfigKey: 'joinGroupAfter',
    fields: [
      commandField(JOINED),
      operationID(),
      str('groupID', 'group'),
      str('reqMessage', 'join message'),
      int('joinSource', 'int32', 'how the user joined (2 invited, 3 search, 4 QR code)'),
      str('inviterUserID', 'inviter, if any'),
    ],
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { group: 'groupID' },
    source: `${SRC} CallbackAfterJoinGroupReq`,
    sample: { operationID: '1733580000000', groupID: 'group001', reqMessage: 'hi', joinSource: 3, inviterUserID: '' },
  },
  {
    name: OWNER,
    phase: 'after',
    family: 'group',
    title: 'After transfer group owner',
    short: 'owner transferred',
    subject: 'the owner transfer',
    configKey: 'afterTransferGroupOwner',
    oldConfigKey: 'transferGroupOwner',
    fields: [
      commandField(OWNER),
      str('groupID', 'group'),
      str('oldOwnerUserID', 'previous owner'),
      str('newOwnerUserID', 'new owner'),
    ],
    sends: { profiles: ['v3.7+'] },
    // Two older names: callbackTransferGroupOwnerAfter (v3.4.2–v3.5.x), callbackAfterTransferGroupOwner (v3.6.x).
    legacyNames: [
      { name: 'callbackAfterTransferGroupOwner', profiles: ['v3.6'] },
      { name: 'callbackTransferGroupOwnerAfter', profiles: ['v3.4.2-v3.5'] },
    ],
    failure: 'ignored',
    parties: { from: 'oldOwnerUserID', to: 'newOwnerUserID', group: 'groupID' },
    source: `${SRC} CallbackTransferGroupOwnerReq; constant.go @ v3.5.1, v3.6.0`,
    sample: { groupID: 'group001', oldOwnerUserID: 'user123', newOwnerUserID: 'user456' },
  },
  {
    name: B_INFO,
    phase: 'before',
    ...setInfo,
    title: 'Before set group info',
    short: 'set group info',
    configKey: 'beforeSetGroupInfo',
    oldConfigKey: 'setGroupInfoBefore',
    fields: infoFields(B_INFO, true),
    answer: [
      copiedAlways('groupID'),
      copiedAlways('groupName'),
      copiedAlways('faceURL'),
      copiedAlways('introduction'),
      present('ex', 'string', "replaces the group's extension data"),
      present('needVerification', 'number', 'replaces the join verification', { int: 'int32' }),
      present('lookMemberInfo', 'number', 'replaces lookMemberInfo', { int: 'int32' }),
      present('applyMemberFriend', 'number', 'replaces applyMemberFriend', { int: 'int32' }),
    ],
    failure: 'fails-operation',
    parties: { group: 'groupID' },
    next: [{ command: A_INFO, when: 'proceeds' }],
    source: `${SRC} CallbackBeforeSetGroupInfoReq/Resp; internal/rpc/group/callback.go webhookBeforeSetGroupInfo (v3.7.0:308-311)`,
    sample: infoSample,
  },
  {
    name: A_INFO,
    phase: 'after',
    ...setInfo,
    title: 'After set group info',
    short: 'group info set',
    configKey: 'afterSetGroupInfo',
    oldConfigKey: 'setGroupInfoAfter',
    fields: infoFields(A_INFO, false),
    failure: 'ignored',
    parties: { group: 'groupID' },
    source: `${SRC} CallbackAfterSetGroupInfoReq`,
    sample: { ...infoSample, ex: null, needVerification: null, lookMemberInfo: null, applyMemberFriend: null },
  },
  {
    name: B_EX,
    phase: 'before',
    ...setInfoEx,
    title: 'Before set group info (Ex)',
    short: 'set group info (Ex)',
    configKey: 'beforeSetGroupInfoEx',
    fields: exFields(B_EX),
    // webhookBeforeSetGroupInfoEx: NotNilReplace(&req.X, &resp.X) assigns every one of these, null included: groupID
    // is a plain string (absent → ""), the others are wrappers (absent → nil, "not changed": the user's edit is lost).
    answer: [
      { ...copiedAlways('groupID'), copy: { 'v3.7+': 'always' } },
      ...['groupName', 'faceURL', 'introduction', 'ex'].map((n) =>
        present(n, 'string', `sets the group's ${n}`, { echo: true, note: ' (absent or null drops the edit)' }),
      ),
      ...['needVerification', 'lookMemberInfo', 'applyMemberFriend'].map((n) =>
        present(n, 'number', `sets ${n}`, { int: 'int32', note: ' (absent or null drops the edit)' }),
      ),
    ],
    failure: 'fails-operation',
    parties: { group: 'groupID' },
    next: [{ command: A_EX, when: 'proceeds' }],
    source: `${SRC} CallbackBeforeSetGroupInfoExReq/Resp; internal/rpc/group/callback.go webhookBeforeSetGroupInfoEx`,
    sample: exSample,
  },
  {
    name: A_EX,
    phase: 'after',
    ...setInfoEx,
    title: 'After set group info (Ex)',
    short: 'group info set (Ex)',
    configKey: 'afterSetGroupInfoEx',
    fields: exFields(A_EX),
    failure: 'ignored',
    parties: { group: 'groupID' },
    source: `${SRC} CallbackAfterSetGroupInfoExReq`,
    sample: exSample,
  },
];
