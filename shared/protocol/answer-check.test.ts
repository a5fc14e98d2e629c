import { describe, expect, it } from 'vitest';
import { tencentTargets } from './answer.js';
import { checkAnswer, lateAnswerFinding } from './answer-check.js';
import { findCommand } from './catalogue.js';
import { tencentDecisionFindings } from './tencent/answer-check.js';
import type { OutcomeInput, ServerProfile } from './types.js';

const V37: ServerProfile = { dialect: 'openim', version: 'v3.7+' };
const OPEN: ServerProfile = { dialect: 'tencent', policy: 'fail-open' };

function input(command: string, bodyText: string, over: Partial<OutcomeInput> = {}): OutcomeInput {
  const info = findCommand(command);
  if (!info) throw new Error(`not catalogued: ${command}`);
  return {
    dialect: info.dialect,
    command,
    phase: info.phase,
    requestBody: info.sample,
    sent: { action: 'respond', status: 200, bodyText },
    elapsedMs: 10,
    serverTimeoutMs: info.dialect === 'tencent' ? 2000 : 5000,
    profile: info.dialect === 'tencent' ? OPEN : V37,
    ...over,
  };
}
const codes = (i: OutcomeInput) => checkAnswer(i).findings.map((f) => f.code);
const ADD = 'callbackBeforeAddFriendCommand';
const PREV = 'Sns.CallbackPrevFriendAdd';
const ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';

describe('checkAnswer: OpenIM', () => {
  it('finds nothing wrong with the all-version allow and predicts proceeds', () => {
    const check = checkAnswer(input(ADD, ALLOW));
    expect(check.findings).toEqual([]);
    expect(check.outcome.effect).toBe('proceeds');
  });

  it("reports the docs' string codes as a format error that fails on v3.7+", () => {
    const check = checkAnswer(input(ADD, '{"actionCode":0,"errCode":0,"nextCode":"0"}'));
    expect(check.findings).toEqual([
      expect.objectContaining({ level: 'error', code: 'answer-wrong-type', path: 'nextCode' }),
    ]);
    expect(check.outcome).toMatchObject({ effect: 'fails', code: 90007 });
  });

  it('does not report a string nextCode on v3.0–v3.4.0, whose struct has no nextCode field', () => {
    const i = input(ADD, '{"actionCode":0,"errCode":0,"nextCode":"1"}', {
      profile: { dialect: 'openim', version: 'v3.0-v3.4.0' },
    });
    expect(codes(i)).toEqual([]);
  });

  it('warns about a deny code below 100', () => {
    expect(codes(input(ADD, '{"actionCode":0,"errCode":42,"errMsg":"x","nextCode":1}'))).toEqual(['answer-deny-code']);
  });

  it('reports empty bodies, non-JSON, non-objects and a non-200 status', () => {
    expect(codes(input(ADD, ''))).toEqual(['answer-empty']);
    expect(codes(input(ADD, '<html>'))).toEqual(['answer-not-json']);
    expect(codes(input(ADD, '[1]'))).toEqual(['answer-not-object']);
    expect(codes(input(ADD, 'null'))).toEqual([]); // Go: null into a struct is a no-op, i.e. allow
    expect(codes(input(ADD, ALLOW, { sent: { action: 'respond', status: 500, bodyText: ALLOW } }))).toEqual([
      'answer-status',
    ]);
  });

  it('judges latency against the deadline: a warning past half, an error past it', () => {
    expect(codes(input(ADD, ALLOW, { elapsedMs: 2600 }))).toEqual(['answer-slow']);
    const late = checkAnswer(input(ADD, ALLOW, { elapsedMs: 5200 }));
    expect(late.findings.map((f) => f.code)).toEqual(['answer-late']);
    expect(late.outcome).toMatchObject({ effect: 'fails', code: 90004 });
  });

  it('names the server and its deadline in the lateness finding, from the deadline on', () => {
    expect(lateAnswerFinding('openim', 999.6, 1000)).toBeNull();
    expect(lateAnswerFinding('openim', 1000, 1000)).toMatchObject({
      level: 'error',
      code: 'answer-late',
      path: 'latency',
      message: 'The answer took 1000 ms; OpenIM gives up after 1000 ms and never read it.',
    });
    // OpenIM waits at most 15 s whatever its setting; Tencent always 2 s.
    expect(lateAnswerFinding('openim', 15_000, 0)?.message).toContain('OpenIM gives up after 15000 ms');
    expect(lateAnswerFinding('tencent', 1999, 15_000)).toBeNull();
    expect(lateAnswerFinding('tencent', 2300.4, 5000)?.message).toBe(
      'The answer took 2300 ms; Tencent gives up after 2000 ms and never read it.',
    );
  });

  it('reports no answer at all', () => {
    expect(codes(input(ADD, '', { sent: { action: 'reset' } }))).toEqual(['answer-missing']);
  });
});

