import { describe, expect, it } from 'vitest';
import { type Capture, CaptureSchema, DEFAULT_SETTINGS, type Finding } from '../../../shared/contract/index.js';
import { captureChecks } from './protocol.js';

/** An answered capture as the engine records it, with `patch` over it. */
function capture(patch: Partial<Capture>): Capture {
  return CaptureSchema.parse({
    id: 'c1',
    seq: 1,
    receivedAt: 1_700_000_000_000,
    dialect: 'openim',
    command: 'callbackBeforeAddFriendCommand',
    phase: 'before',
    request: { method: 'POST', url: 'http://127.0.0.1/cb', path: '/cb', bodyText: '{}' },
    response: { status: 200, bodyText: '{}' },
    latencyMs: 12,
    ...patch,
  });
}
const codes = (list: readonly Finding[]) => list.map((f) => f.code);
const MISSING_EX: Finding = { level: 'warning', code: 'missing-field', message: 'Missing field ex.', path: 'ex' };

describe('captureChecks', () => {
  it('adds the lateness of an answer that left at or after the deadline, after the engine’s findings', () => {
    const settings = { ...DEFAULT_SETTINGS, hold: { ...DEFAULT_SETTINGS.hold, openimTimeoutMs: 1000 } };
    expect(codes(captureChecks(capture({ latencyMs: 999 }), settings))).toEqual([]);
    expect(codes(captureChecks(capture({ latencyMs: 1300, findings: [MISSING_EX] }), settings))).toEqual([
      'missing-field',
      'answer-late',
    ]);
    // Tencent's 2 s, whatever the setting.
    const tencent = capture({ dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd', latencyMs: 2300 });
    expect(captureChecks(tencent, DEFAULT_SETTINGS)[0]?.message).toContain('Tencent gives up after 2000 ms');
  });

  it('judges a held request by the timeout its hold recorded', () => {
    const hold = { deadlineAt: 0, serverTimeoutMs: 8000, fallback: 'auto' as const };
    expect(codes(captureChecks(capture({ latencyMs: 6000, hold }), DEFAULT_SETTINGS))).toEqual([]);
    expect(codes(captureChecks(capture({ latencyMs: 8100, hold }), DEFAULT_SETTINGS))).toEqual(['answer-late']);
  });

  it('adds nothing for a fault, a sent callback, or a relayed backend answer whose checks say it already', () => {
    const late = { latencyMs: 9000 };
    const fault = capture({ ...late, response: { status: 0, headers: {}, bodyText: '', fault: 'close' } });
    expect(captureChecks(fault, DEFAULT_SETTINGS)).toEqual([]);
    expect(captureChecks(capture({ ...late, origin: 'sent' }), DEFAULT_SETTINGS)).toEqual([]);
    const relayed = capture({
      ...late,
      decidedBy: 'upstream',
      upstream: {
        url: 'http://127.0.0.1:9/cb',
        status: 200,
        headers: {},
        bodyText: '{}',
        latencyMs: 9000,
        outcome: null,
        findings: [{ level: 'error', code: 'answer-late', message: 'late', path: 'latency' }],
      },
    });
    expect(captureChecks(relayed, DEFAULT_SETTINGS)).toEqual([]);
  });
});
