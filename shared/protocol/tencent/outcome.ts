import type { Outcome, TargetOutcome } from '../../contract/capture.js';
import type { TencentProfile } from '../../contract/settings.js';
import { unknownCommandText } from '../catalogue.js';
import { isObject, own, quote } from '../json.js';
import type { OutcomeInput } from '../types.js';
import { isInterimStatus, noAnswerReason, TENCENT_TIMEOUT_MS } from '../wire.js';
import { tencentTargets } from './answer.js';
import { tencentCommand } from './catalogue/index.js';
import type { TencentCommand } from './row.js';

/**
 * Tencent's callback timeout is 2 s, not configurable for before-callbacks (B.1; cloud.tencent.com/document/product/
 * 269/1522). Predictions use it whatever `hold.tencentTimeoutMs` says: a longer hold only answers after Tencent gave up.
 */
export { TENCENT_TIMEOUT_MS };

/**
 * True when Tencent's call ended by its timeout: no answer in time (a fault that sends none, or a late or interim
 * answer). A closed or reset connection is a connection failure, not a timeout.
 */
function timedOut(input: OutcomeInput): boolean {
  const sent = input.sent;
  if (sent.action === 'no-response') return true;
  if (sent.action !== 'respond') return false;
  return input.elapsedMs >= TENCENT_TIMEOUT_MS || isInterimStatus(sent.status);
}

/** Why a late answer failed; the outcome sentence then starts with it (product.md §2 v3): nothing in it counts. */
const LATE_REASON = `the answer came after Tencent's ${TENCENT_TIMEOUT_MS / 1000} s timeout`;

/** Why the callback counts as failed (B.1 "Failure conditions"), or null when Tencent read a JSON answer. */
function failureReason(input: OutcomeInput): string | null {
  const sent = input.sent;
  if (sent.action !== 'respond') return noAnswerReason(sent);
  // Late even when the client already went away: Tencent gave up at its timeout, whatever was sent after.
  if (input.elapsedMs >= TENCENT_TIMEOUT_MS) return LATE_REASON;
  if (isInterimStatus(sent.status)) {
    return `HTTP ${sent.status} is not a final answer, so Tencent waits until its ${TENCENT_TIMEOUT_MS / 1000} s timeout [assumed]`;
  }
  if (sent.status !== 200) return `the HTTP status was ${sent.status}, not 200`;
  try {
    // A JSON array or scalar has no ActionStatus/ResultItem to read, so it is treated like non-JSON. [assumed]
    if (!isObject(JSON.parse(sent.bodyText))) return 'the body is not a JSON object';
  } catch {
    return sent.bodyText.trim() === '' ? 'the body is empty' : 'the body is not JSON';
  }
  return null;
}

/** The row's retry policy in words, for a call that failed (`timeout`: it ended by Tencent's timeout). */
function retryText(info: TencentCommand, subject: string, timeout: boolean): string {
  if (info.retry === 'never') return ' Tencent does not retry a before-callback.';
  if (info.retry !== 'console-on-timeout') return '';
  if (!timeout) return " Tencent does not retry it (the console's retry covers timeouts only) [assumed].";
  return ` Tencent does not retry it by default; with retry on timeout turned on in the console it sends this callback again, so the backend can receive ${subject} twice.`;
}

function failed(policy: TencentProfile, info: TencentCommand, why: string, timeout: boolean): Outcome {
  const subject = info.subject ?? 'the event';
  const retry = retryText(info, subject, timeout);
  if (why === LATE_REASON) {
    // A late answer's verdicts (a per-target deny included) never count: the lateness is the reason, said first.
    const open = policy === 'fail-open';
    return {
      effect: open ? 'proceeds' : 'fails',
      explanation: `The answer came after Tencent's ${TENCENT_TIMEOUT_MS / 1000} s timeout, so Tencent never read it: it counts the callback as failed and, with the ${open ? 'default fail-open policy, lets' : 'fail-closed policy, does not let'} ${subject} go ahead, whatever the answer said.${retry}`,
    };
  }
  if (policy === 'fail-open') {
    return {
      effect: 'proceeds',
      explanation: `Tencent counts the callback as failed (${why}) and, with the default fail-open policy, lets ${subject} go ahead.${retry}`,
    };
  }
  return {
    effect: 'fails',
    explanation: `Tencent counts the callback as failed (${why}) and, with the fail-closed policy, does not let ${subject} go ahead.${retry}`,
  };
}

