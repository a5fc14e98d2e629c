import type { Finding, Outcome } from '../contract/capture.js';
import { tencentTargets } from './answer.js';
import { findCommand } from './catalogue.js';
import { TENCENT_TARGET_LIST } from './catalogue-tencent.js';
import { type GoKind, goDecode, topLevelMembers } from './go-json.js';
import { isObject, jsonTypeOf, own } from './json.js';
import { predictOutcome } from './outcome.js';
import type { OutcomeInput } from './types.js';

/**
 * The protocol's checks applied to an *answer* (a backend's in upstream mode, a backend's to a sent callback, or one
 * written in the raw answer editor), with the IM server's predicted reaction. One implementation for all three.
 */
export interface AnswerCheck {
  findings: Finding[];
  outcome: Outcome;
}

/** Tencent's documented range for a deny ResultCode / failure ErrorCode (protocols.md B.2.1). */
const TENCENT_DENY_MIN = 38_000;
const TENCENT_DENY_MAX = 39_000;

/** OpenIM's common answer fields and the Go kinds the server decodes them into (protocols.md A.2). */
const OPENIM_KINDS: Record<string, GoKind> = {
  actioncode: 'int32',
  errcode: 'int32',
  errmsg: 'string',
  errdlt: 'string',
  nextcode: 'int32',
};
const OPENIM_EXTRA_KINDS: Record<string, GoKind> = { remark: 'string', frienduserids: 'string[]' };

const finding = (level: Finding['level'], code: string, message: string, path?: string): Finding =>
  path === undefined ? { level, code, message } : { level, code, message, path };

function timing(input: OutcomeInput, out: Finding[]): void {
  const limit = input.serverTimeoutMs;
  if (limit <= 0) return;
  const took = Math.round(input.elapsedMs);
  if (input.elapsedMs >= limit) {
    out.push(
      finding('error', 'answer-late', `The answer took ${took} ms; the server gives up after ${limit} ms.`, 'latency'),
    );
  } else if (input.elapsedMs > limit / 2) {
    out.push(
      finding(
        'warning',
        'answer-slow',
        `The answer took ${took} ms, more than half of the server's ${limit} ms timeout.`,
        'latency',
      ),
    );
  }
}

function openImBody(input: OutcomeInput, bodyText: string, parsed: unknown, out: Finding[]): void {
  if (!isObject(parsed)) return;
  const info = input.command === null ? undefined : findCommand(input.command, 'openim');
  const kinds: Record<string, GoKind> = { ...OPENIM_KINDS };
  for (const field of info?.responseFields ?? []) {
    const lower = field.toLowerCase();
    const kind = OPENIM_EXTRA_KINDS[lower];
    if (kind) kinds[lower] = kind;
  }
  // v3.0–v3.4.0's response struct has no nextCode field, so any nextCode value is ignored there (protocols.md A.2).
  if (input.profile.dialect === 'openim' && input.profile.version === 'v3.0-v3.4.0') delete kinds.nextcode;
  for (const { key, raw } of topLevelMembers(bodyText)) {
    const kind = kinds[key.toLowerCase()];
    if (!kind) continue;
    const decoded = goDecode(raw, kind);
    if (!decoded.ok) {
      out.push(
        finding(
          'error',
          'answer-wrong-type',
          `${key} ${decoded.why}: the server cannot decode the answer (a format error, 90007).`,
          key,
        ),
      );
    }
  }
  const errCode = own(parsed, 'errCode');
  const nextCode = own(parsed, 'nextCode');
  if (nextCode === 1 && typeof errCode === 'number' && errCode < 100) {
    out.push(
      finding(
        'warning',
        'answer-deny-code',
        `A deny with errCode ${errCode}: codes below 100 reach the user as a generic 500 error; use 5000–9999.`,
        'errCode',
      ),
    );
  }
}

