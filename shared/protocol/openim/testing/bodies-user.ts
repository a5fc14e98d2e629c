import { NL, type ServerBody } from './server-body.js';

/** user, online status: bodies hand-written from the tags' structs (see server-bodies.ts). */
export const USER_BODIES: readonly ServerBody[] = [
  // ---- user ----
  {
    command: 'callbackBeforeUpdateUserInfoCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/user.go CallbackBeforeUpdateUserInfoReq; internal/rpc/user/callback.go (ex never set → null)',
    text: `{"callbackCommand":"callbackBeforeUpdateUserInfoCommand","userID":"user001","nickName":"Alice","faceURL":"https://example.com/alice.png","ex":null}${NL}`,
    wrong: { field: 'nickName', value: 7 },
  },
  {
    command: 'callbackBeforeUpdateUserInfoCommand',
    profile: 'v3.0-v3.4.0',
    source:
      'v3.4.0 pkg/callbackstruct/user.go (operationID second); internal/rpc/user/callback.go CallbackBeforeUpdateUserInfo',
    text: `{"callbackCommand":"callbackBeforeUpdateUserInfoCommand","operationID":"1701150000000","userID":"user001","nickName":"Alice","faceURL":"https://example.com/alice.png","ex":null}`,
    wrong: { field: 'userID', value: 1 },
  },
  {
    command: 'callbackAfterUpdateUserInfoCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/user.go CallbackAfterUpdateUserInfoReq; internal/rpc/user/callback.go',
    text: `{"callbackCommand":"callbackAfterUpdateUserInfoCommand","userID":"user001","nickName":"Alice","faceURL":"https://example.com/alice.png","ex":""}${NL}`,
    wrong: { field: 'faceURL', value: null },
  },
  {
    command: 'callbackBeforeUpdateUserInfoExCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/user.go CallbackBeforeUpdateUserInfoExReq (*wrapperspb.StringValue → string or null; protocol wrapperspb.go MarshalJSON)',
    text:
      String.raw`{"callbackCommand":"callbackBeforeUpdateUserInfoExCommand","userID":"user001","nickName":"Alice","faceURL":null,"ex":"{\"level\":3}"}` +
      NL,
    wrong: { field: 'ex', value: { level: 3 } },
  },
  {
    command: 'callbackAfterUpdateUserInfoExCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/user.go CallbackAfterUpdateUserInfoExReq',
    text: `{"callbackCommand":"callbackAfterUpdateUserInfoExCommand","userID":"user001","nickName":"Alice","faceURL":null,"ex":null}${NL}`,
    wrong: { field: 'userID', value: null },
  },
  {
    command: 'callbackBeforeUserRegisterCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/user.go CallbackBeforeUserRegisterReq (no secret from v3.8.1); protocol sdkws.UserInfo',
    text: `{"callbackCommand":"callbackBeforeUserRegisterCommand","users":[{"userID":"user003","nickname":"Carol","faceURL":"","ex":"","createTime":0,"appMangerLevel":0,"globalRecvMsgOpt":0}]}${NL}`,
    wrong: { field: 'users', value: { userID: 'user003' } },
  },
  {
    command: 'callbackAfterUserRegisterCommand',
    profile: 'v3.4.2-v3.5',
    source: 'v3.5.1 pkg/callbackstruct/user.go CallbackAfterUserRegisterReq (secret, v3.4.2–v3.8.0)',
    text: `{"callbackCommand":"callbackAfterUserRegisterCommand","secret":"openIM123","users":[{"userID":"user003","nickname":"Carol","faceURL":"","ex":"","createTime":1706000000000,"appMangerLevel":0,"globalRecvMsgOpt":0}]}`,
    wrong: { field: 'secret', value: 123 },
  },
  // ---- online status ----
  {
    command: 'callbackAfterUserOnlineCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/msg_gateway.go CallbackUserOnlineReq; internal/msggateway/callback.go, online.go',
    text: `{"callbackCommand":"callbackAfterUserOnlineCommand","operationID":"p_7_12","platformID":1,"platform":"IOS","userID":"user001","seq":1733580000123,"isAppBackground":false,"connID":"c1b2a3d4"}${NL}`,
    wrong: { field: 'isAppBackground', value: 'false' },
  },
  {
    command: 'callbackAfterUserOfflineCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/msg_gateway.go CallbackUserOfflineReq; internal/msggateway/callback.go',
    text: `{"callbackCommand":"callbackAfterUserOfflineCommand","operationID":"p_7_13","platformID":1,"platform":"IOS","userID":"user001","seq":1733580060123,"connID":"c1b2a3d4"}${NL}`,
    wrong: { field: 'connID', value: 42 },
  },
  {
    command: 'callbackUserOnlineCommand',
    profile: 'v3.6',
    source:
      'v3.6.0 pkg/callbackstruct/constant.go, msg_gateway.go; internal/msggateway/callback.go CallbackUserOnline (http json.Marshal)',
    text: `{"callbackCommand":"callbackUserOnlineCommand","operationID":"1709000000000","platformID":2,"platform":"Android","userID":"user001","seq":1709000000123,"isAppBackground":true,"connID":"c1b2a3d4"}`,
    wrong: { field: 'seq', value: '1709000000123' },
  },
  {
    command: 'callbackAfterUserKickOffCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/msg_gateway.go CallbackUserKickOffReq; internal/msggateway/callback.go webhookAfterUserKickOff (no caller)',
    text: `{"callbackCommand":"callbackAfterUserKickOffCommand","operationID":"1733580000000","platformID":1,"platform":"IOS","userID":"user001","seq":1733580000123}${NL}`,
    wrong: { field: 'platform', value: 1 },
  },
];
