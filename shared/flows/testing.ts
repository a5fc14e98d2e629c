import type { OutcomeEffect, TargetOutcome } from '../contract/capture.js';
import type { Decision } from '../contract/decision.js';
import type { FlowContext } from './flows.js';
import type { FlowCapture } from './steps.js';

/** Test support: the context the flow tests use (a short settle time). */
export const TEST_CTX: FlowContext = { profiles: { openim: 'v3.7+', tencent: 'fail-open' }, settleMs: 1000 };

let seq = 0;

/** A settled capture as the engine gives it to flows: the dialect from the name, the phase from Before/Prev. */
export function cap(
  command: string,
  body: Record<string, unknown>,
  at: number,
  effect: OutcomeEffect,
  extra: { code?: number; targets?: TargetOutcome[]; decision?: Decision; state?: 'held' } = {},
): FlowCapture {
  seq += 1;
  const dialect = command.includes('.') ? 'tencent' : 'openim';
  const outcome = { effect, explanation: '', ...(extra.code ? { code: extra.code } : {}) };
  return {
    id: `c${seq}`,
    seq,
    receivedAt: at,
    dialect,
    command,
    phase: /Before|Prev/.test(command) ? 'before' : 'after',
    state: extra.state ?? 'answered',
    decidedBy: 'default',
    decision: extra.decision ?? { verdict: 'allow' },
    outcome: extra.targets ? { ...outcome, targets: extra.targets } : outcome,
    request: { body },
    response: { status: 200 },
    latencyMs: 1,
  };
}
