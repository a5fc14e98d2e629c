import type { FieldSpec } from '../../types.js';
import { commandField, int, str, type TencentRow } from '../row.js';

/** Tencent one-to-one message ("C2C.*") callbacks (protocols.md B.3). */

const MSG_BODY: FieldSpec = {
  name: 'MsgBody',
  type: 'object[]',
  required: true,
  description: 'message elements (TIMMessage objects: MsgType + MsgContent)',
  items: [
    str('MsgType', 'TIMTextElem, TIMImageElem, TIMCustomElem, …'),
    { name: 'MsgContent', type: 'object', required: true, description: 'the element content, by MsgType' },
  ],
};

export const C2C: readonly TencentRow[] = [
  {
    name: 'C2C.CallbackBeforeSendMsg',
    phase: 'before',
    family: 'message',
    title: 'Before send 1:1 message',
    short: 'send 1:1 message',
    subject: 'the message',
    configKey: 'Before a one-to-one message is sent',
    fields: [
      commandField('C2C.CallbackBeforeSendMsg'),
      str('From_Account', 'UserID of the sender'),
      str('To_Account', 'UserID of the recipient'),
      int('MsgSeq', 'uint32', 'message sequence number (random 32-bit unsigned)'),
      int('MsgRandom', 'uint32', 'message random number (random 32-bit unsigned)'),
      { ...int('MsgTime', 'int64', 'send time, seconds since epoch'), unit: 's' },
      str('MsgKey', 'unique message key (for recalling it with the REST API)'),
      { ...int('OnlineOnlyFlag', 'int32', '1 = online-only message, 0 = not'), required: false },
      MSG_BODY,
      { ...str('CloudCustomData', 'custom message data'), required: false },
    ],
    answer: [
      {
        name: 'MsgBody',
        type: 'object[]',
        effect: 'replaces the message body that is delivered (and sent to the after-send callback)',
        applies: 'present',
        label: 'message body',
      },
      {
        name: 'CloudCustomData',
        type: 'string',
        effect: 'replaces the custom message data',
        applies: 'present',
        label: 'custom data',
      },
    ],
    denyBy: 'error-code',
    denyCodes: { min: 120_001, max: 130_000 },
    failure: 'console-policy',
    parties: { from: 'From_Account', to: 'To_Account' },
    next: [{ command: 'C2C.CallbackAfterSendMsg', when: 'proceeds' }],
    source: 'https://intl.cloud.tencent.com/document/product/1047/34364',
    sample: {
      From_Account: 'jared',
      To_Account: 'Jonh',
      MsgSeq: 48374,
      MsgRandom: 2837546,
      MsgTime: 1557481126,
      MsgKey: '48374_2837546_1557481126',
      OnlineOnlyFlag: 1,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }],
      CloudCustomData: 'your cloud custom data',
    },
  },
];
