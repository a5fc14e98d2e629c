import { commandField, int, str, type TencentRow } from '../row.js';
import { groupEventTime, members, opt } from './common.js';
import { EXAMPLE_TIME, groupId, groupType, operator } from './group-fields.js';

/**
 * Group callbacks the command list (trtc.io/document/34355) gained after intlcloud-documents @ 02ec31c262: their pages
 * are read on tencentcloud.com / trtc.io (same document ids). All are after-callbacks whose answer is ignored.
 * Field order is the page example's.
 */
export const laterPage = (id: string): string =>
  `https://www.tencentcloud.com/document/product/1047/${id} (trtc.io/document/${id}; not in intlcloud-documents @ 02ec31c262)`;

export const GROUP_LATER: readonly TencentRow[] = [
  {
    name: 'Group.CallbackAfterMemberFieldChanged',
    phase: 'after',
    family: 'group',
    title: 'After group member profile changed',
    short: 'member profile changed',
    subject: 'the member profile change',
    configKey: 'Callback After Group Member Profile Changed',
    source: laterPage('60393'),
    fields: [
      commandField('Group.CallbackAfterMemberFieldChanged'),
      groupId,
      groupType,
      operator,
      str('Member_Account', 'UserID of the member whose profile changed'),
      opt(str('Role', 'new role: Admin (made an administrator) or Member (no longer one); only when it changed')),
      opt(str('NameCard', 'new group card name; only when it changed')),
      groupEventTime,
    ],
    parties: { from: 'Operator_Account', to: 'Member_Account', group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Community',
      Operator_Account: 'admin',
      Member_Account: 'jared',
      Role: 'Admin',
      NameCard: 'jacky',
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterGroupAttrChanged',
    phase: 'after',
    family: 'group',
    title: 'After group attributes changed',
    short: 'group attributes changed',
    subject: 'the attribute change',
    configKey: 'Callback After Group Attribute Changed',
    source: laterPage('60394'),
    fields: [
      commandField('Group.CallbackAfterGroupAttrChanged'),
      groupId,
      groupType,
      operator,
      opt(str('OptionType', 'set (reset), modify, clear or delete (in the example, not the table)')),
      {
        name: 'GroupAttr',
        type: 'object[]',
        required: true,
        description: 'the custom attributes (lower-case key and value)',
        items: [str('key', 'attribute name'), str('value', 'attribute value')],
      },
      groupEventTime,
    ],
    parties: { from: 'Operator_Account', group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Public',
      Operator_Account: 'leckie',
      OptionType: 'set',
      GroupAttr: [
        { key: 'key1', value: 'value1' },
        { key: 'key2', value: 'values' },
      ],
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterReadReceipt',
    phase: 'after',
    family: 'group',
    title: 'After group read receipt',
    short: 'group read receipt',
    subject: 'the read receipt',
    configKey: 'Callback After Read Receipt',
    source: laterPage('60395'),
    fields: [
      commandField('Group.CallbackAfterReadReceipt'),
      groupId,
      str('Type', 'group type (not Community), e.g. Public'),
      {
        name: 'GroupMsgReceiptList',
        type: 'object[]',
        required: true,
        description: 'read receipts, one per message',
        items: [
          int('MsgSeq', 'uint32', 'message sequence number'),
          int('ReadNum', 'int32', 'members who have read it'),
          int('UnreadNum', 'int32', 'members who have not'),
          members('ReadReceiptMembers', 'members who have read it'),
        ],
      },
      groupEventTime,
    ],
    parties: { group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2TTV7VSII',
      Type: 'Public',
      GroupMsgReceiptList: [
        { MsgSeq: 1, ReadNum: 1, UnreadNum: 6, ReadReceiptMembers: [{ Member_Account: 'user0' }] },
        { MsgSeq: 2, ReadNum: 1, UnreadNum: 6, ReadReceiptMembers: [{ Member_Account: 'user0' }] },
      ],
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterChangeGroupOwner',
    phase: 'after',
    family: 'group',
    title: 'After group owner changed',
    short: 'owner changed',
    subject: 'the owner change',
    configKey: 'Callback After the Group Owner Changed',
    source: laterPage('60396'),
    fields: [
      commandField('Group.CallbackAfterChangeGroupOwner'),
      groupId,
      groupType,
      operator,
      str('OldOwner_Account', 'UserID of the previous owner'),
      str('NewOwner_Account', 'UserID of the new owner'),
      groupEventTime,
    ],
    parties: { from: 'OldOwner_Account', to: 'NewOwner_Account', group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2TTV7VSII',
      Type: 'Public',
      Operator_Account: 'admin',
      OldOwner_Account: 'user1',
      NewOwner_Account: 'user2',
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackOnDailyGroupQuotaAlarm',
    phase: 'after',
    family: 'group',
    title: 'Daily group quota alarm',
    short: 'group quota alarm',
    subject: 'the alarm',
    // The page: "This callback and the callback after group profile modification use the same switch."
    configKey: 'After Group Profile Is Modified',
    source: laterPage('57455'),
    fields: [
      commandField('Group.CallbackOnDailyGroupQuotaAlarm'),
      int('QuotaUsed', 'int32', 'groups created today (net of the ones disbanded), past 70 % of the limit'),
      int('Quota', 'int32', 'the daily limit of newly created groups'),
      groupEventTime,
    ],
    sample: { QuotaUsed: 7321, Quota: 10000, EventTime: EXAMPLE_TIME },
  },
];
