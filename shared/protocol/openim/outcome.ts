import type { Outcome } from '../../contract/capture.js';
import type { OpenImProfile } from '../../contract/settings.js';
import { unknownCommandText } from '../catalogue.js';
import { quote } from '../json.js';
import type { AnswerFieldSpec, OutcomeInput } from '../types.js';
import { bodyOnWire, isInterimStatus, noAnswerReason, OPENIM_HARD_LIMIT_MS, statusSendsBody } from '../wire.js';
import { openimCommand } from './catalogue/index.js';
import { copyRule } from './copy-rule.js';
import { decodeOpenImAnswer, type GoAnswer, parseDenies } from './decode.js';
import type { OpenImCommand } from './row.js';
import { OPENIM_VERSIONS, type OpenImVersion, versionSends } from './versions.js';

/** The shared HTTP client's hard limit (A.1, from v3.4.0): the effective timeout is min(timeout, 15 s); 0 means 15 s. */
export const HARD_LIMIT_MS = OPENIM_HARD_LIMIT_MS;
/** `pkg/common/servererrs/predefine.go` (v3.7+; the same names in openimsdk/tools errs before): code and text. */
export const NETWORK_ERROR = { code: 90004, text: 'NetworkError' } as const;
export const DATA_ERROR = { code: 90007, text: 'DataError' } as const;

export const openImLimitMs = (serverTimeoutMs: number): number =>
  serverTimeoutMs > 0 ? Math.min(serverTimeoutMs, HARD_LIMIT_MS) : HARD_LIMIT_MS;

/** What Go's client got: a transport failure (ErrNetwork; `late`: the answer left after the timeout), or a body. */
type Received = { network: string; late?: true } | { body: string; note: string };

/** From the bytes really on the wire (wire.ts) and the time they left, against the server's timeout. */
export function openImReceived(input: OutcomeInput): Received {
  const sent = input.sent;
  const limit = openImLimitMs(input.serverTimeoutMs);
  if (sent.action !== 'respond') return { network: noAnswerReason(sent) };
  // An answer that leaves after the deadline is never read: the server gave up (context deadline) at its timeout.
  if (input.elapsedMs >= limit) return { network: `the answer came after the ${limit / 1000} s timeout`, late: true };
  if (isInterimStatus(sent.status)) {
    return {
      network: `HTTP ${sent.status} is an interim response, so the Go client waited for its ${limit / 1000} s timeout`,
    };
  }
  const dropped = !statusSendsBody(sent.status) && sent.bodyText !== '';
  return {
    body: bodyOnWire(sent.status, sent.bodyText),
    note: dropped ? `Node sends no body with HTTP ${sent.status}: ` : '',
  };
}

interface Ctx {
  v: OpenImVersion;
  profile: OpenImProfile;
  info: OpenImCommand;
  subject: string;
  /** " (v3.7.0–v3.8.0 never send …)" or ''. */
  note: string;
}

/** What the server takes from one answer field, and the words for it; null when it keeps the request's value. */
function applied(ctx: Ctx, spec: AnswerFieldSpec, value: unknown): { value: unknown; change: string } | null {
  const label = spec.label ?? spec.name;
  const rule = copyRule(spec, ctx.profile);
  if (rule === 'never') return null;
  const shown = (v: unknown) => (typeof v === 'string' ? quote(v) : quote(JSON.stringify(v)));
  if (rule === 'always') {
    // Copied even when absent (NotNilReplace on a plain string): an absent field arrives as its zero value.
    const v = value ?? (spec.type === 'string' ? '' : null);
    const change =
      v === '' || v === null
        ? `the ${label} set to ${shown(v)} (${ctx.v.label} copies the answer's ${label} even when it has none)`
        : `the ${label} set to ${shown(v)} from the answer`;
    return { value: v, change };
  }
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length === 0 && rule === 'non-empty') return null;
    return { value, change: `the ${label} replaced by ${value.length} ${spec.noun ?? 'item(s)'}${spec.note ?? ''}` };
  }
  if (value === '' && rule === 'non-empty') return null;
  return { value, change: `the ${label} replaced by ${shown(value)}${spec.note ?? ''}` };
}

