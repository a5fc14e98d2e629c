/**
 * Request bodies copied by hand from each command's page in tencentyun/intlcloud-documents @ 02ec31c262, folder
 * `yehe_doc/中间件与通信/即时通信 IM/服务端 API/第三方回调/` (the file after each key), or, for commands the command list
 * gained later (trtc.io/document/34355), from the page at the URL given: the page's example with its `//` comments
 * removed, keys and values as printed (Group pages print `EventTime` as a string). Never built from the catalogue's
 * own samples. Group.CallbackSendMsgException: the page's example lacks the comma after `ErrorInfo`;
 * Group.CallbackAfterReadReceipt: after the first item's `UnreadNum`; added.
 */
export const PAGE_BODIES: Record<string, { page: string; body: string }> = {
  'Sns.CallbackPrevFriendAdd': {
    page: '资料关系链相关回调/添加好友之前回调_intl_en.md',
    body: '{"CallbackCommand":"Sns.CallbackPrevFriendAdd","Requester_Account":"id","From_Account":"id","FriendItem":[{"To_Account":"id1","Remark":"remark1","GroupName":"group1","AddSource":"AddSource_Type_Android","AddWording":"this is id1!"},{"To_Account":"id2","Remark":"remark2","GroupName":"group1","AddSource":"AddSource_Type_Android","AddWording":"this is id2!"}],"AddType":"Add_Type_Both","ForceAddFlags":0,"EventTime":1631777344870}',
  },
  'Sns.CallbackPrevFriendResponse': {
    page: '资料关系链相关回调/添加好友回应之前回调_intl_en.md',
    body: '{"CallbackCommand":"Sns.CallbackPrevFriendResponse","Requester_Account":"id","From_Account":"id","ResponseFriendItem":[{"To_Account":"id1","Remark":"remark1","TagName":"group1","ResponseAction":"Response_Action_AgreeAndAdd"},{"To_Account":"id2","Remark":"remark2","TagName":"group2","ResponseAction":"Response_Action_Reject"}],"EventTime":1631777645424}',
  },
  'Sns.CallbackFriendAdd': {
    page: '资料关系链相关回调/添加好友之后回调_intl_en.md',
    body: '{"CallbackCommand":"Sns.CallbackFriendAdd","PairList":[{"From_Account":"id","To_Account":"id1","Initiator_Account":"id"},{"From_Account":"id","To_Account":"id2","Initiator_Account":"id"},{"From_Account":"id","To_Account":"id3","Initiator_Account":"id"}],"ClientCmd":"friend_add","Admin_Account":"","ForceFlag":1}',
  },
  'Sns.CallbackFriendDelete': {
    page: '资料关系链相关回调/删除好友之后回调_intl_en.md',
    body: '{"CallbackCommand":"Sns.CallbackFriendDelete","PairList":[{"From_Account":"id","To_Account":"id1"},{"From_Account":"id","To_Account":"id2"},{"From_Account":"id","To_Account":"id3"}]}',
  },
  'Sns.CallbackBlackListAdd': {
    page: '资料关系链相关回调/添加黑名单之后回调_intl_en.md',
    body: '{"CallbackCommand":"Sns.CallbackBlackListAdd","PairList":[{"From_Account":"id","To_Account":"id1"},{"From_Account":"id","To_Account":"id2"},{"From_Account":"id","To_Account":"id3"}]}',
  },
  'Sns.CallbackBlackListDelete': {
    page: '资料关系链相关回调/删除黑名单之后回调_intl_en.md',
    body: '{"CallbackCommand":"Sns.CallbackBlackListDelete","PairList":[{"From_Account":"id","To_Account":"id1"},{"From_Account":"id","To_Account":"id2"},{"From_Account":"id","To_Account":"id3"}]}',
  },
  'C2C.CallbackBeforeSendMsg': {
    page: '单聊消息相关回调/发单聊消息之前回调_intl_en.md',
    body: '{"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"jared","To_Account":"John","MsgSeq":48374,"MsgRandom":2837546,"MsgTime":1557481126,"MsgKey":"48374_2837546_1557481126","OnlineOnlyFlag":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data"}',
  },
  'C2C.CallbackAfterSendMsg': {
    page: '单聊消息相关回调/发单聊消息之后回调_intl_en.md',
    body: '{"CallbackCommand":"C2C.CallbackAfterSendMsg","From_Account":"jared","To_Account":"Jonh","MsgSeq":48374,"MsgRandom":2837546,"MsgTime":1557481126,"MsgKey":"48374_2837546_1557481126","OnlineOnlyFlag":1,"SendMsgResult":0,"ErrorInfo":"send msg succeed","UnreadMsgNum":7,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data"}',
  },
  'C2C.CallbackAfterMsgReport': {
    page: '单聊消息相关回调/单聊消息已读上报后回调_intl_en.md',
    body: '{"CallbackCommand":"C2C.CallbackAfterMsgReport","Report_Account":"jared","Peer_Account":"Jonh","LastReadTime":1614754606,"UnreadMsgNum":7}',
  },
  'C2C.CallbackAfterMsgWithDraw': {
    page: '单聊消息相关回调/单聊消息撤回后回调_intl_en.md',
    body: '{"CallbackCommand":"C2C.CallbackAfterMsgWithDraw","From_Account":"jared","To_Account":"Jonh","MsgKey":"48374_2837546_1557481126","UnreadMsgNum":7}',
  },
  'Group.CallbackBeforeCreateGroup': {
    page: '群组系统相关回调/创建群组之前回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackBeforeCreateGroup","Operator_Account":"leckie","Owner_Account":"leckie","Type":"Public","Name":"MyFirstGroup","CreateGroupNum":123,"MemberList":[{"Member_Account":"bob"},{"Member_Account":"peter"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterCreateGroup': {
    page: '群组系统相关回调/创建群组之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterCreateGroup","GroupId":"@TGS#2J4SZEAEL","Operator_Account":"group_root","Owner_Account":"leckie","Type":"Public","Name":"MyFirstGroup","MemberList":[{"Member_Account":"bob"},{"Member_Account":"peter"}],"UserDefinedDataList":[{"Key":"UserDefined1","Value":"hello"},{"Key":"UserDefined2","Value":"world"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackBeforeApplyJoinGroup': {
    page: '群组系统相关回调/申请入群之前回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackBeforeApplyJoinGroup","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Requestor_Account":"jared","EventTime":"1670574414123"}',
  },
  'Group.CallbackBeforeInviteJoinGroup': {
    page: '群组系统相关回调/拉人入群之前回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackBeforeInviteJoinGroup","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Operator_Account":"leckie","DestinationMembers":[{"Member_Account":"jared"},{"Member_Account":"leckie"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterNewMemberJoin': {
    page: '群组系统相关回调/新成员入群之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterNewMemberJoin","GroupId":"@TGS#2J4SZEAEL","Type":"Public","JoinType":"Apply","Operator_Account":"leckie","NewMemberList":[{"Member_Account":"jared"},{"Member_Account":"tommy"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterMemberExit': {
    page: '群组系统相关回调/群成员离开之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterMemberExit","GroupId":"@TGS#2J4SZEAEL","Type":"Public","ExitType":"Kicked","Operator_Account":"leckie","ExitMemberList":[{"Member_Account":"jared"},{"Member_Account":"tommy"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackBeforeSendMsg': {
    page: '群组系统相关回调/群内发言之前回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Community","From_Account":"jared","Operator_Account":"admin","Random":123456,"OnlineOnlyFlag":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data","TopicId":"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic","EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterSendMsg': {
    page: '群组系统相关回调/群内发言之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterSendMsg","GroupId":"@TGS#2J4SZEAEL","Type":"Public","From_Account":"jared","Operator_Account":"admin","Random":123456,"MsgSeq":123,"MsgTime":1490686222,"OnlineOnlyFlag":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data","EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterGroupFull': {
    page: '群组系统相关回调/群组满员之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterGroupFull","GroupId":"@TGS#2J4SZEAEL","EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterGroupDestroyed': {
    page: '群组系统相关回调/群组解散之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterGroupDestroyed","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Owner_Account":"leckie","Name":"MyFirstGroup","MemberList":[{"Member_Account":"leckie"},{"Member_Account":"peter"},{"Member_Account":"bob"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterGroupInfoChanged': {
    page: '群组系统相关回调/群组资料变动之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterGroupInfoChanged","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Operator_Account":"leckie","Notification":"NewNotification","EventTime":"1670574414123"}',
  },
  'Group.CallbackOnMemberStateChange': {
    page: '群组系统相关回调/直播群成员在线状态回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackOnMemberStateChange","GroupId":"@TGS#2J4SZEAEL","EventType":"Offline","MemberList":[{"Member_Account":"jared"},{"Member_Account":"tommy"}]}',
  },
  'Group.CallbackSendMsgException': {
    page: '群组系统相关回调/发送群聊消息异常回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackSendMsgException","GroupId":"@TGS#2J4SZEAEL","Type":"Public","From_Account":"jared","Operator_Account":"admin","Random":123456,"OnlineOnlyFlag":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data","ErrorCode":10023,"ErrorInfo":"msg count exceeds limit,please retry later","EventTime":"1670574414123"}',
  },
  'Group.CallbackBeforeCreateTopic': {
    page: '群组系统相关回调/创建话题之前回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackBeforeCreateTopic","Operator_Account":"leckie","Type":"Community","Name":"MyFirstTopic"}',
  },
  'Group.CallbackAfterCreateTopic': {
    page: '群组系统相关回调/创建话题之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterCreateTopic","GroupId":"@TGS#2J4SZEAEL","TopicId":"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_@TOPIC#cRTE3HIM62C5","Operator_Account":"group_root","Owner_Account":"leckie","Type":"Community","Name":"MyFirstTopic","UserDefinedDataList":[{"Key":"UserDefined1","Value":"hello"},{"Key":"UserDefined2","Value":"world"}]}',
  },
  'Group.CallbackAfterTopicDestroyed': {
    page: '群组系统相关回调/解散话题之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterTopicDestroyed","GroupId":"@TGS#_@TGS#cQVLVHIM62CJ","Type":"Community","TopicIdList":["@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic","@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic_1"]}',
  },
  'Group.CallbackAfterTopicInfoChanged': {
    page: '群组系统相关回调/话题资料修改之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterTopicInfoChanged","GroupId":"@TGS#2J4SZEAEL","Type":"Community","Operator_Account":"leckie","Name":"TestTopic","Introduction":"TestIntroduction","Notification":"NewNotification","FaceUrl":"http://this.is.face.url"}',
  },
  'Group.CallbackAfterRecallMsg': {
    page: '群组系统相关回调/撤回群消息之后回调_intl_en.md',
    body: '{"CallbackCommand":"Group.CallbackAfterRecallMsg","Operator_Account":"admin","Type":"Community","GroupId":"1213456","MsgSeqList":[{"MsgSeq":130}],"TopicId":"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic","EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterMemberFieldChanged': {
    page: 'https://www.tencentcloud.com/document/product/1047/60393',
    body: '{"CallbackCommand":"Group.CallbackAfterMemberFieldChanged","GroupId":"@TGS#xxxx","Type":"Community","Operator_Account":"admin","Member_Account":"123456","Role":"Admin","NameCard":"jacky","EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterGroupAttrChanged': {
    page: 'https://www.tencentcloud.com/document/product/1047/60394',
    body: '{"CallbackCommand":"Group.CallbackAfterGroupAttrChanged","GroupId":"@TGS#2J4SZEAEL","Type":"Public","Operator_Account":"leckie","OptionType":"set","GroupAttr":[{"key":"key1","value":"value1"},{"key":"key2","value":"values"}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterReadReceipt': {
    page: 'https://www.tencentcloud.com/document/product/1047/60395',
    body: '{"CallbackCommand":"Group.CallbackAfterReadReceipt","GroupId":"@TGS#2TTV7VSII","Type":"Public","GroupMsgReceiptList":[{"MsgSeq":1,"ReadNum":1,"UnreadNum":6,"ReadReceiptMembers":[{"Member_Account":"user0"}]},{"MsgSeq":2,"ReadNum":1,"UnreadNum":6,"ReadReceiptMembers":[{"Member_Account":"user0"}]}],"EventTime":"1670574414123"}',
  },
  'Group.CallbackAfterChangeGroupOwner': {
    page: 'https://www.tencentcloud.com/document/product/1047/60396',
    body: '{"CallbackCommand":"Group.CallbackAfterChangeGroupOwner","GroupId":"@TGS#2TTV7VSII","Type":"Public","Operator_Account":"admin","OldOwner_Account":"user1","NewOwner_Account":"user2","EventTime":"1670574414123"}',
  },
  'Group.CallbackOnDailyGroupQuotaAlarm': {
    page: 'https://www.tencentcloud.com/document/product/1047/57455',
    body: '{"CallbackCommand":"Group.CallbackOnDailyGroupQuotaAlarm","QuotaUsed":7321,"Quota":10000,"EventTime":"1670574414123"}',
  },
  'Follow.CallbackAfterFollowAdd': {
    page: 'https://www.tencentcloud.com/document/product/1047/70355',
    body: '{"CallbackCommand":"Follow.CallbackAfterFollowAdd","From_Account":"UserID_001","FollowList":[{"To_Account":"UserID_002"},{"To_Account":"UserID_003"}],"EventTime":1702018343678}',
  },
  'Follow.CallbackAfterFollowDelete': {
    page: 'https://www.tencentcloud.com/document/product/1047/70356',
    body: '{"CallbackCommand":"Follow.CallbackAfterFollowDelete","From_Account":"UserID_001","To_Account":["UserID_002","UserID_003"],"EventTime":1702018343678}',
  },
  'State.StateChange': {
    page: '在线状态相关回调/状态变更回调_intl_en.md',
    body: '{"CallbackCommand":"State.StateChange","EventTime":1629883332497,"Info":{"Action":"Login","To_Account":"testuser316","Reason":"Register"},"KickedDevice":[{"Platform":"Windows"},{"Platform":"Android"}]}',
  },
  'Profile.CallbackPortraitSet': {
    page: '资料关系链相关回调/更新资料之后回调_intl_en.md',
    body: '{"CallbackCommand":"Profile.CallbackPortraitSet","Operator_Account":"id1","From_Account":"id1","EventTime":1656921052497,"ProfileItem":[{"Tag":"Tag_Profile_IM_Nick","Value":"nick1"},{"Tag":"Tag_Profile_IM_Gender","Value":"Gender_Type_Male"},{"Tag":"Tag_Profile_IM_AllowType","Value":"AllowType_Type_NeedConfirm"},{"Tag":"Tag_Profile_Custom_Data","Value":"your custom data"}]}',
  },
};
