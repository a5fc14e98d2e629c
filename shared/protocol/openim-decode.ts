import { type GoKind, goDecode, topLevelMembers } from './go-json.js';
import type { OpenImVersion } from './openim-versions.js';

/** The callback response struct after `json.Unmarshal`: common fields plus the command's extra fields. */
export interface GoAnswer {
  actionCode: number;
  errCode: number;
  errMsg: string;
  errDlt: string;
  nextCode: number;
  remark: string;
  friendUserIDs: string[];
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

const FIELD: Record<string, keyof GoAnswer> = {
  actioncode: 'actionCode',
  errcode: 'errCode',
  errmsg: 'errMsg',
  errdlt: 'errDlt',
  nextcode: 'nextCode',
  remark: 'remark',
  frienduserids: 'friendUserIDs',
};

/** The Go kinds of the version's response struct for a command with these extra answer fields. */
export function answerKinds(version: OpenImVersion, responseFields: readonly string[]): Record<string, GoKind> {
  const kinds: Record<string, GoKind> = {
    actioncode: version.actionCode,
    errcode: 'int32',
    errmsg: 'string',
    errdlt: 'string',
  };
  // No NextCode field before v3.4.2: a `nextCode` key of any type is an unknown field, ignored.
  if (version.hasNextCode) kinds.nextcode = 'int32';
  if (responseFields.includes('remark')) kinds.remark = 'string';
  if (responseFields.includes('friendUserIDs')) kinds.frienduserids = 'string[]';
  return kinds;
}

const zero = (): GoAnswer => ({
  actionCode: 0,
  errCode: 0,
  errMsg: '',
  errDlt: '',
  nextCode: 0,
  remark: '',
  friendUserIDs: [],
});

export function decodeOpenImAnswer(
  bodyText: string,
  version: OpenImVersion,
  responseFields: readonly string[],
): GoDecoded {
  const answer = zero();
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
  const kinds = answerKinds(version, responseFields);
  const target = answer as unknown as Record<string, unknown>; // written only under the fixed field names above
  let error: string | null = null;
  for (const { key, raw } of topLevelMembers(bodyText)) {
    const lower = key.toLowerCase(); // Go matches keys case-insensitively
    if (!Object.hasOwn(kinds, lower)) continue; // unknown keys are ignored by Go
    const kind = kinds[lower] as GoKind; // present: checked by hasOwn just above
    const field = FIELD[lower] as keyof GoAnswer; // every key of kinds has a field
    const result = goDecode(raw, kind);
    if (!result.ok) {
      error ??= `"${key}" ${result.why}`;
      if (result.value !== undefined) target[field] = result.value;
      continue;
    }
    if (result.value === null) {
      // null sets a slice to nil and leaves any other field as it was.
      if (kind === 'string[]') target[field] = [];
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
