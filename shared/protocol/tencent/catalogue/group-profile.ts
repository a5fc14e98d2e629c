import { commandField, str, type TencentRow } from '../row.js';
import { groupEventTime, members, opt } from './common.js';
import { EXAMPLE_TIME, groupId, groupPage, groupType, operator, profileChange } from './group-fields.js';

/**
 * Group profile and state callbacks (disbanded, profile changed, audio-video member online state), from intlcloud-documents
 * `…/第三方回调/群组系统相关回调/*_intl_en.md` (the "Groups" table of the command list, 1047/34355). Field order
 * is the page example's; fields only the table names come after them.
 */

export const GROUP_PROFILE: readonly TencentRow[] = [
  {
    name: 'Group.CallbackAfterGroupDestroyed',
    phase: 'after',
    family: 'group',
    title: 'After group disbanded',
    short: 'group disbanded',
    subject: 'the disbanding',
    configKey: 'After a Group Is Disbanded',
    source: groupPage('34377', '群组解散之后回调'),
    fields: [
      commandField('Group.CallbackAfterGroupDestroyed'),
      groupId,
      groupType,
      str('Owner_Account', 'UserID of the owner'),
      opt(str('Name', 'group name (in the example, not the table)')),
      opt(members('MemberList', 'members of the disbanded group (not sent for communities)')),
      groupEventTime,
    ],
    failure: 'ignored',
    parties: { from: 'Owner_Account', group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Public',
      Owner_Account: 'leckie',
      Name: 'MyFirstGroup',
      MemberList: [{ Member_Account: 'leckie' }, { Member_Account: 'peter' }, { Member_Account: 'bob' }],
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterGroupInfoChanged',
    phase: 'after',
    family: 'group',
    title: 'After group profile changed',
    short: 'group profile changed',
    subject: 'the profile change',
    configKey: 'After Group Profile Is Modified',
    source: groupPage('34378', '群组资料变动之后回调'),
    fields: [
      commandField('Group.CallbackAfterGroupInfoChanged'),
      groupId,
      groupType,
      operator,
      ...profileChange('group'),
      groupEventTime,
    ],
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      Type: 'Public',
      Operator_Account: 'leckie',
      Notification: 'NewNotification',
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackOnMemberStateChange',
    phase: 'after',
    family: 'group',
    title: 'Audio-video group member online/offline',
    short: 'AV member state',
    subject: 'the state change',
    configKey: 'Webhook for Online and Offline Status of Audio-Video Group Members',
    source: groupPage('48734', '直播群成员在线状态回调'),
    fields: [
      commandField('Group.CallbackOnMemberStateChange'),
      groupId,
      str('EventType', 'Offline (heartbeat lost) or Online (back)'),
      members('MemberList', 'members the event is about'),
    ],
    failure: 'ignored',
    parties: { group: 'GroupId' },
    sample: {
      GroupId: '@TGS#2J4SZEAEL',
      EventType: 'Offline',
      MemberList: [{ Member_Account: 'jared' }, { Member_Account: 'tommy' }],
    },
  },
];
