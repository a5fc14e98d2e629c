import type { FieldSpec } from '../../types.js';
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
