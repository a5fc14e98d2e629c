import type { AnswerFieldSpec, FieldSpec } from '../../types.js';
import { int, str } from '../row.js';

/** Field helpers shared by the Tencent message and group tables (not by Sns, whose page shapes differ). */

/** The same field, but sent only sometimes (the page calls it optional or sends it only in some cases). */
export const opt = (spec: FieldSpec): FieldSpec => ({ ...spec, required: false });

/** A page in the command list's folder, by its intl document id and file. */
export const page = (id: string, file: string): string =>
  `https://intl.cloud.tencent.com/document/product/1047/${id} (intlcloud-documents …/第三方回调/${file})`;

/** A message body: TIMMessage elements (https://intl.cloud.tencent.com/document/product/1047/33527). */
export const msgBody = (): FieldSpec => ({
  name: 'MsgBody',
  type: 'object[]',
  required: true,
  description: 'message elements (TIMMessage objects: MsgType + MsgContent)',
  items: [
    str('MsgType', 'TIMTextElem, TIMImageElem, TIMCustomElem, …'),
    { name: 'MsgContent', type: 'object', required: true, description: 'the element content, by MsgType' },
  ],
});

/** Custom data a message may carry (`CloudCustomData`): sent only when the message has it. */
export const cloudCustomData = opt(str('CloudCustomData', 'custom message data stored in the cloud'));

/** The pages' example message: a text element and its custom data. */
export const bodySample = (): { MsgBody: unknown[]; CloudCustomData: string } => ({
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }],
  CloudCustomData: 'your cloud custom data',
});

/**
 * The answer of a before-send message callback: with ErrorCode 0, a `MsgBody` or `CloudCustomData` in the answer
 * replaces the message's (`body` and `data` say where the message goes).
 */
export const rewriteAnswer = (body: string, data: string): AnswerFieldSpec[] => [
  {
    name: 'MsgBody',
    type: 'object[]',
    effect: `replaces the message body ${body} (with ErrorCode 0)`,
    applies: 'present',
    label: 'the message body',
  },
  {
    name: 'CloudCustomData',
    type: 'string',
    effect: `replaces the custom data ${data} (with ErrorCode 0)`,
    applies: 'present',
    label: 'the custom data',
  },
];

/** A member list: `[{ "Member_Account": … }]`. */
export const members = (name: string, description: string): FieldSpec => ({
  name,
  type: 'object[]',
  required: true,
  description,
  items: [str('Member_Account', 'member UserID')],
});

/**
 * Group pages' `EventTime`: each table says Integer (ms) but every example prints it as a string of digits
 * (`"EventTime":"1670574414123"`), so both are accepted.
 */
export const groupEventTime: FieldSpec = {
  ...int('EventTime', 'int64', 'milliseconds since epoch (the page examples print it as a string)'),
  unit: 'ms',
  also: 'string',
};