function rewrites(ctx: Ctx, a: GoAnswer): { rewrite: NonNullable<Outcome['rewrite']>; changes: string[] } {
  const rewrite: Record<string, unknown> = {};
  const changes: string[] = [];
  for (const spec of ctx.info.answer) {
    const took = applied(ctx, spec, a.extra[spec.name]);
    if (took === null) continue;
    rewrite[spec.name] = took.value;
    changes.push(took.change);
  }
  return { rewrite: rewrite as NonNullable<Outcome['rewrite']>, changes };
}

/** `who` starts the sentence: the version's name, or a late answer's lead ending in "it". */
function proceeds(ctx: Ctx, a: GoAnswer, because: string, hint = '', who = ctx.v.label): Outcome {
  const { rewrite, changes } = rewrites(ctx, a);
  const with_ = changes.length > 0 ? ` with ${changes.join(' and ')}` : '';
  return {
    effect: 'proceeds',
    explanation: `${who} ${because}lets ${ctx.subject} go ahead${with_}${hint}${ctx.note}.`,
    ...(changes.length > 0 ? { rewrite } : {}),
  };
}

/**
 * A failed call: v3.7+ fails closed; before, `failedContinue: true` continues with whatever the struct holds. A late
 * answer (`late`) was never read, so the lateness leads the sentence (product.md §2 v3) instead of trailing it.
 */
function failed(ctx: Ctx, error: { code: number; text: string }, why: string, a: GoAnswer, late = false): Outcome {
  const who = late ? `${why.charAt(0).toUpperCase()}${why.slice(1)}, so ${ctx.v.label} never read it: it` : ctx.v.label;
  const because = late ? '' : ` because ${why}`;
  if (ctx.v.failClosed && skipsOnly(ctx)) {
    return {
      effect: 'fails',
      code: error.code,
      message: error.text,
      explanation: `${who} skips ${ctx.subject} with error ${error.code} (${error.text})${because}; the message itself is already stored and delivered to its conversation${ctx.note}.`,
    };
  }
  if (ctx.v.failClosed) {
    return {
      effect: 'fails',
      code: error.code,
      message: error.text,
      explanation: `${who} fails ${ctx.subject} with error ${error.code} (${error.text})${because}; before-callbacks fail closed${ctx.note}.`,
    };
  }
  return proceeds(
    ctx,
    a,
    `treats this as callback error ${error.code} ${error.text}${late ? '' : ` (${why})`} and, with failedContinue: true (the shipped default), `,
    '',
    who,
  );
}

/** Why a deny-looking answer is read as allow on this version, if it is. */
function allowHint(profile: OpenImProfile, a: GoAnswer, bodyText: string): string {
  if (profile === 'v3.7+' && a.actionCode !== 0 && a.nextCode === 1) return ' (actionCode ≠ 0 means allow since v3.7)';
  if (profile === 'v3.0-v3.4.0') {
    return /"nextcode"\s*:/i.test(bodyText) ? ' (nextCode is not read before v3.4.2; errCode ≠ 0 denies)' : '';
  }
  if (a.errCode !== 0 && a.nextCode !== 1) return ' (errCode alone does not deny; nextCode must be 1)';
  return '';
}

/**
 * Push before-callbacks run after the message is stored and the sender has its answer (row `failure: 'skips'`,
 * internal/push/push_handler.go): a deny or a failure only skips that push; nobody sees the error.
 */
const skipsOnly = (ctx: Ctx): boolean => ctx.info.failure === 'skips';

function blocked(ctx: Ctx, a: GoAnswer): Outcome {
  const { label } = ctx.v;
  if (skipsOnly(ctx)) {
    return {
      effect: 'blocked',
      code: a.errCode,
      message: a.errMsg,
      explanation: `${label} skips ${ctx.subject}: the message is already stored and its sender got success, so error ${a.errCode} only reaches the server log${ctx.note}.`,
    };
  }
  const explanation =
    a.errCode < 100
      ? `${label} blocks ${ctx.subject}, but errCode ${a.errCode} is below 100, so the user sees a generic 500 error instead of ${quote(a.errMsg)}${ctx.note}.`
      : `${label} blocks ${ctx.subject}: the user sees error ${a.errCode} ${quote(a.errMsg)}${ctx.note}.`;
  return { effect: 'blocked', code: a.errCode, message: a.errMsg, explanation };
}

