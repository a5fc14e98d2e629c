import { describe, expect, it } from 'vitest';
import { tencentTargets } from './answer.js';
import { checkAnswer } from './answer-check.js';
import { findCommand } from './catalogue.js';
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