/** An after-callback: the answer is ignored; a failed call is retried only as the row's retry policy says. */
function afterOutcome(input: OutcomeInput, info: TencentCommand): Outcome {
  const subject = info.subject ?? 'the event';
  const ignored = `Tencent ignores answers to after-callbacks: ${subject} has already happened.`;
  const why = failureReason(input);
  if (why === null) return { effect: 'ignored', explanation: ignored };
  return {
    effect: 'ignored',
    explanation: `${ignored} The call failed (${why}).${retryText(info, subject, timedOut(input))}`,
  };
}

/**
 * The ResultItem entries by account: own properties only, first match wins. A Map, built once: looking each target
 * up in the list made prediction time grow with the square of the list (40 000 targets took 2.5 s).
 */
function resultsByAccount(items: unknown[]): Map<string, unknown> {
  const byAccount = new Map<string, unknown>();
  for (const item of items) {
    const account = own(item, 'To_Account');
    if (typeof account === 'string' && !byAccount.has(account)) byAccount.set(account, item);
  }
  return byAccount;
}

function perTarget(accounts: string[], answer: unknown): { targets: TargetOutcome[]; notes: string[] } {
  const raw = own(answer, 'ResultItem');
  const results = resultsByAccount(Array.isArray(raw) ? raw : []);
  const targets: TargetOutcome[] = [];
  const missing: string[] = [];
  const odd: string[] = [];
  for (const account of accounts) {
    const item = results.get(account);
    const code = own(item, 'ResultCode');
    if (item === undefined) missing.push(account);
    else if (typeof code !== 'number') odd.push(account);
    if (typeof code === 'number' && code !== 0) {
      const info = own(item, 'ResultInfo');
      targets.push({ account, effect: 'blocked', code, ...(typeof info === 'string' ? { message: info } : {}) });
    } else {
      targets.push({ account, effect: 'proceeds' });
    }
  }
  const notes: string[] = [];
  // protocols.md Part D.5: Tencent does not document what happens to targets left out of ResultItem.
  if (missing.length) notes.push(`${missing.join(', ')} not in ResultItem (unconfirmed; assumed to proceed)`);
  // A string ResultCode such as "38001": Tencent's parser is not documented; assumed not to be read as a deny.
  if (odd.length) notes.push(`${odd.join(', ')} without a numeric ResultCode (assumed to proceed)`);
  return { targets, notes };
}

export function tencentOutcome(input: OutcomeInput, policy: TencentProfile): Outcome {
  const info = input.command === null ? undefined : tencentCommand(input.command);
  if (!info) {
    // Never "ignored" by the name's look: an unknown or misspelt name cannot be predicted.
    return {
      effect: 'unknown',
      explanation: `${input.command ? unknownCommandText(input.command).replace(/\.$/, '') : 'No command was named'}: the outcome cannot be predicted.`,
    };
  }
  const subject = info.subject ?? 'the event';
  if (info.phase === 'after') return afterOutcome(input, info);
  if (info?.row.denyBy === 'error-code') return errorCodeOutcome(input, policy, info);
  if (info.parties?.targets === undefined) {
    return {
      effect: 'unknown',
      explanation: `Unknown Tencent command${input.command ? ` ${input.command}` : ''}: the outcome cannot be predicted.`,
    };
  }
  const why = failureReason(input);
  if (why !== null) return failed(policy, info, why, timedOut(input));
  const answer: unknown = input.sent.action === 'respond' ? JSON.parse(input.sent.bodyText) : undefined; // parsed fine above
  const errorCode = own(answer, 'ErrorCode');
  const actionStatus = own(answer, 'ActionStatus');
  if (typeof errorCode === 'number' && errorCode !== 0) {
    // B.2.1: a non-zero ErrorCode is a backend failure, which Tencent's failure policy decides (ignored by default).
    return failed(policy, info, `the answer reports a backend failure, ErrorCode ${errorCode}`, false);
  }
  if (actionStatus === 'FAIL') {
    // The docs define FAIL only together with a non-zero ErrorCode; what Tencent does with FAIL and 0 is unknown.
    return failed(
      policy,
      info,
      'the answer says ActionStatus "FAIL" (with ErrorCode 0; assumed to count as a backend failure, the docs pair FAIL with a non-zero ErrorCode)',
      false,
    );
  }
  const accounts = tencentTargets(info.name, input.requestBody);
  const { targets, notes } = perTarget(accounts, answer);
  if (errorCode !== undefined && typeof errorCode !== 'number') {
    notes.push(`ErrorCode is a ${typeof errorCode}, not a number (assumed not to count as a failure)`);
  }
  const blocked = targets.filter((t) => t.effect === 'blocked');
  const note = notes.length ? `; ${notes.join('; ')}` : '';
  if (targets.length > 0 && blocked.length === targets.length) {
    const first = blocked[0];
    const codes = [...new Set(blocked.map((t) => t.code))].join(', ');
    return {
      effect: 'blocked',
      ...(first?.code !== undefined ? { code: first.code } : {}),
      ...(first?.message !== undefined ? { message: first.message } : {}),
      explanation: `Tencent blocks ${subject} for every target (ResultCode ${codes}${first?.message ? ` ${quote(first.message)}` : ''})${note}.`,
      targets,
    };
  }
  if (blocked.length > 0) {
    const list = blocked.map((t) => `${t.account} (${t.code})`).join(', ');
    return {
      effect: 'partial',
      message: `${blocked.length} of ${targets.length} targets blocked`,
      explanation: `Tencent lets ${subject} go ahead for ${targets.length - blocked.length} of ${targets.length} targets and blocks ${list}${note}.`,
      targets,
    };
  }
  return { effect: 'proceeds', explanation: `Tencent lets ${subject} go ahead for every target${note}.`, targets };
}

