import type { Outcome } from '../contract/capture.js';
import type { OpenImProfile } from '../contract/settings.js';
import { findCommand } from './catalogue.js';
import { type GoKind, goDecode, topLevelMembers } from './go-json.js';
import { quote } from './json.js';
import type { OutcomeInput } from './types.js';

const LABEL: Record<OpenImProfile, string> = {
  'v3.7+': 'OpenIM v3.7+',
  'v3.4.2-v3.6': 'OpenIM v3.4.2–v3.6',
  'v3.0-v3.4.0': 'OpenIM v3.0–v3.4.0',
};
/** The shared HTTP client's hard limit (A.1): the effective timeout is min(timeout, 15 s); 0 means 15 s. */
export const HARD_LIMIT_MS = 15_000;

interface Answer {
  actionCode: number;
  errCode: number;
  errMsg: string;
  errDlt: string;
  nextCode: number;
  remark: string;
  friendUserIDs: string[];
}

type Decoded = { ok: true; answer: Answer } | { ok: false; why: string };

/** Decodes the answer the way Go does into the command's response struct (common fields + extra fields). */
function decode(bodyText: string, extra: string[]): Decoded {
  if (bodyText.trim() === '') return { ok: false, why: 'the body is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return { ok: false, why: 'the body is not JSON' };
  }
  const answer: Answer = {
    actionCode: 0,
    errCode: 0,
    errMsg: '',
    errDlt: '',
    nextCode: 0,
    remark: '',
    friendUserIDs: [],
  };
  // Go decodes `null` into a struct as a no-op: every field keeps its zero value, i.e. allow.
  if (parsed === null) return { ok: true, answer };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, why: 'the body is not a JSON object' };
  const kinds: Record<string, GoKind> = {
    actioncode: 'int32',
    errcode: 'int32',
    errmsg: 'string',
    errdlt: 'string',
    nextcode: 'int32',
  };
  if (extra.includes('remark')) kinds.remark = 'string';
  if (extra.includes('friendUserIDs')) kinds.frienduserids = 'string[]';
  const names: Record<string, keyof Answer> = {
    actioncode: 'actionCode',
    errcode: 'errCode',
    errmsg: 'errMsg',
    errdlt: 'errDlt',
    nextcode: 'nextCode',
    remark: 'remark',
    frienduserids: 'friendUserIDs',
  };
  const target = answer as unknown as Record<string, unknown>; // written only under the fixed field names above
  for (const { key, raw } of topLevelMembers(bodyText)) {
    const lower = key.toLowerCase();
    if (!Object.hasOwn(kinds, lower)) continue; // unknown keys are ignored by Go
    const kind = kinds[lower] as GoKind; // present: checked by hasOwn just above
    const field = names[lower] as keyof Answer; // every key of kinds has a name
    const result = goDecode(raw, kind);
    if (!result.ok) return { ok: false, why: `"${key}" ${result.why}` };
    if (result.value === null) {
      if (kind === 'string[]') target[field] = [];
      continue;
    }
    target[field] = result.value;
  }
  return { ok: true, answer };
}

function denies(profile: OpenImProfile, a: Answer): boolean {
  if (profile === 'v3.7+') return a.actionCode === 0 && a.nextCode === 1;
  if (profile === 'v3.4.2-v3.6') return a.actionCode !== 0 || a.nextCode === 1;
  return a.actionCode !== 0 || a.errCode !== 0;
}

/** Why an answer that looks like a deny is read as allow on this profile, if it does. */
function allowHint(profile: OpenImProfile, a: Answer): string {
  if (profile === 'v3.7+' && a.actionCode !== 0 && a.nextCode === 1) return ' (actionCode ≠ 0 means allow since v3.7)';
  if (profile !== 'v3.0-v3.4.0' && a.errCode !== 0 && a.nextCode !== 1)
    return ' (errCode alone does not deny; nextCode must be 1)';
  if (profile === 'v3.0-v3.4.0' && a.nextCode === 1) return ' (nextCode is not read before v3.4.2; errCode ≠ 0 denies)';
  return '';
}

function failure(
  label: string,
  profile: OpenImProfile,
  subject: string,
  code: number,
  name: string,
  why: string,
): Outcome {
  if (profile === 'v3.7+') {
    return {
      effect: 'fails',
      code,
      message: name,
      explanation: `${label} fails ${subject} with error ${code} (${name}) because ${why}; before-callbacks fail closed.`,
    };
  }
  return {
    effect: 'proceeds',
    explanation: `${label} treats this as callback error ${code} (${why}), and with failedContinue: true (the shipped default) lets ${subject} go ahead.`,
  };
}

export function openImOutcome(input: OutcomeInput, profile: OpenImProfile): Outcome {
  const label = LABEL[profile];
  const info = input.command === null ? undefined : findCommand(input.command, 'openim');
  const subject = info?.subject ?? 'the operation';
  const phase = info?.phase ?? input.phase;
  if (phase === 'after') {
    return {
      effect: 'ignored',
      explanation: `${label} ignores answers to after-callbacks: ${subject} has already happened.`,
    };
  }
  if (!info || phase !== 'before') {
    return {
      effect: 'unknown',
      explanation: `Unknown OpenIM command${input.command ? ` ${input.command}` : ''}: the outcome cannot be predicted.`,
    };
  }
  const limit = input.serverTimeoutMs > 0 ? Math.min(input.serverTimeoutMs, HARD_LIMIT_MS) : HARD_LIMIT_MS;
  const sent = input.sent;
  if (sent.action !== 'respond') {
    return failure(label, profile, subject, 90004, 'ErrNetwork', `no answer came back (${sent.action})`);
  }
  if (input.elapsedMs >= limit) {
    return failure(
      label,
      profile,
      subject,
      90004,
      'ErrNetwork',
      `the answer took longer than the ${limit / 1000} s timeout`,
    );
  }
  // The HTTP status is never checked (A.1): a 500 with a valid JSON body counts like a 200.
  const decoded = decode(sent.bodyText, info.responseFields);
  if (!decoded.ok) return failure(label, profile, subject, 90007, 'ErrData', decoded.why);
  const a = decoded.answer;
  if (denies(profile, a)) {
    const msg = a.errMsg;
    const explanation =
      a.errCode < 100
        ? `${label} blocks ${subject}, but errCode ${a.errCode} is below 100, so the user sees a generic 500 error instead of ${quote(msg)}.`
        : `${label} blocks ${subject}: the user sees error ${a.errCode} ${quote(msg)}.`;
    return { effect: 'blocked', code: a.errCode, message: msg, explanation };
  }
  const rewrite: NonNullable<Outcome['rewrite']> = {};
  const changes: string[] = [];
  if (a.remark !== '') {
    rewrite.remark = a.remark;
    changes.push(`the remark replaced by ${quote(a.remark)}`);
  }
  if (a.friendUserIDs.length > 0) {
    rewrite.friendUserIDs = a.friendUserIDs;
    changes.push(`the list replaced by ${a.friendUserIDs.length} user(s), not re-validated`);
  }
  const with_ = changes.length > 0 ? ` with ${changes.join(' and ')}` : '';
  return {
    effect: 'proceeds',
    explanation: `${label} lets ${subject} go ahead${with_}${allowHint(profile, a)}.`,
    ...(changes.length > 0 ? { rewrite } : {}),
  };
}
