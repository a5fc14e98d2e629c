import { describe, expect, it } from 'vitest';
import type { TencentProfile } from '../../contract/settings.js';
import { predictOutcome } from '../outcome.js';
import type { OutcomeInput } from '../types.js';
import { TENCENT_COMMANDS, tencentCommand } from './catalogue/index.js';

/**
 * Tencent's failure policy as catalogue data (Webhook Overview 1047/34354, "Webhook Timeout Period and Retry"):
 * before-callbacks are never retried; after-callbacks are not retried by default, and the console can retry the ones
 * that time out. The outcome says so where it explains a failed call.
 */

const ok = JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });

function outcome(command: string, sent: OutcomeInput['sent'], elapsedMs = 10, policy: TencentProfile = 'fail-open') {
  const info = tencentCommand(command);
  return predictOutcome({
    dialect: 'tencent',
    command,
    phase: info?.phase ?? 'unknown',
    requestBody: info?.sample,
    sent,
    elapsedMs,
    serverTimeoutMs: 2000,
    profile: { dialect: 'tencent', policy },
  });
}

describe('Tencent retry policy', () => {
  it('is in every row, by phase: before never retried, after retried on timeout only when the console says so', () => {
    for (const c of TENCENT_COMMANDS) {
      expect([c.name, c.failure, c.retry]).toEqual(
        c.phase === 'before' ? [c.name, 'console-policy', 'never'] : [c.name, 'ignored', 'console-on-timeout'],
      );
    }
  });

  it('an after-callback that timed out may come again (console retry), and the answer stays ignored', () => {
    const late = outcome('C2C.CallbackAfterSendMsg', { action: 'respond', status: 200, bodyText: ok }, 2500);
    expect(late.effect).toBe('ignored');
    expect(late.explanation).toContain("The call failed (the answer came after Tencent's 2 s timeout)");
    expect(late.explanation).toContain('with retry on timeout turned on in the console it sends this callback again');
    expect(late.explanation).toContain('the backend can receive the message twice');
    const none = outcome('Group.CallbackAfterNewMemberJoin', { action: 'no-response' }, 2000);
    expect(none).toMatchObject({ effect: 'ignored', explanation: expect.stringContaining('retry on timeout') });
  });

  it('an after-callback that failed otherwise is not retried, and one answered in time says nothing of retries', () => {
    const status = outcome('Sns.CallbackFriendAdd', { action: 'respond', status: 500, bodyText: '' });
    expect(status.effect).toBe('ignored');
    expect(status.explanation).toContain("does not retry it (the console's retry covers timeouts only)");
    const reset = outcome('State.StateChange', { action: 'reset' });
    expect(reset.explanation).toContain('covers timeouts only');
    const fine = outcome('C2C.CallbackAfterSendMsg', { action: 'respond', status: 200, bodyText: ok });
    expect(fine).toEqual({
      effect: 'ignored',
      explanation: 'Tencent ignores answers to after-callbacks: the message has already happened.',
    });
  });

  it('a before-callback that failed says it is not retried, with either console policy', () => {
    for (const policy of ['fail-open', 'fail-closed'] as const) {
      const late = outcome('C2C.CallbackBeforeSendMsg', { action: 'no-response' }, 2000, policy);
      expect(late.effect).toBe(policy === 'fail-open' ? 'proceeds' : 'fails');
      expect(late.explanation).toMatch(/Tencent does not retry a before-callback\.$/);
      const sns = outcome('Sns.CallbackPrevFriendAdd', { action: 'respond', status: 502, bodyText: '' }, 10, policy);
      expect(sns.explanation).toMatch(/Tencent does not retry a before-callback\.$/);
    }
  });
});
