import type { FieldSpec } from '../../types.js';
import { int, str } from '../row.js';
import { opt, page } from './common.js';

/** Fields and codes shared by the Group tables (group, group-message, group-profile, topic). */

/** The pages' example EventTime (printed there as a string; the table says Integer). */
export const EXAMPLE_TIME = 1670574414123;

export const GROUP_DENY = { denyBy: 'error-code', denyCodes: { min: 10_100, max: 10_200 } } as const;
export const groupId = str('GroupId', 'group ID');
export const groupType = str('Type', 'group type: Public, Private, ChatRoom, AVChatRoom, Community, Work, Meeting');
export const operator = str('Operator_Account', 'UserID of the operator');
export const userDefined = opt({
  name: 'UserDefinedDataList',
  type: 'object[]',
  required: true,
  description: 'custom group fields given at creation (off unless enabled in the console)',
  items: [str('Key', 'custom field name'), str('Value', 'custom field value')],
});
/** The pages' example `UserDefinedDataList`. */
export const userDefinedSample = (): { Key: string; Value: string }[] => [
  { Key: 'UserDefined1', Value: 'hello' },
  { Key: 'UserDefined2', Value: 'world' },
];
export const profileChange = (what: string): FieldSpec[] => [
  opt(str('Name', `new ${what} name (only when changed)`)),
  opt(str('Introduction', `new ${what} introduction (only when changed)`)),
  opt(str('Notification', `new ${what} notice (only when changed)`)),
  opt(str('FaceUrl', `new ${what} profile photo URL (only when changed)`)),
];
export const sendFields: FieldSpec[] = [
  groupId,
  groupType,
  str('From_Account', 'UserID of the sender'),
  str('Operator_Account', 'UserID of the request initiator (tells an admin send apart)'),
  int('Random', 'uint32', '32-bit random number of the request'),
];

/** A page of the group folder, for `source`. */
export const groupPage = (id: string, file: string): string => page(id, `群组系统相关回调/${file}_intl_en.md`);
