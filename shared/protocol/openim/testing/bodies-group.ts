import { NL, type ServerBody } from './server-body.js';

/** group: bodies hand-written from the tags' structs (see server-bodies.ts). */
export const GROUP_BODIES: readonly ServerBody[] = [
  // ---- group ----
  {
    command: 'callbackBeforeCreateGroupCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/group.go CallbackBeforeCreateGroupReq (operationID first, embedded *sdkws.GroupInfo), apistruct.GroupAddMemberInfo; internal/rpc/group/callback.go',
    text: `{"operationID":"1733580000000","callbackCommand":"callbackBeforeCreateGroupCommand","groupID":"group001","groupName":"Team","notification":"","introduction":"","faceURL":"","ownerUserID":"user001","createTime":0,"memberCount":0,"ex":"","status":0,"creatorUserID":"user001","groupType":2,"needVerification":0,"lookMemberInfo":0,"applyMemberFriend":0,"notificationUpdateTime":0,"notificationUserID":"","initMemberList":[{"userID":"user001","roleLevel":100},{"userID":"user002","roleLevel":20}]}${NL}`,
    wrong: { field: 'groupType', value: 'working' },
  },
  {
    command: 'callbackBeforeCreateGroupCommand',
    profile: 'v3.0-v3.4.0',
    source:
      'v3.0.0 pkg/callbackstruct/group.go CallbackBeforeCreateGroupReq, pkg/proto/sdkws GroupInfo; internal/rpc/group/callback.go (admins listed twice, no ordinary members: v3.0–v3.2 loop bug)',
    text: `{"operationID":"1690000000000","callbackCommand":"callbackBeforeCreateGroupCommand","groupID":"","groupName":"Team","notification":"","introduction":"","faceURL":"","ownerUserID":"user001","createTime":0,"memberCount":0,"ex":"","status":0,"creatorUserID":"","groupType":2,"needVerification":0,"lookMemberInfo":0,"applyMemberFriend":0,"notificationUpdateTime":0,"notificationUserID":"","initMemberList":[{"userID":"user001","roleLevel":100},{"userID":"user002","roleLevel":60},{"userID":"user002","roleLevel":20}]}`,
    wrong: { field: 'initMemberList', value: 'user001' },
  },
  {
    command: 'callbackAfterCreateGroupCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackAfterCreateGroupReq',
    text: `{"callbackCommand":"callbackAfterCreateGroupCommand","groupID":"group001","groupName":"Team","notification":"","introduction":"","faceURL":"","ownerUserID":"user001","createTime":1733580000000,"memberCount":2,"ex":"","status":0,"creatorUserID":"user001","groupType":2,"needVerification":0,"lookMemberInfo":0,"applyMemberFriend":0,"notificationUpdateTime":0,"notificationUserID":"","initMemberList":[{"userID":"user001","roleLevel":100},{"userID":"user002","roleLevel":20}]}${NL}`,
    wrong: { field: 'memberCount', value: '2' },
  },
  {
    command: 'callbackBeforeMembersJoinGroupCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/group.go CallbackBeforeMembersJoinGroupReq, CallbackGroupMember; internal/rpc/group/callback.go webhookBeforeMembersJoinGroup',
    text: `{"callbackCommand":"callbackBeforeMembersJoinGroupCommand","groupID":"group001","memberList":[{"userID":"user002","ex":""},{"userID":"user003","ex":""}],"groupEx":""}${NL}`,
    wrong: { field: 'memberList', value: ['user002'] },
  },
  {
    command: 'callbackBeforeMemberJoinGroupCommand',
    profile: 'v3.6',
    source:
      'v3.6.0 pkg/callbackstruct/group.go CallbackBeforeMemberJoinGroupReq (one member per call, no operationID from v3.4.2)',
    text: `{"callbackCommand":"callbackBeforeMemberJoinGroupCommand","groupID":"group001","userID":"user002","ex":"","groupEx":""}`,
    wrong: { field: 'userID', value: ['user002'] },
  },
  {
    command: 'callbackBeforeSetGroupMemberInfoCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackBeforeSetGroupMemberInfoReq (*string/*int32 null when not set)',
    text: `{"callbackCommand":"callbackBeforeSetGroupMemberInfoCommand","groupID":"group001","userID":"user002","nickName":"Bob in Team","faceURL":null,"roleLevel":null,"ex":null}${NL}`,
    wrong: { field: 'roleLevel', value: 'admin' },
  },
  {
    command: 'CallbackBeforeSetGroupMemberInfoCommand',
    profile: 'v3.0-v3.4.0',
    source: 'v3.0.0 pkg/common/constant/constant.go:214 (capital C), pkg/callbackstruct/group.go (operationID second)',
    text: `{"callbackCommand":"CallbackBeforeSetGroupMemberInfoCommand","operationID":"1690000000000","groupID":"group001","userID":"user002","nickName":null,"faceURL":null,"roleLevel":60,"ex":null}`,
    wrong: { field: 'groupID', value: 1 },
  },
  {
    command: 'callbackAfterSetGroupMemberInfoCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackAfterSetGroupMemberInfoReq',
    text: `{"callbackCommand":"callbackAfterSetGroupMemberInfoCommand","groupID":"group001","userID":"user002","nickName":"Bob in Team","faceURL":null,"roleLevel":null,"ex":null}${NL}`,
    wrong: { field: 'nickName', value: false },
  },
  {
    command: 'callbackAfterQuitGroupCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackQuitGroupReq',
    text: `{"callbackCommand":"callbackAfterQuitGroupCommand","groupID":"group001","userID":"user003"}${NL}`,
    wrong: { field: 'userID', value: 3 },
  },
  {
    command: 'callbackQuitGroupCommand',
    profile: 'v3.6',
    source: 'v3.6.0 pkg/callbackstruct/constant.go CallbackQuitGroupCommand, group.go CallbackQuitGroupReq',
    text: `{"callbackCommand":"callbackQuitGroupCommand","groupID":"group001","userID":"user003"}`,
    wrong: { field: 'groupID', value: null },
  },
  {
    command: 'callbackAfterKickGroupCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackKillGroupMemberReq',
    text: `{"callbackCommand":"callbackAfterKickGroupCommand","groupID":"group001","kickedUserIDs":["user003"],"reason":"spam"}${NL}`,
    wrong: { field: 'kickedUserIDs', value: 'user003' },
  },
  {
    command: 'callbackAfterDisMissGroupCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/group.go CallbackDisMissGroupReq; internal/rpc/group/group.go DismissGroup (GroupType: string(group.GroupType) → U+0002)',
    text:
      String.raw`{"callbackCommand":"callbackAfterDisMissGroupCommand","groupID":"group001","ownerID":"user001","groupType":"\u0002","membersID":["user001","user002"]}` +
      NL,
    wrong: { field: 'groupType', value: 2 },
  },
  {
    command: 'callbackBeforeJoinGroupCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/group.go CallbackJoinGroupReq; internal/rpc/group/group.go JoinGroup (applyID = InviterUserID)',
    text:
      String.raw`{"callbackCommand":"callbackBeforeJoinGroupCommand","groupID":"group001","groupType":"\u0002","applyID":"","reqMessage":"let me in","ex":""}` +
      NL,
    wrong: { field: 'reqMessage', value: 1 },
  },
  {
    command: 'callbackBeforeInviteJoinGroupCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackBeforeInviteUserToGroupReq',
    text: `{"callbackCommand":"callbackBeforeInviteJoinGroupCommand","operationID":"1733580000000","groupID":"group001","reason":"","invitedUserIDs":["user004"]}${NL}`,
    wrong: { field: 'invitedUserIDs', value: 'user004' },
  },
  {
    command: 'callbackAfterJoinGroupCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackAfterJoinGroupReq',
    text: `{"callbackCommand":"callbackAfterJoinGroupCommand","operationID":"1733580000000","groupID":"group001","reqMessage":"hi","joinSource":3,"inviterUserID":""}${NL}`,
    wrong: { field: 'joinSource', value: '3' },
  },
  {
    command: 'callbackAfterTransferGroupOwnerCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackTransferGroupOwnerReq',
    text: `{"callbackCommand":"callbackAfterTransferGroupOwnerCommand","groupID":"group001","oldOwnerUserID":"user001","newOwnerUserID":"user002"}${NL}`,
    wrong: { field: 'newOwnerUserID', value: 2 },
  },
  {
    command: 'callbackTransferGroupOwnerAfter',
    profile: 'v3.4.2-v3.5',
    source:
      'v3.5.1 pkg/callbackstruct/constant.go CallbackTransferGroupOwnerAfter; internal/rpc/group/callback.go CallbackTransferGroupOwnerAfter',
    text: `{"callbackCommand":"callbackTransferGroupOwnerAfter","groupID":"group001","oldOwnerUserID":"user001","newOwnerUserID":"user002"}`,
    wrong: { field: 'oldOwnerUserID', value: null },
  },
  {
    command: 'callbackBeforeSetGroupInfoCommand',
    profile: 'v3.7+',
    source:
      'v3.8.3 pkg/callbackstruct/group.go CallbackBeforeSetGroupInfoReq (operationID never set → ""); internal/rpc/group/callback.go webhookBeforeSetGroupInfo',
    text: `{"callbackCommand":"callbackBeforeSetGroupInfoCommand","operationID":"","groupID":"group001","groupName":"Team A","notification":"","introduction":"","faceURL":"","ex":"","needVerification":0,"lookMemberInfo":0,"applyMemberFriend":0}${NL}`,
    wrong: { field: 'needVerification', value: false },
  },
  {
    command: 'callbackAfterSetGroupInfoCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackAfterSetGroupInfoReq (*string/*int32 null when not changed)',
    text: `{"callbackCommand":"callbackAfterSetGroupInfoCommand","operationID":"","groupID":"group001","groupName":"Team A","notification":"","introduction":"","faceURL":"","ex":null,"needVerification":null,"lookMemberInfo":null,"applyMemberFriend":null}${NL}`,
    wrong: { field: 'groupName', value: null },
  },
  {
    command: 'callbackBeforeSetGroupInfoExCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackBeforeSetGroupInfoExReq (wrapperspb: string/number or null)',
    text: `{"callbackCommand":"callbackBeforeSetGroupInfoExCommand","operationID":"","groupID":"group001","groupName":"Team A","notification":null,"introduction":null,"faceURL":null,"ex":null,"needVerification":1,"lookMemberInfo":null,"applyMemberFriend":null}${NL}`,
    wrong: { field: 'needVerification', value: '1' },
  },
  {
    command: 'callbackAfterSetGroupInfoExCommand',
    profile: 'v3.7+',
    source: 'v3.8.3 pkg/callbackstruct/group.go CallbackAfterSetGroupInfoExReq',
    text: `{"callbackCommand":"callbackAfterSetGroupInfoExCommand","operationID":"","groupID":"group001","groupName":"Team A","notification":null,"introduction":null,"faceURL":null,"ex":null,"needVerification":1,"lookMemberInfo":null,"applyMemberFriend":null}${NL}`,
    wrong: { field: 'groupID', value: 1 },
  },
];
