import type { FieldSpec } from '../../types.js';
import { BEFORE_V37, FROM_V342, type OpenImRow } from '../row.js';
import { bool, commandField, int, nonEmpty, nstr, objs, operationID, present, str } from './go-types.js';

/**
 * OpenIM user callbacks. Structs `pkg/callbackstruct/user.go`; call sites `internal/rpc/user/callback.go`, `user.go`.
 * The Ex variants carry `*wrapperspb.StringValue`, whose MarshalJSON writes the plain string or null
 * (openimsdk/protocol wrapperspb/wrapperspb.go). research/openim/user.md.
 */

const SRC = 'open-im-server@v3.8.3 pkg/callbackstruct/user.go';
const [B_INFO, A_INFO] = ['callbackBeforeUpdateUserInfoCommand', 'callbackAfterUpdateUserInfoCommand'];
const [B_EX, A_EX] = ['callbackBeforeUpdateUserInfoExCommand', 'callbackAfterUpdateUserInfoExCommand'];
const [B_REG, A_REG] = ['callbackBeforeUserRegisterCommand', 'callbackAfterUserRegisterCommand'];

const infoFields = (name: string, nullable: boolean): FieldSpec[] => {
  const s = nullable ? nstr : str;
  return [
    commandField(name),
    str('userID', 'user whose profile changes'),
    s('nickName', 'new nickname (capital N on the wire)'),
    s('faceURL', 'new avatar URL'),
    s('ex', 'extension data'),
  ];
};
/** sdkws.UserInfo (openimsdk/protocol sdkws.pb.go): note the lower-case `nickname` here. */
const users = (): FieldSpec =>
  objs('users', 'users to register', [
    str('userID', 'user ID'),
    str('nickname', 'nickname'),
    str('faceURL', 'avatar URL'),
    str('ex', 'extension data'),
    int('createTime', 'int64', 'creation time, ms'),
    int('appMangerLevel', 'int32', 'app manager level (sic)'),
    int('globalRecvMsgOpt', 'int32', 'global receive option'),
  ]);
const regFields = (name: string): FieldSpec[] => [commandField(name), users()];
/** v3.4.2–v3.8.0 also send the register request's `secret` (user.go @ v3.8.0). */
const regOld = (name: string): FieldSpec[] => [commandField(name), str('secret', 'the register call secret'), users()];
const regWire = (name: string) => ({
  'v3.4.2-v3.5': { fields: regOld(name) },
  'v3.6': { fields: regOld(name) },
});
const carol = [
  { userID: 'user789', nickname: 'Carol', faceURL: '', ex: '', createTime: 0, appMangerLevel: 0, globalRecvMsgOpt: 0 },
];
const infoAnswer = (wrapper: boolean) => [
  present('nickName', 'string', 'replaces the nickname (an empty string too)', { label: 'nickname' }),
  present('faceURL', 'string', 'replaces the avatar URL'),
  present(
    'ex',
    'string',
    wrapper ? 'replaces the extension data' : 'replaces the extension data (the request never carries it)',
  ),
];

