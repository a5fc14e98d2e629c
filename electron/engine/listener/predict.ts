import type { Capture, Finding, Outcome, Settings } from '../../../shared/contract/index.js';
import {
  buildAnswer,
  type Identification,
  predictionTimeoutMs,
  predictOutcome,
  sentWhenClientLeft,
  tencentDecisionFindings,
  tencentTimeoutFinding,
} from '../../../shared/protocol/index.js';
import { serverProfile, serverTimeoutMs } from './server-settings.js';

/**
 * Predictions and findings beyond the answer actually written (that one is `predictedOutcome` in capture-factory):
 * the client went away first, a hold timeout past Tencent's 2 s, a Tencent deny code Tencent would not read as one.
 */

/**
 * The client closed the connection before the answer went out (`sendElapsedMs`: when it was, or would have been,
 * sent; undecided: now). The IM server still produced an outcome: its timeout outcome for a late answer, else that
 * of a missing one (shared/protocol/wire.ts `sentWhenClientLeft`).
 */
export function predictClientLeft(
  capture: Capture,
  id: Identification,
  body: unknown,
  sendElapsedMs: number,
  settings: Settings,
): Outcome {
  const timeout = serverTimeoutMs(settings, capture.dialect);
  const plan = capture.decision ? buildAnswer(id, body, capture.decision) : null;
  const limit = predictionTimeoutMs(capture.dialect, timeout);
  return predictOutcome({
    dialect: capture.dialect,
    command: capture.command,
    phase: capture.phase,
    requestBody: body,
    sent: sentWhenClientLeft(plan, sendElapsedMs, limit),
    elapsedMs: sendElapsedMs,
    serverTimeoutMs: timeout,
    profile: serverProfile(settings, capture.dialect),
  });
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