function tencentBody(input: OutcomeInput, parsed: unknown, out: Finding[]): void {
  if (!isObject(parsed)) return;
  const status = own(parsed, 'ActionStatus');
  if (status !== 'OK' && status !== 'FAIL') {
    const what = status === undefined ? 'is missing' : `is ${JSON.stringify(status)}`;
    out.push(
      finding('warning', 'answer-action-status', `ActionStatus ${what}; expected "OK" or "FAIL".`, 'ActionStatus'),
    );
  }
  const errorCode = own(parsed, 'ErrorCode');
  if (errorCode !== undefined && typeof errorCode !== 'number') {
    out.push(
      finding('error', 'answer-wrong-type', `ErrorCode is a ${jsonTypeOf(errorCode)}, not a number.`, 'ErrorCode'),
    );
  }
  const command = input.command;
  if (command === null || !Object.hasOwn(TENCENT_TARGET_LIST, command) || input.phase === 'after') return;
  const accounts = tencentTargets(command, input.requestBody);
  const items = own(parsed, 'ResultItem');
  if (!Array.isArray(items)) {
    out.push(
      finding(
        'warning',
        'answer-result-item-missing',
        'The answer has no ResultItem list, so no target carries a verdict.',
        'ResultItem',
      ),
    );
    return;
  }
  const expected = new Set(accounts);
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path = `ResultItem[${i}]`;
    const account = own(item, 'To_Account');
    if (typeof account !== 'string') {
      out.push(finding('warning', 'answer-result-item', `${path} has no To_Account string.`, path));
      return;
    }
    if (!expected.has(account)) {
      out.push(finding('warning', 'answer-extra-target', `${path} names ${account}, who is not in the request.`, path));
    }
    seen.add(account);
    const code = own(item, 'ResultCode');
    if (typeof code !== 'number') {
      out.push(
        finding(
          'error',
          'answer-wrong-type',
          `${path}.ResultCode is ${code === undefined ? 'missing' : `a ${jsonTypeOf(code)}`}, not a number.`,
          `${path}.ResultCode`,
        ),
      );
    } else if (code !== 0 && (code < TENCENT_DENY_MIN || code > TENCENT_DENY_MAX)) {
      out.push(
        finding(
          'warning',
          'answer-result-code-range',
          `${path}.ResultCode ${code} is outside the documented deny range [${TENCENT_DENY_MIN}, ${TENCENT_DENY_MAX}].`,
          `${path}.ResultCode`,
        ),
      );
    }
  });
  const missing = accounts.filter((a) => !seen.has(a));
  if (missing.length > 0) {
    const list =
      missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    out.push(
      finding('warning', 'answer-missing-target', `No ResultItem for ${list} (assumed to proceed).`, 'ResultItem'),
    );
  }
}

/** Findings about an answer and what the IM server will do with it. Pure; never throws on hostile input. */
export function checkAnswer(input: OutcomeInput): AnswerCheck {
  const outcome = predictOutcome(input);
  const findings: Finding[] = [];
  const sent = input.sent;
  if (sent.action !== 'respond') {
    findings.push(finding('error', 'answer-missing', `No answer came back (${sent.action}).`));
    return { findings, outcome };
  }
  timing(input, findings);
  const tencent = input.dialect === 'tencent';
  if (sent.status !== 200) {
    findings.push(
      tencent
        ? finding('error', 'answer-status', `HTTP ${sent.status}: Tencent counts any status but 200 as a failure.`)
        : finding(
            'warning',
            'answer-status',
            `HTTP ${sent.status}: OpenIM ignores the status and reads only the body.`,
          ),
    );
  }
  if (sent.bodyText.trim() === '') {
    findings.push(finding('error', 'answer-empty', 'The answer has no body; the server needs a JSON object.'));
    return { findings, outcome };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(sent.bodyText);
  } catch {
    findings.push(finding('error', 'answer-not-json', 'The answer is not JSON.'));
    return { findings, outcome };
  }
  // Go decodes `null` into the struct as a no-op; anything else that is not an object cannot be an answer.
  if (!isObject(parsed) && !(parsed === null && !tencent)) {
    findings.push(finding('error', 'answer-not-object', `The answer is a JSON ${jsonTypeOf(parsed)}, not an object.`));
    return { findings, outcome };
  }
  if (input.dialect === 'openim') openImBody(input, sent.bodyText, parsed, findings);
  else if (tencent) tencentBody(input, parsed, findings);
  return { findings, outcome };
}
