import { NL, type ServerBody } from './server-body.js';

/** friend / blocklist, conversation (main only): bodies hand-written from the tags' structs (see server-bodies.ts). */
export const FRIEND_BODIES: readonly ServerBody[] = [
  // ---- friend / blocklist ----
  {
    command: 'callbackBeforeAddFriendCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackBeforeAddFriendReq',
    text: `{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"user001","toUserID":"user002","reqMsg":"Hi, let's be friends!","ex":""}${NL}`,
    wrong: { field: 'reqMsg', value: 1 },
  },
  {
    command: 'callbackBeforeAddFriendCommand',
    profile: 'v3.0-v3.4.0',
    source:
      'v3.4.0 pkg/callbackstruct/friend.go CallbackBeforeAddFriendReq (operationID last, no ex); pkg/common/http/http_client.go json.Marshal',
    text: `{"callbackCommand":"callbackBeforeAddFriendCommand","fromUserID":"user001","toUserID":"user002","reqMsg":"Hi, let's be friends!","operationID":"1701150000000"}`,
    wrong: { field: 'toUserID', value: 2 },
  },
  {
    command: 'callbackAfterAddFriendCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackAfterAddFriendReq',
    text: `{"callbackCommand":"callbackAfterAddFriendCommand","fromUserID":"user001","toUserID":"user002","reqMsg":"Hi"}${NL}`,
    wrong: { field: 'fromUserID', value: null },
  },
  {
    command: 'callbackBeforeAddFriendAgreeCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/friend.go CallbackBeforeAddFriendAgreeReq (blackUserID / HandleResult / HandleMsg tags)',
    text: `{"callbackCommand":"callbackBeforeAddFriendAgreeCommand","fromUserID":"user001","blackUserID":"user002","HandleResult":1,"HandleMsg":"ok"}${NL}`,
    wrong: { field: 'HandleResult', value: '1' },
  },
  {
    command: 'callbackAfterAddFriendAgreeCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackAfterAddFriendAgreeReq (from v3.8.1)',
    text: `{"callbackCommand":"callbackAfterAddFriendAgreeCommand","fromUserID":"user001","blackUserID":"user002","HandleResult":1,"HandleMsg":"ok"}${NL}`,
    wrong: { field: 'HandleMsg', value: 1 },
  },
  {
    command: 'callbackAfterDeleteFriendCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackAfterDeleteFriendReq',
    text: `{"callbackCommand":"callbackAfterDeleteFriendCommand","ownerUserID":"user001","friendUserID":"user002"}${NL}`,
    wrong: { field: 'friendUserID', value: ['user002'] },
  },
  {
    command: 'callbackBeforeSetFriendRemarkCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackBeforeSetFriendRemarkReq',
    text: `{"callbackCommand":"callbackBeforeSetFriendRemarkCommand","ownerUserID":"user001","friendUserID":"user002","remark":"Bob"}${NL}`,
    wrong: { field: 'remark', value: null },
  },
  {
    command: 'callbackBeforeSetFriendRemark',
    profile: 'v3.6',
    source: 'v3.6.0 pkg/callbackstruct/constant.go CallbackBeforeSetFriendRemark, friend.go',
    text: `{"callbackCommand":"callbackBeforeSetFriendRemark","ownerUserID":"user001","friendUserID":"user002","remark":"Bob"}`,
    wrong: { field: 'ownerUserID', value: 1 },
  },
  {
    command: 'callbackAfterSetFriendRemarkCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackAfterSetFriendRemarkReq',
    text: `{"callbackCommand":"callbackAfterSetFriendRemarkCommand","ownerUserID":"user001","friendUserID":"user002","remark":"Bob"}${NL}`,
    wrong: { field: 'remark', value: 5 },
  },
  {
    command: 'callbackBeforeImportFriendsCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackBeforeImportFriendsReq',
    text: `{"callbackCommand":"callbackBeforeImportFriendsCommand","ownerUserID":"user001","friendUserIDs":["user002","user003"]}${NL}`,
    wrong: { field: 'friendUserIDs', value: 'user002' },
  },
  {
    command: 'callbackAfterImportFriendsCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackAfterImportFriendsReq',
    text: `{"callbackCommand":"callbackAfterImportFriendsCommand","ownerUserID":"user001","friendUserIDs":["user002","user003"]}${NL}`,
    wrong: { field: 'ownerUserID', value: false },
  },
  {
    command: 'callbackBeforeAddBlackCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackBeforeAddBlackReq (called from v3.8.1)',
    text: `{"callbackCommand":"callbackBeforeAddBlackCommand","ownerUserID":"user001","blackUserID":"user009"}${NL}`,
    wrong: { field: 'blackUserID', value: 9 },
  },
  {
    command: 'callbackAfterRemoveBlackCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/friend.go CallbackAfterRemoveBlackReq (called from v3.8.1)',
    text: `{"callbackCommand":"callbackAfterRemoveBlackCommand","ownerUserID":"user001","blackUserID":"user009"}${NL}`,
    wrong: { field: 'ownerUserID', value: {} },
  },
  // ---- conversation (main only) ----
  {
    command: 'callbackBeforeCreateSingleChatConversationsCommand',
    profile: 'v3.7+',
    source: 'main pkg/callbackstruct/conversation.go CallbackBeforeCreateSingleChatConversationsReq (JSON keys …Id)',
    text: `{"callbackCommand":"callbackBeforeCreateSingleChatConversationsCommand","ownerUserId":"user001","conversationId":"si_user001_user002","conversationType":1,"userId":"user002","recvMsgOpt":0,"isPinned":false,"isPrivateChat":false,"burnDuration":0,"groupAtType":0,"attachedInfo":"","ex":""}${NL}`,
    wrong: { field: 'isPinned', value: 0 },
  },
  {
    command: 'callbackAfterCreateSingleChatConversationsCommand',
    profile: 'v3.7+',
    source: 'main pkg/callbackstruct/conversation.go CallbackAfterCreateSingleChatConversationsReq',
    text: `{"callbackCommand":"callbackAfterCreateSingleChatConversationsCommand","ownerUserId":"user002","conversationId":"si_user001_user002","conversationType":1,"userId":"user001","recvMsgOpt":0,"isPinned":false,"isPrivateChat":false,"burnDuration":0,"groupAtType":0,"attachedInfo":"","ex":""}${NL}`,
    wrong: { field: 'conversationType', value: '1' },
  },
  {
    command: 'callbackBeforeCreateGroupChatConversationsCommand',
    profile: 'v3.7+',
    source:
      'main pkg/callbackstruct/conversation.go CallbackBeforeCreateGroupChatConversationsReq (OwnerUserID never set → "")',
    text: `{"callbackCommand":"callbackBeforeCreateGroupChatConversationsCommand","ownerUserId":"","conversationId":"sg_group001","conversationType":3,"groupId":"group001","recvMsgOpt":0,"isPinned":false,"isPrivateChat":false,"burnDuration":0,"groupAtType":0,"attachedInfo":"","ex":""}${NL}`,
    wrong: { field: 'burnDuration', value: '30' },
  },
  {
    command: 'callbackAfterCreateGroupChatConversationsCommand',
    profile: 'v3.7+',
    source: 'main pkg/callbackstruct/conversation.go CallbackAfterCreateGroupChatConversationsReq',
    text: `{"callbackCommand":"callbackAfterCreateGroupChatConversationsCommand","ownerUserId":"","conversationId":"sg_group001","conversationType":3,"groupId":"group001","recvMsgOpt":0,"isPinned":false,"isPrivateChat":false,"burnDuration":0,"groupAtType":0,"attachedInfo":"","ex":""}${NL}`,
    wrong: { field: 'isPrivateChat', value: 'no' },
  },
];
