import { commandField, int, str, type TencentRow } from '../row.js';
import { bodySample, cloudCustomData, groupEventTime, msgBody, opt, rewriteAnswer } from './common.js';
import { EXAMPLE_TIME, GROUP_DENY, groupId, groupPage, groupType, operator, sendFields } from './group-fields.js';

/**
 * Group message callbacks (before and after send, delivery failure, recall), from intlcloud-documents
 * `…/第三方回调/群组系统相关回调/*_intl_en.md` (the "Groups" table of the command list, 1047/34355). Field order
 * is the page example's; fields only the table names come after them.
 */
const onlineOnly = int('OnlineOnlyFlag', 'int32', '1 = online-only message, 0 = not');
const topicId = opt(str('TopicId', 'topic ID (topic-enabled communities only)'));
/** The example sender, in `sendFields` order. */
const sendSample = {
  GroupId: '@TGS#2J4SZEAEL',
  Type: 'Public',
  From_Account: 'jared',
  Operator_Account: 'admin',
  Random: 123456,
};
const TOPIC_SAMPLE = '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic';

export const GROUP_MESSAGE: readonly TencentRow[] = [
  {
    name: 'Group.CallbackBeforeSendMsg',
    phase: 'before',
    family: 'message',
    title: 'Before group message sent',
    short: 'send group message',
    subject: 'the group message',
    configKey: 'Before Group Message Is Sent',
    source: groupPage('34374', '群内发言之前回调'),
    fields: [
      commandField('Group.CallbackBeforeSendMsg'),
      ...sendFields,
      int('OnlineOnlyFlag', 'int32', '1 = online-only message, 0 = not (always 0 in audio-video groups)'),
      msgBody(),
      cloudCustomData,
      topicId,
      groupEventTime,
    ],
    answer: rewriteAnswer('sent to the group', 'sent with the message'),
    failure: 'console-policy',
    parties: { from: 'From_Account', group: 'GroupId' },
    next: [
      {
        command: 'Group.CallbackAfterSendMsg',
        when: 'proceeds',
        laterFailure:
          'the message was not delivered after the callback (sender muted, frequency limit, no such group): ' +
          'Group.CallbackSendMsgException reports that when its switch is on',
      },
    ],
    ...GROUP_DENY,
    drop: true,
    sample: {
      ...sendSample,
      Type: 'Community',
      OnlineOnlyFlag: 1,
      ...bodySample(),
      TopicId: TOPIC_SAMPLE,
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterSendMsg',
    phase: 'after',
    family: 'message',
    title: 'After group message sent',
    short: 'group message sent',
    subject: 'the group message',
    configKey: 'After a Group Message Is Sent',
    source: groupPage('34375', '群内发言之后回调'),
    fields: [
      commandField('Group.CallbackAfterSendMsg'),
      ...sendFields,
      int('MsgSeq', 'uint32', 'message sequence number in the group'),
      { ...int('MsgTime', 'int64', 'send time (server clock)'), unit: 's' },
      onlineOnly,
      msgBody(),
      cloudCustomData,
      opt(str('TopicId', 'topic ID (topic-enabled communities only; in the table, not the example)')),
      groupEventTime,
    ],
    failure: 'ignored',
    parties: { from: 'From_Account', group: 'GroupId' },
    sample: {
      ...sendSample,
      MsgSeq: 123,
      MsgTime: 1490686222,
      OnlineOnlyFlag: 1,
      ...bodySample(),
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackSendMsgException',
    phase: 'after',
    family: 'message',
    title: 'Group message delivery failed',
    short: 'group message failed',
    subject: 'the group message',
    configKey: 'Webhook for Exceptions When Group Messages Are Sent',
    source: groupPage('49462', '发送群聊消息异常回调'),
    fields: [
      commandField('Group.CallbackSendMsgException'),
      ...sendFields,
      onlineOnly,
      msgBody(),
      cloudCustomData,
      int('ErrorCode', 'int32', 'why delivery failed (an error code)'),
      str('ErrorInfo', 'details of the failure'),
      groupEventTime,
    ],
    failure: 'ignored',
    parties: { from: 'From_Account', group: 'GroupId' },
    sample: {
      ...sendSample,
      OnlineOnlyFlag: 1,
      ...bodySample(),
      ErrorCode: 10023,
      ErrorInfo: 'msg count exceeds limit,please retry later',
      EventTime: EXAMPLE_TIME,
    },
  },
  {
    name: 'Group.CallbackAfterRecallMsg',
    phase: 'after',
    family: 'message',
    title: 'After group message recalled',
    short: 'group message recalled',
    subject: 'the recall',
    // Not in the command list's table: the page names no switch of its own. [assumed label]
    configKey: 'After a group message is recalled',
    source: 'intlcloud-documents …/第三方回调/群组系统相关回调/撤回群消息之后回调_intl_en.md (not in the command list)',
    fields: [
      commandField('Group.CallbackAfterRecallMsg'),
      operator,
      groupType,
      groupId,
      {
        name: 'MsgSeqList',
        type: 'object[]',
        required: true,
        description: 'recalled messages',
        items: [int('MsgSeq', 'uint32', 'sequence number of a recalled message')],
      },
      topicId,
      groupEventTime,
    ],
    failure: 'ignored',
    parties: { from: 'Operator_Account', group: 'GroupId' },
    sample: {
      Operator_Account: 'admin',
      Type: 'Community',
      GroupId: '1213456',
      MsgSeqList: [{ MsgSeq: 130 }],
      TopicId: TOPIC_SAMPLE,
      EventTime: EXAMPLE_TIME,
    },
  },
];
