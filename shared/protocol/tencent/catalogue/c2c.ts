import type { FieldSpec } from '../../types.js';
import { commandField, int, str, type TencentRow } from '../row.js';
import { bodySample, cloudCustomData, msgBody, page, rewriteAnswer } from './common.js';

/**
 * One-to-one message callbacks: intlcloud-documents `…/第三方回调/单聊消息相关回调/*_intl_en.md`
 * (intl.cloud.tencent.com/document/product/1047/34364, 34365, 43465, 43466). Field order is the page example's.
 */

const msgIds: FieldSpec[] = [
  str('From_Account', 'UserID of the sender'),
  str('To_Account', 'UserID of the recipient'),
  int('MsgSeq', 'uint32', 'message sequence number (random 32-bit)'),
  int('MsgRandom', 'uint32', 'message random number (random 32-bit)'),
  { ...int('MsgTime', 'int64', 'send time'), unit: 's' },
  str('MsgKey', 'unique message key (usable to recall it through the REST API)'),
  int('OnlineOnlyFlag', 'int32', '1 = online-only message, 0 = not'),
];
/** The example message's IDs, in `msgIds` order. */
const idsSample = {
  From_Account: 'jared',
  To_Account: 'John',
  MsgSeq: 48374,
  MsgRandom: 2837546,
  MsgTime: 1557481126,
  MsgKey: '48374_2837546_1557481126',
  OnlineOnlyFlag: 1,
};

export const C2C: readonly TencentRow[] = [
  {
    name: 'C2C.CallbackBeforeSendMsg',
    phase: 'before',
    family: 'message',
    title: 'Before one-to-one message sent',
    short: 'send message',
    subject: 'the message',
    configKey: 'Before a One-to-One Message Is Sent',
    source: page('34364', '单聊消息相关回调/发单聊消息之前回调_intl_en.md'),
    fields: [commandField('C2C.CallbackBeforeSendMsg'), ...msgIds, msgBody(), cloudCustomData],
    answer: rewriteAnswer('that is delivered', 'delivered with the message'),
    failure: 'console-policy',
    parties: { from: 'From_Account', to: 'To_Account' },
    next: [{ command: 'C2C.CallbackAfterSendMsg', when: 'proceeds', note: 'with the rewritten body, if any' }],
    denyBy: 'error-code',
    denyCodes: { min: 120_001, max: 130_000 },
    drop: true,
    sample: { ...idsSample, ...bodySample() },
  },
  {
    name: 'C2C.CallbackAfterSendMsg',
    phase: 'after',
    family: 'message',
    title: 'After one-to-one message sent',
    short: 'message sent',
    subject: 'the message',
    configKey: 'After a One-to-One Message Is Sent',
    source: page('34365', '单聊消息相关回调/发单聊消息之后回调_intl_en.md'),
    fields: [
      commandField('C2C.CallbackAfterSendMsg'),
      ...msgIds,
      int('SendMsgResult', 'int32', '0 = sent; otherwise the error code (also sent when sending failed)'),
      str('ErrorInfo', '"send msg succeed", or why sending failed'),
      int('UnreadMsgNum', 'int32', "recipient's total unread one-to-one messages; -1 when sending failed"),
      msgBody(),
      cloudCustomData,
    ],
    failure: 'ignored',
    parties: { from: 'From_Account', to: 'To_Account' },
    sample: { ...idsSample, SendMsgResult: 0, ErrorInfo: 'send msg succeed', UnreadMsgNum: 7, ...bodySample() },
  },
  {
    name: 'C2C.CallbackAfterMsgReport',
    phase: 'after',
    family: 'message',
    title: 'After one-to-one message read',
    short: 'message read',
    subject: 'the read report',
    configKey: 'After a One-to-One message Is Marked as Read',
    source: page('43465', '单聊消息相关回调/单聊消息已读上报后回调_intl_en.md'),
    fields: [
      commandField('C2C.CallbackAfterMsgReport'),
      str('Report_Account', 'UserID that marked the conversation read'),
      str('Peer_Account', 'UserID of the other party'),
      { ...int('LastReadTime', 'int64', 'read time'), unit: 's' },
      int('UnreadMsgNum', 'int32', "reporter's total unread one-to-one messages"),
    ],
    failure: 'ignored',
    parties: { from: 'Report_Account', to: 'Peer_Account' },
    sample: { Report_Account: 'jared', Peer_Account: 'John', LastReadTime: 1614754606, UnreadMsgNum: 7 },
  },
  {
    name: 'C2C.CallbackAfterMsgWithDraw',
    phase: 'after',
    family: 'message',
    title: 'After one-to-one message recalled',
    short: 'message recalled',
    subject: 'the recall',
    configKey: 'After A One-to-One Message Is Recalled',
    source: page('43466', '单聊消息相关回调/单聊消息撤回后回调_intl_en.md'),
    fields: [
      commandField('C2C.CallbackAfterMsgWithDraw'),
      str('From_Account', 'UserID of the sender'),
      str('To_Account', 'UserID of the recipient'),
      str('MsgKey', 'unique key of the recalled message'),
      int('UnreadMsgNum', 'int32', "recipient's total unread one-to-one messages"),
    ],
    failure: 'ignored',
    parties: { from: 'From_Account', to: 'To_Account' },
    sample: { From_Account: 'jared', To_Account: 'John', MsgKey: '48374_2837546_1557481126', UnreadMsgNum: 7 },
  },
];
