import type { CommandInfo, FieldSpec } from './types.js';

/** Tencent Cloud Chat callbacks (protocols.md B.2). Wire keys are exact, including `GroupName` vs `TagName`. */

const str = (name: string, description: string): FieldSpec => ({ name, type: 'string', required: true, description });
const command = (name: string): FieldSpec => str('CallbackCommand', `always "${name}"`);
const eventTime: FieldSpec = {
  name: 'EventTime',
  type: 'number',
  int: 'int64',
  required: true,
  description: 'milliseconds since epoch',
};

const pairList = (withInitiator: boolean): FieldSpec => ({
  name: 'PairList',
  type: 'object[]',
  required: true,
  description: 'affected pairs',
  items: [
    str('From_Account', 'owner of the list'),
    str('To_Account', 'user added or removed'),
    ...(withInitiator ? [str('Initiator_Account', 'who started the add')] : []),
  ],
});

const pairs = (withInitiator: boolean) =>
  ['id1', 'id2', 'id3'].map((to) => ({
    From_Account: 'id',
    To_Account: to,
    ...(withInitiator ? { Initiator_Account: 'id' } : {}),
  }));

const sns = (
  name: string,
  phase: 'before' | 'after',
  title: string,
  subject: string,
  fields: FieldSpec[],
  sample: Record<string, unknown>,
  responseFields: string[] = [],
): CommandInfo => ({
  dialect: 'tencent',
  name,
  phase,
  family: 'relationship',
  title,
  modelled: true,
  fields: [command(name), ...fields],
  responseFields,
  sample: { CallbackCommand: name, ...sample },
  subject,
});

export const PREV_FRIEND_ADD = 'Sns.CallbackPrevFriendAdd';
export const PREV_FRIEND_RESPONSE = 'Sns.CallbackPrevFriendResponse';

export const TENCENT_RELATIONSHIP: CommandInfo[] = [
  sns(
    PREV_FRIEND_ADD,
    'before',
    'Before friend add',
    'the friend request',
    [
      str('Requester_Account', 'UserID that issued the request'),
      str('From_Account', 'UserID that wants to add friends'),
      {
        name: 'FriendItem',
        type: 'object[]',
        required: true,
        description: 'one entry per target',
        items: [
          str('To_Account', 'target UserID'),
          str('Remark', 'remark From sets for To'),
          str('GroupName', 'friend group'),
          str('AddSource', 'source, e.g. AddSource_Type_Android'),
          str('AddWording', 'request message'),
        ],
      },
      str('AddType', 'Add_Type_Single or Add_Type_Both'),
      { name: 'ForceAddFlags', type: 'number', int: 'int32', required: true, description: '1 = admin forced add' },
      eventTime,
    ],
    {
      Requester_Account: 'id',
      From_Account: 'id',
      FriendItem: [
        {
          To_Account: 'id1',
          Remark: 'remark1',
          GroupName: 'group1',
          AddSource: 'AddSource_Type_Android',
          AddWording: 'this is id1!',
        },
        {
          To_Account: 'id2',
          Remark: 'remark2',
          GroupName: 'group1',
          AddSource: 'AddSource_Type_Android',
          AddWording: 'this is id2!',
        },
      ],
      AddType: 'Add_Type_Both',
      ForceAddFlags: 0,
      EventTime: 1631777344870,
    },
    ['ResultItem'],
  ),
  sns(
    PREV_FRIEND_RESPONSE,
    'before',
    'Before friend request answered',
    'the friend response',
    [
      str('Requester_Account', 'UserID that issued the response'),
      str('From_Account', 'UserID answering the request(s)'),
      {
        name: 'ResponseFriendItem',
        type: 'object[]',
        required: true,
        description: 'one per request being answered',
        items: [
          str('To_Account', 'the original requester'),
          str('Remark', 'remark From sets for To'),
          str('TagName', 'friend group (GroupName in PrevFriendAdd)'),
          str('ResponseAction', 'Response_Action_AgreeAndAdd / _Agree / _Reject'),
        ],
      },
      eventTime,
    ],
    {
      Requester_Account: 'id',
      From_Account: 'id',
      ResponseFriendItem: [
        { To_Account: 'id1', Remark: 'remark1', TagName: 'group1', ResponseAction: 'Response_Action_AgreeAndAdd' },
        { To_Account: 'id2', Remark: 'remark2', TagName: 'group2', ResponseAction: 'Response_Action_Reject' },
      ],
      EventTime: 1631777645424,
    },
    ['ResultItem'],
  ),
  sns(
    'Sns.CallbackFriendAdd',
    'after',
    'After friend added',
    'the friend add',
    [
      pairList(true),
      str('ClientCmd', 'friend_add / FriendAdd / friend_response / FriendResponse'),
      str('Admin_Account', 'admin account if triggered from the backend'),
      { name: 'ForceFlag', type: 'number', int: 'int32', required: true, description: '1 = forced by admin' },
    ],
    { PairList: pairs(true), ClientCmd: 'friend_add', Admin_Account: '', ForceFlag: 1 },
  ),
  sns('Sns.CallbackFriendDelete', 'after', 'After friend deleted', 'the friend deletion', [pairList(false)], {
    PairList: pairs(false),
  }),
  sns('Sns.CallbackBlackListAdd', 'after', 'After blocklist add', 'the blocklist add', [pairList(false)], {
    PairList: pairs(false),
  }),
  sns('Sns.CallbackBlackListDelete', 'after', 'After blocklist delete', 'the blocklist removal', [pairList(false)], {
    PairList: pairs(false),
  }),
];

const named = (name: string, family: CommandInfo['family'], title: string): CommandInfo => ({
  dialect: 'tencent',
  name,
  phase: 'after',
  family,
  title,
  modelled: false,
  fields: [],
  responseFields: [],
});

export const TENCENT_COMMANDS: CommandInfo[] = [
  ...TENCENT_RELATIONSHIP,
  named('Profile.CallbackPortraitSet', 'profile', 'After profile update'),
  named('Follow.CallbackAfterFollowAdd', 'follow', 'After follow'),
  named('Follow.CallbackAfterFollowDelete', 'follow', 'After unfollow'),
  // Named in protocols.md F.10 (sends OptPlatform `IOS`); login/logout state change.
  named('State.StateChange', 'status', 'Online state change'),
];

/** Where each Tencent before-callback lists its targets (`To_Account` per item). */
export const TENCENT_TARGET_LIST: Record<string, string> = {
  [PREV_FRIEND_ADD]: 'FriendItem',
  [PREV_FRIEND_RESPONSE]: 'ResponseFriendItem',
};
