import { ALLOW, type Capture, type Finding, type Outcome, type Settings } from '../../../shared/contract/index.js';
import {
  buildAnswer,
  type Identification,
  type OutcomeInput,
  predictionTimeoutMs,
  predictOutcome,
  sentWhenClientLeft,
  tencentDecisionFindings,
  tencentTimeoutFinding,
} from '../../../shared/protocol/index.js';
import { serverProfile, serverTimeoutMs } from './capture-factory.js';

/**
 * The engine's predictions, from what really went out (shared/protocol/wire.ts) and when: the callback handler
 * calls these when an answer was written (`predictSent`) or when the client went away first (`predictClientLeft`).
 */

function input(capture: Capture, body: unknown, sent: OutcomeInput['sent'], elapsedMs: number, settings: Settings) {
  return {
    dialect: capture.dialect,
    command: capture.command,
    phase: capture.phase,
    requestBody: body,
    sent,
    elapsedMs,
    serverTimeoutMs: serverTimeoutMs(settings, capture.dialect),
    profile: serverProfile(settings, capture.dialect),
  };
}

/** The outcome of the answer recorded in `capture.response` (already the bytes on the wire), sent `elapsedMs` in. */
export function predictSent(capture: Capture, body: unknown, elapsedMs: number, settings: Settings): Outcome {
  const response = capture.response;
  const fault = response?.fault;
  const timeout = serverTimeoutMs(settings, capture.dialect);
  if (fault === 'no-response' || fault === 'close' || fault === 'reset') {
    // With no answer at all, the IM server waits for its own timeout.
    return predictOutcome(
      input(capture, body, { action: fault }, fault === 'no-response' ? timeout : elapsedMs, settings),
    );
  }
  const sent = { action: 'respond' as const, status: response?.status ?? 0, bodyText: response?.bodyText ?? '' };
  return predictOutcome(input(capture, body, sent, elapsedMs, settings));
}

/**
 * The client closed the connection before the answer went out (`sendElapsedMs`: when it was, or would have been,
 * sent; undecided: now). The IM server still produced an outcome: its timeout outcome for a late answer, else a
 * missing one.
 */
export function predictClientLeft(
  capture: Capture,
  id: Identification,
  body: unknown,
  sendElapsedMs: number,
  settings: Settings,
): Outcome {
  const plan = capture.decision ? buildAnswer(id, body, capture.decision ?? ALLOW) : null;
  const limit = predictionTimeoutMs(capture.dialect, serverTimeoutMs(settings, capture.dialect));
  return predictOutcome(input(capture, body, sentWhenClientLeft(plan, sendElapsedMs, limit), sendElapsedMs, settings));
}

/** A held Tencent capture whose hold timeout is past Tencent's fixed 2 s: its answer would come too late. */
export function settingFindings(capture: Capture, settings: Settings): Finding[] {
  if (capture.dialect !== 'tencent' || capture.hold === null) return [];
  const found = tencentTimeoutFinding(settings.hold.tencentTimeoutMs);
  return found ? [found] : [];
}

/** A Tencent deny whose ResultCode is 0 (read as allow) or outside [38000, 39000]. */
export function decisionFindings(capture: Capture, id: Identification, body: unknown): Finding[] {
  const decision = capture.decision;
  if (capture.dialect !== 'tencent' || !decision || (decision.verdict === 'allow' && !decision.targets)) return [];
  return tencentDecisionFindings(id, body, decision);
}