/** After-callbacks: queued and discarded from v3.7; inline before, where a v3.4.2–v3.5 deny reaches the caller. */
function afterOutcome(ctx: Ctx, input: OutcomeInput): Outcome {
  const { v, subject } = ctx;
  if (!v.afterInline || !ctx.info.modelled) {
    return {
      effect: 'ignored',
      explanation: `${v.label} ignores answers to after-callbacks: ${subject} has already happened${ctx.note}.`,
    };
  }
  const got = openImReceived(input);
  const inline = `${v.label} calls after-callbacks inline (the API call waits for the answer)`;
  if ('network' in got) {
    return {
      effect: 'ignored',
      explanation: `${inline}; ${got.network}, which failedContinue: true (the shipped default) skips${ctx.note}.`,
    };
  }
  const d = decodeOpenImAnswer(got.body, v);
  if (d.error !== null) {
    return {
      effect: 'ignored',
      explanation: `${inline}; ${got.note}${d.error} (90007), which failedContinue: true skips${ctx.note}.`,
    };
  }
  if (!parseDenies(v, d.answer)) {
    return {
      effect: 'ignored',
      explanation: `${inline} and reads this answer as allow: ${subject} has already happened${ctx.note}.`,
    };
  }
  if (!v.denyHonoured) {
    return {
      effect: 'ignored',
      explanation: `${inline}, but only logs a deny (callBackPostReturn returns nil): ${subject} has already happened${ctx.note}.`,
    };
  }
  const a = d.answer;
  return {
    effect: 'fails',
    code: a.errCode,
    message: a.errMsg,
    explanation: `${v.label} has already stored ${subject}, but the deny comes back to the API caller as error ${a.errCode} ${quote(a.errMsg)} (after-callbacks run inline before v3.7)${ctx.note}.`,
  };
}

export function openImOutcome(input: OutcomeInput, profile: OpenImProfile): Outcome {
  const v = OPENIM_VERSIONS[profile];
  const info = input.command === null ? undefined : openimCommand(input.command);
  if (!info) {
    // Never "ignored" by the name's look: a misspelt before-callback (callbackBeforAddFriendCommand) reads as an
    // after-callback, and a server would not send it at all.
    return {
      effect: 'unknown',
      explanation: `${input.command ? unknownCommandText(input.command).replace(/\.$/, '') : 'No command was named'}: the outcome cannot be predicted.`,
    };
  }
  const sending = versionSends(profile, info.name);
  if (sending.sent === false) {
    return {
      effect: 'unknown',
      explanation: `${sending.note}, so there is nothing to predict: check the OpenIM server profile.`,
    };
  }
  const ctx: Ctx = {
    v,
    profile,
    info,
    subject: info.subject ?? 'the operation',
    note: sending.note ? ` (${sending.note})` : '',
  };
  if (info.phase === 'after') return afterOutcome(ctx, input);
  const got = openImReceived(input);
  const empty = decodeOpenImAnswer('', v, info.answer).answer; // nothing decoded: the struct's zero values
  if ('network' in got) return failed(ctx, NETWORK_ERROR, got.network, empty, got.late === true);
  // The HTTP status is never checked (A.1): a 500 with a valid JSON body counts like a 200.
  const d = decodeOpenImAnswer(got.body, v, info.answer);
  if (d.error !== null) return failed(ctx, DATA_ERROR, `${got.note}${d.error}`, d.answer);
  const a = d.answer;
  if (parseDenies(v, a)) {
    if (v.denyHonoured) return blocked(ctx, a);
    return proceeds(ctx, a, 'only logs the deny (callBackPostReturn returns nil after Parse fails), so it ');
  }
  return proceeds(ctx, a, '', allowHint(profile, a, got.body));
}