describe('checkAnswer: Tencent', () => {
  // The sample PrevFriendAdd request's target accounts.
  const targets = tencentTargets(PREV, findCommand(PREV)?.sample);
  const item = (account: string, code: unknown) => ({ To_Account: account, ResultCode: code, ResultInfo: '' });
  const answer = (items: unknown[]) =>
    JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ResultItem: items });

  it('accepts one ResultItem per target', () => {
    expect(targets.length).toBeGreaterThan(1);
    expect(codes(input(PREV, answer(targets.map((t) => item(t, 0)))))).toEqual([]);
  });

  it('reports missing and extra targets, string codes and codes outside [38000, 39000]', () => {
    const [first = 'x', ...rest] = targets;
    const found = checkAnswer(
      input(PREV, answer([item(first, '38001'), item('stranger', 0), ...rest.map((t) => item(t, 5))])),
    );
    expect(found.findings.map((f) => f.code)).toEqual([
      'answer-wrong-type',
      'answer-extra-target',
      'answer-result-code-range',
    ]);
    expect(codes(input(PREV, answer([])))).toEqual(['answer-missing-target']);
    expect(codes(input(PREV, '{"ActionStatus":"OK","ErrorCode":0}'))).toEqual(['answer-result-item-missing']);
  });

  it('reports a non-200 status as a failure, which fail-open lets proceed', () => {
    const check = checkAnswer(input(PREV, answer([]), { sent: { action: 'respond', status: 503, bodyText: '{}' } }));
    expect(check.findings[0]).toMatchObject({ level: 'error', code: 'answer-status' });
    expect(check.outcome.effect).toBe('proceeds');
  });

  it('reports a string ErrorCode and a missing ActionStatus', () => {
    expect(codes(input('Sns.CallbackFriendAdd', '{"ErrorCode":"0"}'))).toEqual([
      'answer-action-status',
      'answer-wrong-type',
    ]);
  });
});

describe('checkAnswer: profile-exact (issue 12)', () => {
  const v = (version: 'v3.6' | 'v3.4.2-v3.5' | 'v3.0-v3.4.0' | 'v3.7+'): ServerProfile => ({
    dialect: 'openim',
    version,
  });
  const DENY = '{"actionCode":0,"errCode":5001,"errMsg":"spam","errDlt":"","nextCode":1}';

  it('v3.6 only logs a deny (v3.6.0 pkg/common/http/http_client.go callBackPostReturn)', () => {
    const check = checkAnswer(input(ADD, DENY, { profile: v('v3.6') }));
    expect(check.findings.map((f) => f.code)).toEqual(['answer-deny-ignored']);
    expect(check.outcome.effect).toBe('proceeds');
  });

  it('warns that a set-remark answer without remark clears it before v3.7 (v3.5.1 internal/rpc/friend/callback.go:60)', () => {
    const old = input('callbackBeforeSetFriendRemark', ALLOW, { profile: v('v3.4.2-v3.5') });
    expect(codes(old)).toEqual(['answer-remark-cleared']);
    expect(codes(input('callbackBeforeSetFriendRemarkCommand', ALLOW))).toEqual([]);
  });

  it('warns that a v3.4.2–v3.5 after-callback deny reaches the caller (v3.5.1 internal/rpc/friend/friend.go:233)', () => {
    const check = checkAnswer(input('callbackAfterDeleteFriendCommand', DENY, { profile: v('v3.4.2-v3.5') }));
    expect(check.findings.map((f) => f.code)).toEqual(['answer-after-deny']);
    expect(check.outcome).toMatchObject({ effect: 'fails', code: 5001 });
  });

  it('flags a command the version never sends (v3.4.0 internal/rpc/friend/friend.go:106)', () => {
    const check = checkAnswer(input('callbackAfterAddFriendCommand', ALLOW, { profile: v('v3.0-v3.4.0') }));
    expect(check.findings.map((f) => f.code)).toEqual(['command-not-sent']);
    expect(check.outcome.effect).toBe('unknown');
  });

  it('judges the bytes on the wire: no body with 204/304, interim 1xx', () => {
    const nobody = checkAnswer(input(ADD, ALLOW, { sent: { action: 'respond', status: 204, bodyText: ALLOW } }));
    expect(nobody.findings.map((f) => f.code)).toEqual(['answer-status', 'answer-body-dropped']);
    expect(nobody.outcome).toMatchObject({ effect: 'fails', code: 90007 });
    const interim = checkAnswer(input(ADD, ALLOW, { sent: { action: 'respond', status: 100, bodyText: ALLOW } }));
    expect(interim.findings.map((f) => f.code)).toEqual(['answer-interim-status']);
    expect(interim.outcome).toMatchObject({ effect: 'fails', code: 90004 });
  });
});

