import type { AnswerFieldSpec, FieldSpec } from '../../types.js';
import { commandField, int, str } from '../row.js';

/**
 * Field helpers for the Go types OpenIM's structs use beyond plain strings and ints (pkg/callbackstruct/*.go):
 * pointers and protobuf wrappers (`*string`, `*wrapperspb.StringValue`) encode as the value or `null`; slices as an
 * array or `null` (nil); `bool` as a boolean.
 */
export const nullable = (spec: FieldSpec): FieldSpec => ({ ...spec, nullable: true });
export const nstr = (name: string, description: string): FieldSpec => nullable(str(name, description));
export const nint = (name: string, description: string): FieldSpec => nullable(int(name, 'int32', description));
export const bool = (name: string, description: string): FieldSpec => ({
  name,
  type: 'boolean',
  required: true,
  description,
});
export const strs = (name: string, description: string): FieldSpec => ({
  name,
  type: 'string[]',
  required: true,
  description,
});
export const ints = (name: string, description: string): FieldSpec => ({
  name,
  type: 'number[]',
  int: 'int64',
  required: true,
  description,
});
export const objs = (name: string, description: string, items: FieldSpec[]): FieldSpec => ({
  name,
  type: 'object[]',
  required: true,
  description,
  items,
});
/** Keys of an embedded nil-able struct pointer: present only when the server had a value (push OfflinePushInfo). */
export const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, required: false });
export { commandField, int, str };

/** An answer field the server copies with NotNilReplace: any value but `null` (an empty string too) replaces. */
export const present = (
  name: string,
  type: AnswerFieldSpec['type'],
  effect: string,
  extra: Partial<AnswerFieldSpec> = {},
): AnswerFieldSpec => ({ name, type, effect, applies: 'present', ...extra });
/** An answer field the server copies only when non-empty (`len(x) != 0`). */
export const nonEmpty = (
  name: string,
  type: AnswerFieldSpec['type'],
  effect: string,
  extra: Partial<AnswerFieldSpec> = {},
): AnswerFieldSpec => ({ name, type, effect, applies: 'non-empty', ...extra });

/** `operationID` in the body: filled from the originating API call (`mcontext.GetOperationID`). */
export const operationID = (): FieldSpec => str('operationID', 'operation ID of the API call (in the body)');

/**
 * `sdkws.OfflinePushInfo` (openimsdk/protocol sdkws.pb.go, every version): the push info of a message, as an
 * object (message modify answer) or flattened into the push request (embedded pointer).
 */
export const offlinePushInfoFields = (): FieldSpec[] => [
  str('title', 'push title'),
  str('desc', 'push text'),
  str('ex', 'push extension data'),
  str('iOSPushSound', 'iOS sound'),
  bool('iOSBadgeCount', 'iOS badge counting'),
  str('signalInfo', 'signalling info'),
];
