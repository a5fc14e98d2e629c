import { describe, expect, it } from 'vitest';
import { closestCommand } from './catalogue.js';
import { identify } from './identify.js';
import { predictOutcome } from './outcome.js';
import type { IncomingRequest, OutcomeInput } from './types.js';
import { validate } from './validate.js';

/** Issue 21 item 4: an unknown or misspelt command is named against the closest known one and never "ignored". */

const TYPO = 'callbackBeforAddFriendCommand';
const DENY = '{"actionCode":0,"errCode":5001,"errMsg":"no","errDlt":"","nextCode":1}';

const outcome = (command: string, dialect: 'openim' | 'tencent', bodyText: string): OutcomeInput => ({
  dialect,
  command,
  phase: identify({ method: 'POST', path: '/', query: {}, headers: {}, body: { callbackCommand: command } }).phase,
  requestBody: {},
  sent: { action: 'respond', status: 200, bodyText },
  elapsedMs: 5,
  serverTimeoutMs: 5000,
  profile: dialect === 'openim' ? { dialect, version: 'v3.7+' } : { dialect, policy: 'fail-open' },
});

describe('unknown and misspelt commands', () => {
  it('finds the closest known command, in the dialect the name looks like', () => {
    expect(closestCommand(TYPO)?.name).toBe('callbackBeforeAddFriendCommand');
    expect(closestCommand('callbackbeforeaddfriendcommand')?.name).toBe('callbackBeforeAddFriendCommand');
    expect(closestCommand('Sns.CallbackPrevFriendAd')?.name).toBe('Sns.CallbackPrevFriendAdd');
    expect(closestCommand('callbackAfterSetFriendRemarkCommandd')?.name).toBe('callbackAfterSetFriendRemarkCommand');
  });

  it('flags the command with a finding naming the closest known one', () => {
    const req: IncomingRequest = {
      method: 'POST',
      path: `/callbackExample/${TYPO}`,
      query: {},
      headers: {},
      body: { callbackCommand: TYPO, fromUserID: 'a', toUserID: 'b', reqMsg: '', ex: '' },
    };
    const found = validate(req, identify(req), { sdkAppId: null, token: null, maxClockSkewS: 60, nowMs: 0 });
    expect(found.find((f) => f.code === 'unknown-command')).toMatchObject({
      level: 'warning',
      message: `Unknown command "${TYPO}"; the closest known command is callbackBeforeAddFriendCommand.`,
    });
  });

  it('predicts unknown, not ignored, although the misspelt name reads as an after-callback', () => {
    const openim = predictOutcome(outcome(TYPO, 'openim', DENY));
    expect(openim.effect).toBe('unknown');
    expect(openim.explanation).toContain('callbackBeforeAddFriendCommand');
    const tencent = predictOutcome(outcome('Sns.CallbackFriendAd', 'tencent', '{"ActionStatus":"OK","ErrorCode":0}'));
    expect(tencent.effect).toBe('unknown');
    expect(tencent.explanation).toContain('Sns.CallbackFriendAdd');
  });
});
