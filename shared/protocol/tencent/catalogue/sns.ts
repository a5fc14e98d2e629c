import type { FieldSpec } from '../../types.js';
import { commandField, eventTime, int, str, type TencentRow } from '../row.js';

/** Tencent relationship-chain ("Sns.*") callbacks (protocols.md B.2). Wire keys are exact, `GroupName` vs `TagName`. */

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

const resultItem = {
  name: 'ResultItem',
  type: 'object[]',
  effect: 'one verdict per target: ResultCode 0 lets that target proceed, 38000–39000 blocks it',
  applies: 'present',
} as const;

/** The before-callbacks answer per target: one ResultItem each; a failed call follows the console's policy. */
const perTargetVerdict = {
  answer: [resultItem],
  denyBy: 'result-item',
  denyCodes: { min: 38_000, max: 39_000 },
  failure: 'console-policy',
} satisfies Partial<TencentRow>;

const page = (id: number) => `https://intl.cloud.tencent.com/document/product/1047/${id}`;

/** PairList commands: after-callbacks, answer ignored. */
const afterPairs = (name: string, title: string, subject: string, id: number, configKey: string): TencentRow => ({
  name,
  phase: 'after',
  family: 'relationship',
  title,
  subject,
  configKey,
  fields: [commandField(name), pairList(false)],
  failure: 'ignored',
  parties: { from: 'PairList[].From_Account', to: 'PairList[].To_Account' },
  source: page(id),
  sample: { PairList: pairs(false) },
});

export const SNS: readonly TencentRow[] = [
  {
    name: 'Sns.CallbackPrevFriendAdd',
    phase: 'before',
    family: 'relationship',
    title: 'Before friend add',
    configKey: 'Before a Friend Is Added',
    short: 'add friend',
    subject: 'the friend request',
    fields: [
      commandField('Sns.CallbackPrevFriendAdd'),
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
      int('ForceAddFlags', 'int32', '1 = admin forced add'),
      eventTime,
    ],
    ...perTargetVerdict,
    parties: { from: 'From_Account', targets: { list: 'FriendItem', account: 'To_Account' } },
    next: [
      {
        command: 'Sns.CallbackFriendAdd',
        when: 'proceeds',
        note: 'for each target that proceeds',
        laterFailure:
          'the add did not complete: a target whose AllowType needs confirmation becomes a friend only when it agrees',
      },
    ],
    source: `${page(43468)} ; CN https://cloud.tencent.com/document/product/269/61698`,
    sample: {
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
  },
  {
    name: 'Sns.CallbackPrevFriendResponse',
    phase: 'before',
    family: 'relationship',
    title: 'Before friend request answered',
    configKey: 'Before a Friend Request Is Responded',
    short: 'answer friend request',
    subject: 'the friend response',
    fields: [
      commandField('Sns.CallbackPrevFriendResponse'),
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
    ...perTargetVerdict,
    parties: { from: 'From_Account', targets: { list: 'ResponseFriendItem', account: 'To_Account' } },
    next: [{ command: 'Sns.CallbackFriendAdd', when: 'proceeds', note: 'for each agreeing target that proceeds' }],
    source: page(43467),
    sample: {
      Requester_Account: 'id',
      From_Account: 'id',
      ResponseFriendItem: [
        { To_Account: 'id1', Remark: 'remark1', TagName: 'group1', ResponseAction: 'Response_Action_AgreeAndAdd' },
        { To_Account: 'id2', Remark: 'remark2', TagName: 'group2', ResponseAction: 'Response_Action_Reject' },
      ],
      EventTime: 1631777645424,
    },
  },
  {
    name: 'Sns.CallbackFriendAdd',
    phase: 'after',
    family: 'relationship',
    title: 'After friend added',
    configKey: 'After a Friend Is Added',
    short: 'friend added',
    subject: 'the friend add',
    fields: [
      commandField('Sns.CallbackFriendAdd'),
      pairList(true),
      str('ClientCmd', 'friend_add / FriendAdd / friend_response / FriendResponse'),
      str('Admin_Account', 'admin account if triggered from the backend'),
      int('ForceFlag', 'int32', '1 = forced by admin'),
    ],
    failure: 'ignored',
    parties: { from: 'PairList[].From_Account', to: 'PairList[].To_Account' },
    source: `${page(34359)} ; CN https://cloud.tencent.com/document/product/269/1657`,
    sample: { PairList: pairs(true), ClientCmd: 'friend_add', Admin_Account: '', ForceFlag: 1 },
  },
  afterPairs(
    'Sns.CallbackFriendDelete',
    'After friend deleted',
    'the friend deletion',
    34360,
    'After a Friend Is Deleted',
  ),
  afterPairs(
    'Sns.CallbackBlackListAdd',
    'After blocklist add',
    'the blocklist add',
    34361,
    'After a User Is Added to Blocklist',
  ),
  afterPairs(
    'Sns.CallbackBlackListDelete',
    'After blocklist delete',
    'the blocklist removal',
    34362,
    'After a User Is Removed from Blocklist',
  ),
];