/**
 * A before-callback that denies with `ErrorCode` on the whole answer (C2C / Group before-callbacks, B.3): 0 allows,
 * 1 or a code in the row's `denyCodes` denies (the code reaches the sender), 2 discards silently where the page
 * documents it. The answer's fields the row lists (`MsgBody` …) replace the request's when present.
 */
export function errorCodeOutcome(input: OutcomeInput, policy: TencentProfile, info: TencentCommand): Outcome {
  const subject = info.subject ?? 'the event';
  const why = failureReason(input);
  if (why !== null) return failed(policy, info, why, timedOut(input));
  const answer: unknown = input.sent.action === 'respond' ? JSON.parse(input.sent.bodyText) : undefined; // parsed fine above
  const errorCode = own(answer, 'ErrorCode');
  const range = info.row.denyCodes;
  if (own(answer, 'ActionStatus') === 'FAIL') {
    return failed(policy, info, 'the answer says ActionStatus "FAIL", counted as a backend failure [assumed]', false);
  }
  if (
    typeof errorCode === 'number' &&
    (errorCode === 1 || (range && errorCode >= range.min && errorCode <= range.max))
  ) {
    const message = own(answer, 'ErrorInfo');
    return {
      effect: 'blocked',
      code: errorCode,
      ...(typeof message === 'string' ? { message } : {}),
      explanation: `Tencent blocks ${subject} (ErrorCode ${errorCode}${typeof message === 'string' && message !== '' ? ` ${quote(message)}` : ''}).`,
    };
  }
  if (errorCode === 2 && info.row.drop === true) {
    // Documented on the command's page: discard silently (not delivered; the sender sees success).
    return {
      effect: 'dropped',
      code: 2,
      explanation: `Tencent discards ${subject} silently (ErrorCode 2): it is not delivered, and the sender sees success.`,
    };
  }
  if (typeof errorCode === 'number' && errorCode !== 0) {
    const documented = `0, 1${info.row.drop ? ', 2' : ''}${range ? ` or ${range.min}–${range.max}` : ''}`;
    return failed(
      policy,
      info,
      `ErrorCode ${errorCode} is not one the page documents (${documented}), counted as a backend failure [assumed]`,
      false,
    );
  }
  const rewrite: Record<string, unknown> = {};
  const changes: string[] = [];
  for (const spec of info.answer) {
    const value = own(answer, spec.name);
    if (value === undefined || value === null) continue;
    rewrite[spec.name] = value;
    changes.push(`the ${spec.label ?? spec.name} replaced from the answer`);
  }
  const with_ = changes.length > 0 ? ` with ${changes.join(' and ')}` : '';
  return {
    effect: 'proceeds',
    explanation: `Tencent lets ${subject} go ahead${with_}.`,
    ...(changes.length > 0 ? { rewrite: rewrite as NonNullable<Outcome['rewrite']> } : {}),
  };
}
