import type { CaptureSummary } from '../../../shared/contract/index.js';

/** A plain answered OpenIM capture summary with seq-derived ids and text, for the store's unit tests. */
export function summary(seq: number, patch: Partial<CaptureSummary> = {}): CaptureSummary {
  return {
    id: `c${seq}`,
    seq,
    receivedAt: 1_700_000_000_000 + seq,
    dialect: 'openim',
    command: 'callbackBeforeAddFriendCommand',
    phase: 'before',
    state: 'answered',
    decidedBy: 'default',
    request: { method: 'POST', url: `http://127.0.0.1/cb/${seq}`, path: '/cb', query: {}, headers: {} },
    findings: [],
    decision: { verdict: 'allow' },
    response: { status: 200, headers: {} },
    latencyMs: 1,
    outcome: null,
    hold: null,
    identifiedBy: 'path',
    summary: { parties: `user${seq} → bob`, text: `Hello ${seq}` },
    ...patch,
  };
}
