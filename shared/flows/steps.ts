import { type Capture, captureNumber, type OutcomeEffect } from '../contract/capture.js';
import type { FlowStep } from '../contract/flow.js';

/** What flows read of a capture: no bodies other than the parsed request body (for parties and conditions). */
export type FlowCapture = Pick<
  Capture,
  | 'id'
  | 'seq'
  | 'recordedSeq'
  | 'receivedAt'
  | 'dialect'
  | 'command'
  | 'phase'
  | 'state'
  | 'decidedBy'
  | 'decision'
  | 'outcome'
> & {
  request: { body?: unknown };
  response: { status: number; fault?: string | undefined } | null;
  latencyMs: number | null;
};

/** The outcome for this flow's pair: a Tencent per-target answer gives each target its own verdict and code. */
function outcomeFor(
  capture: FlowCapture,
  target: string | undefined,
): { effect: OutcomeEffect; code?: number | undefined } | null {
  const outcome = capture.outcome;
  if (outcome === null || target === undefined || outcome.targets === undefined) return outcome;
  for (const t of outcome.targets) if (t.account === target) return t;
  return outcome;
}

/** The answer in a few words, for the timeline. */
function answerText(capture: FlowCapture, target: string | undefined): string {
  const { decision, response } = capture;
  if (response?.fault !== undefined) return response.fault === 'no-response' ? 'no answer' : `fault ${response.fault}`;
  // The app backend answered (upstream), or an exact answer typed by hand: the verdict is not ours to name.
  if (decision === null || capture.decidedBy === 'upstream') {
    return response === null
      ? 'no answer'
      : `HTTP ${response.status}${capture.decidedBy === 'upstream' ? ' · backend' : ''}`;
  }
  if (decision.raw !== undefined) return `exact answer (HTTP ${decision.raw.status})`;
  if (decision.fault !== undefined) return `fault ${decision.fault.type}`;
  const own = target !== undefined && decision.targets && Object.hasOwn(decision.targets, target);
  const verdict = own ? decision.targets?.[target as string] : decision; // `own` proved the key exists
  if (verdict?.verdict === 'deny') return verdict.code === undefined ? 'deny' : `deny ${verdict.code}`;
  return 'allow';
}

export function stepOf(capture: FlowCapture, command: string, target: string | undefined): FlowStep {
  const outcome = outcomeFor(capture, target);
  // One shape for every step (`code` undefined is left out of the JSON): the hot path stays monomorphic.
  return {
    captureId: capture.id,
    seq: captureNumber(capture),
    command,
    phase: capture.phase,
    receivedAt: capture.receivedAt,
    decidedBy: capture.decidedBy,
    effect: outcome?.effect ?? 'unknown',
    code: outcome?.code,
    answer: answerText(capture, target),
  };
}

/** The server went ahead with it (a Tencent `partial` without a target of ours still proceeded for some). */
export const proceeded = (effect: OutcomeEffect): boolean => effect === 'proceeds' || effect === 'partial';
/** The server was predicted to stop the action here. */
export const stopped = (effect: OutcomeEffect): boolean => effect === 'blocked' || effect === 'fails';
