import type { ServerBody } from './server-body.js';

const V36 = 'v3.6.0 pkg/callbackstruct/constant.go';

/**
 * The names v3.0–v3.6 send for commands v3.7 renamed, each with the v3.6.0 struct it is sent with (json.Marshal in
 * pkg/common/http/http_client.go: no trailing newline). The other legacy names are sent by no version (defined only).
 */
export const LEGACY_BODIES: readonly ServerBody[] = [
  {
    command: 'callbackAfterSetFriendRemark',
    profile: 'v3.6',
    source: `${V36} CallbackAfterSetFriendRemark, friend.go CallbackAfterSetFriendRemarkReq; internal/rpc/friend/callback.go`,
    text: `{"callbackCommand":"callbackAfterSetFriendRemark","ownerUserID":"user001","friendUserID":"user002","remark":"Bob"}`,
    wrong: { field: 'remark', value: 5 },
  },
  {
    command: 'callbackOfflinePushCommand',
    profile: 'v3.6',
    source: `${V36} CallbackOfflinePushCommand, push.go CallbackBeforePushReq (embedded *sdkws.OfflinePushInfo, OpenIMSDK/protocol v0.0.55); internal/push/callback.go callbackOfflinePush`,
    text: String.raw`{"callbackCommand":"callbackOfflinePushCommand","operationID":"1709000000000","platformID":2,"platform":"Android","userIDList":["user002"],"title":"Alice","desc":"sent you a message","ex":"","iOSPushSound":"default","iOSBadgeCount":true,"signalInfo":"","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","sendID":"user001","groupID":"","contentType":101,"sessionType":1,"atUserIDList":null,"content":"{\"content\":\"hello\"}"}`,
    wrong: { field: 'iOSBadgeCount', value: 1 },
  },
  {
    command: 'callbackOnlinePushCommand',
    profile: 'v3.6',
    source: `${V36} CallbackOnlinePushCommand, push.go CallbackBeforePushReq (OfflinePushInfo nil → its keys absent); internal/push/callback.go callbackOnlinePush (not called when the sender is among the receivers)`,
    text: String.raw`{"callbackCommand":"callbackOnlinePushCommand","operationID":"1709000000000","platformID":2,"platform":"Android","userIDList":["user002"],"clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","sendID":"user001","groupID":"","contentType":101,"sessionType":1,"atUserIDList":null,"content":"{\"content\":\"hello\"}"}`,
    wrong: { field: 'userIDList', value: 'user002' },
  },
  {
    command: 'callbackUserOfflineCommand',
    profile: 'v3.6',
    source: `${V36} CallbackUserOfflineCommand, msg_gateway.go CallbackUserOfflineReq; internal/msggateway/callback.go CallbackUserOffline`,
    text: `{"callbackCommand":"callbackUserOfflineCommand","operationID":"1709000000000","platformID":1,"platform":"IOS","userID":"user001","seq":1709000060123,"connID":"c1b2a3d4"}`,
    wrong: { field: 'connID', value: 42 },
  },
  {
    command: 'callbackKillGroupCommand',
    profile: 'v3.6',
    source: `${V36} CallbackKillGroupCommand, group.go CallbackKillGroupMemberReq; internal/rpc/group/callback.go CallbackKillGroupMember (Reason not set → "")`,
    text: `{"callbackCommand":"callbackKillGroupCommand","groupID":"group001","kickedUserIDs":["user003"],"reason":""}`,
    wrong: { field: 'kickedUserIDs', value: 'user003' },
  },
  {
    command: 'callbackDisMissGroupCommand',
    profile: 'v3.6',
    source: `${V36} CallbackDisMissGroupCommand, group.go CallbackDisMissGroupReq; internal/rpc/group/group.go DismissGroup (GroupType: string(group.GroupType) → U+0002)`,
    text: String.raw`{"callbackCommand":"callbackDisMissGroupCommand","groupID":"group001","ownerID":"user001","groupType":"\u0002","membersID":["user001","user002"]}`,
    wrong: { field: 'membersID', value: 'user001' },
  },
  {
    command: 'callbackAfterTransferGroupOwner',
    profile: 'v3.6',
    source: `${V36} CallbackAfterTransferGroupOwner, group.go CallbackTransferGroupOwnerReq; internal/rpc/group/callback.go CallbackAfterTransferGroupOwner`,
    text: `{"callbackCommand":"callbackAfterTransferGroupOwner","groupID":"group001","oldOwnerUserID":"user001","newOwnerUserID":"user002"}`,
    wrong: { field: 'newOwnerUserID', value: 2 },
  },
];
