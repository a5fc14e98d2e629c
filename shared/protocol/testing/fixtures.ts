/** The request bodies of /work/shared/spec/examples, verbatim, for the tests (shared/ code cannot read files). */
export const EXAMPLES: Record<string, string> = {
  callbackAfterDeleteFriendCommand:
    '{\n  "callbackCommand": "callbackAfterDeleteFriendCommand",\n  "ownerUserID": "user123",\n  "friendUserID": "user456"\n}\n',
  callbackBeforeAddFriendAgreeCommand:
    '{\n  "callbackCommand": "callbackBeforeAddFriendAgreeCommand",\n  "fromUserID": "user123",\n  "blackUserID": "user456",\n  "HandleResult": 1,\n  "HandleMsg": "Let\'s be friends!"\n}\n',
  callbackBeforeAddFriendCommand:
    '{\n  "callbackCommand": "callbackBeforeAddFriendCommand",\n  "fromUserID": "user123",\n  "toUserID": "user456",\n  "reqMsg": "Hi, let\'s be friends!",\n  "ex": ""\n}\n',
  callbackBeforeImportFriendsCommand:
    '{\n  "callbackCommand": "callbackBeforeImportFriendsCommand",\n  "ownerUserID": "user123",\n  "friendUserIDs": [\n    "user456",\n    "user789"\n  ]\n}\n',
  callbackBeforeSetFriendRemarkCommand:
    '{\n  "callbackCommand": "callbackBeforeSetFriendRemarkCommand",\n  "ownerUserID": "user123",\n  "friendUserID": "user456",\n  "remark": "My Best Friend"\n}\n',
  'Sns.CallbackBlackListAdd':
    '{\n  "CallbackCommand": "Sns.CallbackBlackListAdd",\n  "PairList": [\n    { "From_Account": "id", "To_Account": "id1" },\n    { "From_Account": "id", "To_Account": "id2" },\n    { "From_Account": "id", "To_Account": "id3" }\n  ]\n}\n',
  'Sns.CallbackBlackListDelete':
    '{\n  "CallbackCommand": "Sns.CallbackBlackListDelete",\n  "PairList": [\n    { "From_Account": "id", "To_Account": "id1" },\n    { "From_Account": "id", "To_Account": "id2" },\n    { "From_Account": "id", "To_Account": "id3" }\n  ]\n}\n',
  'Sns.CallbackFriendAdd':
    '{\n  "CallbackCommand": "Sns.CallbackFriendAdd",\n  "PairList": [\n    { "From_Account": "id", "To_Account": "id1", "Initiator_Account": "id" },\n    { "From_Account": "id", "To_Account": "id2", "Initiator_Account": "id" },\n    { "From_Account": "id", "To_Account": "id3", "Initiator_Account": "id" }\n  ],\n  "ClientCmd": "friend_add",\n  "Admin_Account": "",\n  "ForceFlag": 1\n}\n',
  'Sns.CallbackFriendDelete':
    '{\n  "CallbackCommand": "Sns.CallbackFriendDelete",\n  "PairList": [\n    { "From_Account": "id", "To_Account": "id1" },\n    { "From_Account": "id", "To_Account": "id2" },\n    { "From_Account": "id", "To_Account": "id3" }\n  ]\n}\n',
  'Sns.CallbackPrevFriendAdd':
    '{\n  "CallbackCommand": "Sns.CallbackPrevFriendAdd",\n  "Requester_Account": "id",\n  "From_Account": "id",\n  "FriendItem": [\n    {\n      "To_Account": "id1",\n      "Remark": "remark1",\n      "GroupName": "group1",\n      "AddSource": "AddSource_Type_Android",\n      "AddWording": "this is id1!"\n    },\n    {\n      "To_Account": "id2",\n      "Remark": "remark2",\n      "GroupName": "group1",\n      "AddSource": "AddSource_Type_Android",\n      "AddWording": "this is id2!"\n    }\n  ],\n  "AddType": "Add_Type_Both",\n  "ForceAddFlags": 0,\n  "EventTime": 1631777344870\n}\n',
  'Sns.CallbackPrevFriendResponse':
    '{\n  "CallbackCommand": "Sns.CallbackPrevFriendResponse",\n  "Requester_Account": "id",\n  "From_Account": "id",\n  "ResponseFriendItem": [\n    {\n      "To_Account": "id1",\n      "Remark": "remark1",\n      "TagName": "group1",\n      "ResponseAction": "Response_Action_AgreeAndAdd"\n    },\n    {\n      "To_Account": "id2",\n      "Remark": "remark2",\n      "TagName": "group2",\n      "ResponseAction": "Response_Action_Reject"\n    }\n  ],\n  "EventTime": 1631777645424\n}\n',
};