export const USER: readonly OpenImRow[] = [
  {
    name: B_INFO,
    phase: 'before',
    family: 'user',
    title: 'Before update user info',
    short: 'update user info',
    subject: 'the profile change',
    configKey: 'beforeUpdateUserInfo',
    oldConfigKey: 'beforeUpdateUserInfo',
    // nickName/faceURL are pointers to the request's values (always set); ex is never set → null.
    fields: [
      commandField(B_INFO),
      str('userID', 'user'),
      str('nickName', 'new nickname'),
      str('faceURL', 'new avatar URL'),
      nstr('ex', 'always null: the server does not forward ex'),
    ],
    // v3.4.0: operationID second (user.go @ v3.4.0).
    wire: {
      'v3.0-v3.4.0': {
        fields: [
          commandField(B_INFO),
          operationID(),
          str('userID', 'user'),
          str('nickName', 'new nickname'),
          str('faceURL', 'new avatar URL'),
          nstr('ex', 'always null'),
        ],
      },
    },
    answer: infoAnswer(false),
    sends: { profiles: ['v3.0-v3.4.0', ...FROM_V342], from: 'v3.4.0' },
    failure: 'fails-operation',
    parties: { from: 'userID' },
    next: [{ command: A_INFO, when: 'proceeds', note: 'from v3.4.2' }],
    source: `${SRC} CallbackBeforeUpdateUserInfoReq/Resp; internal/rpc/user/callback.go (v3.4.0:30)`,
    sample: { userID: 'user123', nickName: 'Alice', faceURL: 'https://example.com/alice.png', ex: null },
  },
  {
    name: A_INFO,
    phase: 'after',
    family: 'user',
    title: 'After update user info',
    short: 'user info updated',
    subject: 'the profile change',
    configKey: 'afterUpdateUserInfo',
    oldConfigKey: 'updateUserInfo',
    fields: infoFields(A_INFO, false),
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'userID' },
    source: `${SRC} CallbackAfterUpdateUserInfoReq (ex never set → "")`,
    sample: { userID: 'user123', nickName: 'Alice', faceURL: 'https://example.com/alice.png', ex: '' },
  },
  {
    name: B_EX,
    phase: 'before',
    family: 'user',
    title: 'Before update user info (Ex)',
    short: 'update user info (Ex)',
    subject: 'the profile change',
    configKey: 'beforeUpdateUserInfoEx',
    oldConfigKey: 'beforeUpdateUserInfoEx',
    fields: infoFields(B_EX, true),
    answer: infoAnswer(true),
    sends: { profiles: ['v3.4.2-v3.5', 'v3.6', 'v3.7+'], from: 'v3.5.0' },
    failure: 'fails-operation',
    parties: { from: 'userID' },
    next: [{ command: A_EX, when: 'proceeds' }],
    source: `${SRC} CallbackBeforeUpdateUserInfoExReq/Resp (wrapperspb)`,
    sample: { userID: 'user123', nickName: 'Alice', faceURL: null, ex: '{"level":3}' },
  },
  {
    name: A_EX,
    phase: 'after',
    family: 'user',
    title: 'After update user info (Ex)',
    short: 'user info updated (Ex)',
    subject: 'the profile change',
    configKey: 'afterUpdateUserInfoEx',
    oldConfigKey: 'afterUpdateUserInfoEx',
    fields: infoFields(A_EX, true),
    sends: { profiles: ['v3.4.2-v3.5', 'v3.6', 'v3.7+'], from: 'v3.5.0' },
    failure: 'ignored',
    parties: { from: 'userID' },
    source: `${SRC} CallbackAfterUpdateUserInfoExReq`,
    sample: { userID: 'user123', nickName: 'Alice', faceURL: null, ex: null },
  },
  {
    name: B_REG,
    phase: 'before',
    family: 'user',
    title: 'Before user register',
    short: 'register users',
    subject: 'the registration',
    configKey: 'beforeUserRegister',
    oldConfigKey: 'beforeUserRegister',
    fields: regFields(B_REG),
    wire: regWire(B_REG),
    answer: [
      nonEmpty('users', 'object[]', 'replaces the whole list of users to register', {
        label: 'user list',
        noun: 'user(s)',
      }),
    ],
    sends: { profiles: FROM_V342 },
    failure: 'fails-operation',
    parties: { from: 'users[].userID' },
    next: [{ command: A_REG, when: 'proceeds' }],
    source: `${SRC} CallbackBeforeUserRegisterReq (secret v3.4.2–v3.8.0); internal/rpc/user/callback.go`,
    sample: { users: carol },
  },
  {
    name: A_REG,
    phase: 'after',
    family: 'user',
    title: 'After user register',
    short: 'users registered',
    subject: 'the registration',
    configKey: 'afterUserRegister',
    oldConfigKey: 'afterUserRegister',
    fields: regFields(A_REG),
    wire: regWire(A_REG),
    sends: { profiles: FROM_V342 },
    failure: 'ignored',
    parties: { from: 'users[].userID' },
    source: `${SRC} CallbackAfterUserRegisterReq`,
    sample: { users: carol },
  },
];

