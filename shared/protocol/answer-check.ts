import type { DialectOrUnknown, Finding, Outcome } from '../contract/capture.js';
import { isObject, jsonTypeOf } from './json.js';
import { openImBody, openImCommandFindings } from './openim/answer-check.js';
import { openImLimitMs } from './openim/outcome.js';
import { predictOutcome } from './outcome.js';
import { tencentBody, tencentTimeoutFinding } from './tencent/answer-check.js';
import type { OutcomeInput } from './types.js';
import { bodyOnWire, isInterimStatus, noAnswerReason, statusSendsBody, TENCENT_TIMEOUT_MS } from './wire.js';

/**
 * The protocol's checks applied to an *answer* (a backend's in upstream mode, a backend's to a sent callback, or one
 * written in the raw answer editor), with the IM server's predicted reaction. One implementation for all three.
 * Findings are exact for the chosen profile: the OpenIM version's response struct, deny rule, set-remark copy rule
 * and inline after-callbacks, the commands it sends; Tencent's fixed 2 s timeout, ResultItem and deny codes.
 */
export interface AnswerCheck {
  findings: Finding[];
  outcome: Outcome;
}

const finding = (level: Finding['level'], code: string, message: string, path?: string): Finding =>
  path === undefined ? { level, code, message } : { level, code, message, path };

/** How long the IM server waits for an answer: Tencent's fixed 2 s; OpenIM its timeout (at most 15 s). */
function answerLimitMs(dialect: DialectOrUnknown, serverTimeoutMs: number): number {
  return dialect === 'tencent' ? TENCENT_TIMEOUT_MS : openImLimitMs(serverTimeoutMs);
}

const SERVER_NAME: Record<DialectOrUnknown, string> = { openim: 'OpenIM', tencent: 'Tencent', unknown: 'the server' };

/**
 * An answer that left at or after the IM server's deadline (`elapsedMs` from arrival): the server had given up and
 * never read it. The same finding for any answer — the engine's own, a backend's, an edited one — so Checks say
 * what the outcome sentence says ("The answer came after Tencent's 2 s timeout…").
 */
export function lateAnswerFinding(
  dialect: DialectOrUnknown,
  elapsedMs: number,
  serverTimeoutMs: number,
): Finding | null {
  const limit = answerLimitMs(dialect, serverTimeoutMs);
  if (elapsedMs < limit) return null;
  return finding(
    'error',
    'answer-late',
    `The answer took ${Math.round(elapsedMs)} ms; ${SERVER_NAME[dialect]} gives up after ${limit} ms and never read it.`,
    'latency',
  );
}

function timing(input: OutcomeInput, out: Finding[]): void {
  const late = lateAnswerFinding(input.dialect, input.elapsedMs, input.serverTimeoutMs);
  const limit = answerLimitMs(input.dialect, input.serverTimeoutMs);
  if (late) {
    out.push(late);
  } else if (input.elapsedMs > limit / 2) {
    out.push(
      finding(
        'warning',
        'answer-slow',
        `The answer took ${Math.round(input.elapsedMs)} ms, more than half of the server's ${limit} ms timeout.`,
        'latency',
      ),
    );
  }
}

/** Findings about an answer and what the IM server will do with it. Pure; never throws on hostile input. */
export function checkAnswer(input: OutcomeInput): AnswerCheck {
  const outcome = predictOutcome(input);
  const findings: Finding[] = [];
  const sent = input.sent;
  const tencent = input.dialect === 'tencent';
  openImCommandFindings(input, findings);
  if (tencent) {
    const setting = tencentTimeoutFinding(input.serverTimeoutMs);
    if (setting) findings.push(setting);
  }
  if (sent.action !== 'respond') {
    const reason = noAnswerReason(sent);
    findings.push(finding('error', 'answer-missing', `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`));
    return { findings, outcome };
  }
  timing(input, findings);
  if (isInterimStatus(sent.status)) {
    findings.push(
      finding(
        'error',
        'answer-interim-status',
        `HTTP ${sent.status} is an interim response: the server keeps waiting for a final answer until its timeout${tencent ? '' : ' (90004)'}.`,
      ),
    );
    return { findings, outcome };
  }
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
  const bodyText = bodyOnWire(sent.status, sent.bodyText);
  if (!statusSendsBody(sent.status) && sent.bodyText !== '') {
    findings.push(
      finding(
        'error',
        'answer-body-dropped',
        `Node sends no body with HTTP ${sent.status}: the server reads an empty body.`,
      ),
    );
    return { findings, outcome };
  }
  if (bodyText.trim() === '') {
    findings.push(finding('error', 'answer-empty', 'The answer has no body; the server needs a JSON object.'));
    return { findings, outcome };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    findings.push(finding('error', 'answer-not-json', 'The answer is not JSON.'));
    return { findings, outcome };
  }
  // Go decodes `null` into the struct as a no-op; anything else that is not an object cannot be an answer.
  if (!isObject(parsed) && !(parsed === null && !tencent)) {
    findings.push(finding('error', 'answer-not-object', `The answer is a JSON ${jsonTypeOf(parsed)}, not an object.`));
    return { findings, outcome };
  }
  if (input.dialect === 'openim') openImBody(input, bodyText, findings);
  else if (tencent) tencentBody(input, parsed, findings);
  return { findings, outcome };
}

/**
 * The checks to list under an exchange whose header already says why no answer came ("no answer: connection
 * refused"): without the missing-answer finding, so one failure is told once.
 */
export function checksBesideFailure(findings: readonly Finding[], error: string | undefined): Finding[] {
  return error === undefined ? [...findings] : findings.filter((f) => f.code !== 'answer-missing');
}
