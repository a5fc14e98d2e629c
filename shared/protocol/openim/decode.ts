import type { AnswerFieldSpec } from '../types.js';
import { type GoKind, goDecode, topLevelMembers } from './go-json.js';
import type { OpenImVersion } from './versions.js';

/** The callback response struct after `json.Unmarshal`: common fields plus the command's extra fields. */
export interface GoAnswer {
  actionCode: number;
  errCode: number;
  errMsg: string;
  errDlt: string;
  nextCode: number;
  /** The command's answer fields (its row's `answer`) by wire name, Go zero values when absent. */
  extra: Record<string, unknown>;
}

/**
 * What `json.Unmarshal(body, &resp)` leaves in the struct, and its error. Like Go, a type error in one field does not
 * stop the others from being decoded (the struct is partly filled, which matters where a version continues after
 * the error: `failedContinue` before v3.7); a syntax error (or an empty body) decodes nothing.
 */
export interface GoDecoded {
  answer: GoAnswer;
  /** Why Unmarshal failed (the first error), or null. */
  error: string | null;
}

type Common = Exclude<keyof GoAnswer, 'extra'>;

/** The Go kind of an answer field's type (`json` = any JSON value, kept as parsed). */
export function goKindOf(spec: Pick<AnswerFieldSpec, 'type' | 'int'>): GoKind {
  if (spec.type === 'string') return 'string';
  if (spec.type === 'string[]') return 'string[]';
  if (spec.type === 'number' && spec.int !== undefined) return spec.int;
  return 'json';
}

/** A decodable field: its Go kind and, for an answer field, its wire name. */
interface Slot {
  kind: GoKind;
  common?: Common;
  wire?: string;
}

/** Per version, per answer-field table: built once (the tables are module constants), read on every answer. */
const slotCache = new Map<OpenImVersion, WeakMap<readonly AnswerFieldSpec[], Map<string, Slot>>>();

/** The Go kinds of the version's response struct for a command with these extra answer fields, by lower-case key. */
export function answerSlots(version: OpenImVersion, answer: readonly AnswerFieldSpec[]): Map<string, Slot> {
  let byTable = slotCache.get(version);
  if (!byTable) {
    byTable = new WeakMap();
    slotCache.set(version, byTable);
  }
  let slots = byTable.get(answer);
  if (slots) return slots;
  slots = new Map<string, Slot>([
    ['actioncode', { kind: version.actionCode, common: 'actionCode' }],
    ['errcode', { kind: 'int32', common: 'errCode' }],
    ['errmsg', { kind: 'string', common: 'errMsg' }],
    ['errdlt', { kind: 'string', common: 'errDlt' }],
  ]);
  // No NextCode field before v3.4.2: a `nextCode` key of any type is an unknown field, ignored.
  if (version.hasNextCode) slots.set('nextcode', { kind: 'int32', common: 'nextCode' });
  for (const spec of answer) slots.set(spec.name.toLowerCase(), { kind: goKindOf(spec), wire: spec.name });
  byTable.set(answer, slots);
  return slots;
}

const ZERO: Record<GoKind, () => unknown> = {
  int32: () => 0,
  int64: () => 0,
  uint32: () => 0,
  string: () => '',
  'string[]': () => [],
  json: () => null,
};

function zero(answer: readonly AnswerFieldSpec[]): GoAnswer {
  const extra: Record<string, unknown> = {};
  // A `present` field is a Go pointer: nil (null) when absent, not the pointee's zero value.
  for (const spec of answer) extra[spec.name] = spec.applies === 'present' ? null : ZERO[goKindOf(spec)]();
  return { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0, extra };
}

const NO_FIELDS: readonly AnswerFieldSpec[] = [];

export function decodeOpenImAnswer(
  bodyText: string,
  version: OpenImVersion,
  answerFields: readonly AnswerFieldSpec[] = NO_FIELDS,
): GoDecoded {
  const answer = zero(answerFields);
  if (bodyText.trim() === '') return { answer, error: 'the body is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return { answer, error: 'the body is not JSON' };
  }
  // Go decodes `null` into a struct as a no-op: every field keeps its zero value, i.e. allow.
  if (parsed === null) return { answer, error: null };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return { answer, error: 'the body is not a JSON object' };
  const slots = answerSlots(version, answerFields);
  const common = answer as unknown as Record<string, unknown>; // written only under the fixed field names above
  let error: string | null = null;
  for (const { key, raw } of topLevelMembers(bodyText)) {
    const slot = slots.get(key.toLowerCase()); // Go matches keys case-insensitively; unknown keys are ignored
    if (!slot) continue;
    const target = slot.common !== undefined ? common : answer.extra;
    const field = (slot.common ?? slot.wire) as string;
    const result = goDecode(raw, slot.kind);
    if (!result.ok) {
      error ??= `"${key}" ${result.why}`;
      if (result.value !== undefined) target[field] = result.value;
      continue;
    }
    if (result.value === null) {
      // null sets a slice to nil and leaves any other field as it was.
      if (slot.kind === 'string[]') target[field] = [];
      continue;
    }
    target[field] = result.value;
  }
  return { answer, error };
}

/** The struct's `Parse()` deny condition (pkg/callbackstruct/common.go at each tag). */
export function parseDenies(version: OpenImVersion, a: GoAnswer): boolean {
  switch (version.denyRule) {
    case 'action-zero-and-next':
      return a.actionCode === 0 && a.nextCode === 1; // v3.7.0+
    case 'action-or-next':
      return a.actionCode !== 0 || a.nextCode === 1; // v3.4.2–v3.6
    default:
      return a.actionCode !== 0 || a.errCode !== 0; // v3.0.0–v3.4.0
  }
}