describe('checkAnswer: Tencent edge cases (issue 12 item 6)', () => {
  const targets = tencentTargets(PREV, findCommand(PREV)?.sample);
  const answer = (code: number, info: string) =>
    JSON.stringify({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ResultItem: targets.map((t) => ({ To_Account: t, ResultCode: code, ResultInfo: info })),
    });

  it("predicts with Tencent's fixed 2 s and warns about a longer hold timeout (B.1: 2 s)", () => {
    const late = checkAnswer(input(PREV, answer(0, ''), { elapsedMs: 2500, serverTimeoutMs: 5000 }));
    expect(late.findings.map((f) => f.code)).toEqual(['tencent-timeout-setting', 'answer-late']);
    expect(late.outcome.effect).toBe('proceeds');
    const closed = checkAnswer(
      input(PREV, answer(0, ''), {
        elapsedMs: 2500,
        serverTimeoutMs: 5000,
        profile: { dialect: 'tencent', policy: 'fail-closed' },
      }),
    );
    expect(closed.outcome.effect).toBe('fails');
  });

  it('warns about a ResultCode 0 that carries a reason (0 means allow to Tencent)', () => {
    const check = checkAnswer(input(PREV, answer(0, 'spam')));
    expect(new Set(check.findings.map((f) => f.code))).toEqual(new Set(['answer-result-code-zero']));
    expect(check.outcome.effect).toBe('proceeds');
  });

  it('says where the prediction rests on an assumption: FAIL with ErrorCode 0, string codes', () => {
    const fail = checkAnswer(input(PREV, '{"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":"x","ResultItem":[]}'));
    expect(fail.findings.map((f) => f.code)).toContain('answer-fail-without-code');
    expect(fail.outcome.explanation).toMatch(/assumed/);
    const strings = checkAnswer(input(PREV, answer(0, '').replaceAll('"ResultCode":0', '"ResultCode":"38001"')));
    expect(strings.outcome.explanation).toMatch(/assumed to proceed/);
  });
});

describe('tencentDecisionFindings', () => {
  const info = findCommand(PREV);
  const id = { dialect: 'tencent' as const, command: PREV, phase: 'before' as const, via: 'tencent-query' as const };
  it('warns about a deny with ResultCode 0 or outside [38000, 39000]', () => {
    expect(tencentDecisionFindings(id, info?.sample, { verdict: 'deny' })).toEqual([]);
    const zero = tencentDecisionFindings(id, info?.sample, { verdict: 'deny', code: 0 });
    expect(zero.map((f) => f.code)).toEqual(targets().map(() => 'deny-code-zero'));
    const range = tencentDecisionFindings(id, info?.sample, {
      verdict: 'allow',
      targets: { [targets()[0] ?? '']: { verdict: 'deny', code: 5001 } },
    });
    expect(range.map((f) => f.code)).toEqual(['deny-code-range']);
  });
  const targets = () => tencentTargets(PREV, info?.sample);
});
