import { NL, type ServerBody } from './server-body.js';

const MSG38 = 'v3.8.3 pkg/callbackstruct/common.go CommonCallbackReq (sendTime from v3.8.1)';

/** message, push: bodies hand-written from the tags' structs (see server-bodies.ts). */
export const MESSAGE_BODIES: readonly ServerBody[] = [
  // ---- message ----
  {
    command: 'callbackBeforeSendSingleMsgCommand',
    profile: 'v3.7+',
    source: `${MSG38} + message.go CallbackBeforeSendSingleMsgReq; internal/rpc/msg/callback.go toCommonCallback`,
    text:
      String.raw`{"sendID":"user001","callbackCommand":"callbackBeforeSendSingleMsgCommand","serverMsgID":"9a0364b9e99bb480dd25e1f0284c8555","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","operationID":"1733580000000","senderPlatformID":2,"senderNickname":"Alice","sessionType":1,"msgFrom":100,"contentType":101,"status":1,"sendTime":1733580000123,"createTime":1733580000100,"content":"{\"content\":\"hi \u003cb\u003e\"}","seq":0,"atUserList":null,"faceURL":"https://example.com/alice.png","ex":"","recvID":"user002"}` +
      NL,
    wrong: { field: 'sessionType', value: '1' },
  },
  {
    command: 'callbackBeforeSendSingleMsgCommand',
    profile: 'v3.0-v3.4.0',
    source:
      'v3.4.0 pkg/callbackstruct/common.go CommonCallbackReq (no sendTime) + message.go; pkg/common/http/http_client.go json.Marshal',
    text: String.raw`{"sendID":"user001","callbackCommand":"callbackBeforeSendSingleMsgCommand","serverMsgID":"9a0364b9e99bb480dd25e1f0284c8555","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","operationID":"1701150000000","senderPlatformID":1,"senderNickname":"Alice","sessionType":1,"msgFrom":100,"contentType":101,"status":1,"createTime":1701150000000,"content":"{\"content\":\"hello\"}","seq":0,"atUserList":null,"faceURL":"","ex":"","recvID":"user002"}`,
    wrong: { field: 'createTime', value: '1701150000000' },
  },
  {
    command: 'callbackAfterSendSingleMsgCommand',
    profile: 'v3.7+',
    source: `${MSG38} + message.go CallbackAfterSendSingleMsgReq`,
    text:
      String.raw`{"sendID":"user001","callbackCommand":"callbackAfterSendSingleMsgCommand","serverMsgID":"9a0364b9e99bb480dd25e1f0284c8555","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","operationID":"1733580000000","senderPlatformID":2,"senderNickname":"Alice","sessionType":1,"msgFrom":100,"contentType":101,"status":1,"sendTime":1733580000123,"createTime":1733580000100,"content":"{\"content\":\"hello\"}","seq":0,"atUserList":null,"faceURL":"","ex":"","recvID":"user002"}` +
      NL,
    wrong: { field: 'recvID', value: 2 },
  },
  {
    command: 'callbackBeforeSendGroupMsgCommand',
    profile: 'v3.7+',
    source: `${MSG38} + message.go CallbackBeforeSendGroupMsgReq`,
    text:
      String.raw`{"sendID":"user001","callbackCommand":"callbackBeforeSendGroupMsgCommand","serverMsgID":"1f3870be274f6c49b3e31a0c6728957f","clientMsgID":"0d4c2b1a99887766554433221100ffee","operationID":"1733580000001","senderPlatformID":5,"senderNickname":"Alice","sessionType":3,"msgFrom":100,"contentType":106,"status":1,"sendTime":1733580000456,"createTime":1733580000400,"content":"{\"text\":\"@Bob lunch?\",\"atUserList\":[\"user002\"],\"isAtSelf\":false}","seq":0,"atUserList":["user002"],"faceURL":"","ex":"","groupID":"group001"}` +
      NL,
    wrong: { field: 'atUserList', value: 'user002' },
  },
  {
    command: 'callbackAfterSendGroupMsgCommand',
    profile: 'v3.7+',
    source: `${MSG38} + message.go CallbackAfterSendGroupMsgReq`,
    text:
      String.raw`{"sendID":"user001","callbackCommand":"callbackAfterSendGroupMsgCommand","serverMsgID":"1f3870be274f6c49b3e31a0c6728957f","clientMsgID":"0d4c2b1a99887766554433221100ffee","operationID":"1733580000001","senderPlatformID":5,"senderNickname":"Alice","sessionType":3,"msgFrom":100,"contentType":101,"status":1,"sendTime":1733580000456,"createTime":1733580000400,"content":"{\"content\":\"lunch?\"}","seq":0,"atUserList":null,"faceURL":"","ex":"","groupID":"group001"}` +
      NL,
    wrong: { field: 'groupID', value: null },
  },
  {
    command: 'callbackBeforeMsgModifyCommand',
    profile: 'v3.7+',
    source: `${MSG38} + message.go CallbackMsgModifyCommandReq (CommonCallbackReq only)`,
    text:
      String.raw`{"sendID":"user001","callbackCommand":"callbackBeforeMsgModifyCommand","serverMsgID":"9a0364b9e99bb480dd25e1f0284c8555","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","operationID":"1733580000000","senderPlatformID":2,"senderNickname":"Alice","sessionType":1,"msgFrom":100,"contentType":101,"status":1,"sendTime":1733580000123,"createTime":1733580000100,"content":"{\"content\":\"darn it\"}","seq":0,"atUserList":null,"faceURL":"","ex":""}` +
      NL,
    wrong: { field: 'content', value: { content: 'darn it' } },
  },
  {
    command: 'callbackMsgModifyCommand',
    profile: 'v3.4.2-v3.5',
    source:
      'v3.5.1 pkg/callbackstruct/constant.go CallbackMsgModifyCommand, common.go, message.go; internal/rpc/msg/callback.go callbackMsgModify',
    text: String.raw`{"sendID":"user001","callbackCommand":"callbackMsgModifyCommand","serverMsgID":"9a0364b9e99bb480dd25e1f0284c8555","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","operationID":"1706000000000","senderPlatformID":3,"senderNickname":"Alice","sessionType":1,"msgFrom":100,"contentType":101,"status":1,"createTime":1706000000000,"content":"{\"content\":\"darn it\"}","seq":0,"atUserList":null,"faceURL":"","ex":""}`,
    wrong: { field: 'seq', value: '0' },
  },
  {
    command: 'callbackAfterMsgSaveDBCommand',
    profile: 'v3.7+',
    source:
      'main pkg/callbackstruct/message.go CallbackAfterMsgSaveDBReq; internal/msgtransfer/callback.go webhookAfterMsgSaveDB',
    text:
      String.raw`{"sendID":"user001","callbackCommand":"callbackAfterMsgSaveDBCommand","serverMsgID":"9a0364b9e99bb480dd25e1f0284c8555","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","operationID":"1733580000000","senderPlatformID":2,"senderNickname":"Alice","sessionType":1,"msgFrom":100,"contentType":101,"status":2,"sendTime":1733580000123,"createTime":1733580000100,"content":"{\"content\":\"hello\"}","seq":17,"atUserList":null,"faceURL":"","ex":"","recvID":"user002","groupID":""}` +
      NL,
    wrong: { field: 'status', value: true },
  },
  {
    command: 'callbackAfterSingleMsgReadCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/message.go CallbackSingleMsgReadReq; internal/rpc/msg/as_read.go MarkMsgsAsRead',
    text: `{"callbackCommand":"callbackAfterSingleMsgReadCommand","conversationID":"si_user001_user002","userID":"user002","Seqs":[12,13],"contentType":1}${NL}`,
    wrong: { field: 'Seqs', value: '12,13' },
  },
  {
    command: 'callbackAfterGroupMsgReadCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/message.go CallbackGroupMsgReadReq; internal/rpc/msg/as_read.go MarkConversationAsRead',
    text: `{"callbackCommand":"callbackAfterGroupMsgReadCommand","sendID":"user002","receiveID":"user002","unreadMsgNum":42,"contentType":3}${NL}`,
    wrong: { field: 'unreadMsgNum', value: '42' },
  },
  {
    command: 'callbackBeforeAfterMsgCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/revoke.go CallbackAfterRevokeMsgReq; constant.go CallbackAfterRevokeMsgCommand',
    text: `{"callbackCommand":"callbackBeforeAfterMsgCommand","conversationID":"si_user001_user002","seq":15,"userID":"user001"}${NL}`,
    wrong: { field: 'seq', value: '15' },
  },
  // ---- push ----
  {
    command: 'callbackBeforeOfflinePushCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/push.go CallbackBeforePushReq (embedded *sdkws.OfflinePushInfo), common.go UserStatusBatchCallbackReq; internal/push/callback.go',
    text:
      String.raw`{"callbackCommand":"callbackBeforeOfflinePushCommand","operationID":"1733580000000","platformID":2,"platform":"Android","userIDList":["user002"],"title":"Alice","desc":"sent you a message","ex":"","iOSPushSound":"default","iOSBadgeCount":true,"signalInfo":"","clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","sendID":"user001","groupID":"","contentType":101,"sessionType":1,"atUserIDList":null,"content":"{\"content\":\"hello\"}"}` +
      NL,
    wrong: { field: 'iOSBadgeCount', value: 1 },
  },
  {
    command: 'callbackBeforeOnlinePushCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/push.go CallbackBeforePushReq (OfflinePushInfo nil → its keys absent); internal/push/callback.go webhookBeforeOnlinePush',
    text:
      String.raw`{"callbackCommand":"callbackBeforeOnlinePushCommand","operationID":"1733580000000","platformID":2,"platform":"Android","userIDList":["user002","user001"],"clientMsgID":"c3f3a0b6d1e54f6a9f3e1b2c4d5e6f70","sendID":"user001","groupID":"","contentType":101,"sessionType":1,"atUserIDList":null,"content":"{\"content\":\"hello\"}"}` +
      NL,
    wrong: { field: 'platformID', value: '2' },
  },
  {
    command: 'callbackBeforeGroupOnlinePushCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/push.go CallbackBeforeSuperGroupOnlinePushReq; internal/push/callback.go webhookBeforeGroupOnlinePush',
    text:
      String.raw`{"callbackCommand":"callbackBeforeGroupOnlinePushCommand","operationID":"1733580000001","platformID":1,"platform":"IOS","clientMsgID":"0d4c2b1a99887766554433221100ffee","sendID":"user001","groupID":"group001","contentType":101,"sessionType":3,"atUserIDList":null,"content":"{\"content\":\"hi all\"}","seq":128}` +
      NL,
    wrong: { field: 'seq', value: '128' },
  },
  {
    command: 'callbackSuperGroupOnlinePushCommand',
    profile: 'v3.0-v3.4.0',
    source:
      'v3.0.0 pkg/common/constant/constant.go:210, pkg/callbackstruct/push.go; internal/push/callback.go callbackBeforeSuperGroupOnlinePush',
    text: String.raw`{"callbackCommand":"callbackSuperGroupOnlinePushCommand","operationID":"1690000000000","platformID":1,"platform":"IOS","clientMsgID":"0d4c2b1a99887766554433221100ffee","sendID":"user001","groupID":"group001","contentType":101,"sessionType":3,"atUserIDList":null,"content":"{\"content\":\"hi all\"}","seq":128}`,
    wrong: { field: 'content', value: null },
  },
];