/** UserStatusCallbackReq (common.go): callbackCommand, operationID, platformID, platform, userID. */
const status = (name: string, extra: FieldSpec[]): FieldSpec[] => [
  commandField(name),
  operationID(),
  int('platformID', 'int64', 'platform ID (Go int)'),
  str('platform', 'platform name (IOS, Android, …)'),
  str('userID', 'user'),
  { ...int('seq', 'int64', 'time of the event, ms (time.Now().UnixMilli())'), unit: 'ms' },
  ...extra,
];
const ONLINE = 'callbackAfterUserOnlineCommand';
const OFFLINE = 'callbackAfterUserOfflineCommand';
const KICKED = 'callbackAfterUserKickOffCommand';
const GW = 'open-im-server@v3.8.3 pkg/callbackstruct/msg_gateway.go';
const who = { operationID: 'p_7_12', platformID: 1, platform: 'IOS', userID: 'user123', seq: 1733580000123 };

export const STATUS: readonly OpenImRow[] = [
  {
    name: ONLINE,
    phase: 'after',
    family: 'status',
    title: 'After user online',
    short: 'user online',
    subject: 'the connection',
    configKey: 'afterUserOnline',
    oldConfigKey: 'userOnline',
    fields: status(ONLINE, [bool('isAppBackground', 'app in background'), str('connID', 'connection ID')]),
    // v3.2.0–v3.6 as callbackUserOnlineCommand (v3.0–v3.1 never call it); v3.8.0–v3.8.1 the call is commented out (ws_server.go:104), back in v3.8.2.
    sends: { profiles: ['v3.7+'], except: 'v3.8.0–v3.8.1' },
    legacyNames: [{ name: 'callbackUserOnlineCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'ignored',
    parties: { from: 'userID' },
    source: `${GW} CallbackUserOnlineReq; internal/msggateway/callback.go, online.go (v3.8.2+)`,
    sample: { ...who, isAppBackground: false, connID: 'c1b2a3d4' },
  },
  {
    name: OFFLINE,
    phase: 'after',
    family: 'status',
    title: 'After user offline',
    short: 'user offline',
    subject: 'the connection',
    configKey: 'afterUserOffline',
    oldConfigKey: 'userOffline',
    fields: status(OFFLINE, [str('connID', 'connection ID')]),
    sends: { profiles: ['v3.7+'], except: 'v3.8.0–v3.8.1' },
    legacyNames: [{ name: 'callbackUserOfflineCommand', profiles: ['v3.0-v3.4.0', ...BEFORE_V37] }],
    failure: 'ignored',
    parties: { from: 'userID' },
    source: `${GW} CallbackUserOfflineReq; internal/msggateway/callback.go`,
    sample: { ...who, operationID: 'p_7_13', seq: 1733580060123, connID: 'c1b2a3d4' },
  },
  {
    name: KICKED,
    phase: 'after',
    family: 'status',
    title: 'After user kicked off',
    short: 'user kicked off',
    subject: 'the connection',
    configKey: 'afterUserKickOff',
    oldConfigKey: 'userKickOff',
    fields: status(KICKED, []),
    // webhookAfterUserKickOff / CallbackUserKickOff exist in every version but nothing calls them.
    sends: { profiles: [] },
    legacyNames: [{ name: 'callbackUserKickOffCommand', profiles: [] }],
    failure: 'ignored',
    parties: { from: 'userID' },
    source: `${GW} CallbackUserKickOffReq; internal/msggateway/callback.go (no caller in any tag)`,
    sample: who,
  },
];
