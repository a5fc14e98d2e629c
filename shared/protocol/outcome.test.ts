import { describe, expect, it } from 'vitest';
import type { Decision } from '../contract/decision.js';
import type { OpenImProfile } from '../contract/settings.js';
import { buildAnswer } from './answer.js';
import { findCommand } from './catalogue.js';
import { predictOutcome } from './outcome.js';
import type { Identification, OutcomeInput } from './types.js';

const PROFILES: OpenImProfile[] = ['v3.7+', 'v3.6', 'v3.4.2-v3.5', 'v3.0-v3.4.0'];

function openim(
  bodyText: string,
  over: Partial<OutcomeInput> = {},
  version: OpenImProfile = 'v3.7+',
  command = 'callbackBeforeAddFriendCommand',
) {
  return predictOutcome({
    dialect: 'openim',
    command,
    phase: findCommand(command)?.phase ?? 'unknown',
    requestBody: findCommand(command)?.sample,
    sent: { action: 'respond', status: 200, bodyText },
    elapsedMs: 10,
    serverTimeoutMs: 5000,
    profile: { dialect: 'openim', version },
    ...over,
  });
}

function tencent(
  bodyText: string,
  over: Partial<OutcomeInput> = {},
  policy: 'fail-open' | 'fail-closed' = 'fail-open',
  command = 'Sns.CallbackPrevFriendAdd',
) {
  return predictOutcome({
    dialect: 'tencent',
    command,
    phase: findCommand(command)?.phase ?? 'unknown',
    requestBody: findCommand(command)?.sample,
    sent: { action: 'respond', status: 200, bodyText },
    elapsedMs: 10,
    serverTimeoutMs: 2000,
    profile: { dialect: 'tencent', policy },
    ...over,
  });
}

const ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';
const DENY = '{"actionCode":0,"errCode":5001,"errMsg":"spam","errDlt":"d","nextCode":1}';

// Expectations from each tag's pkg/callbackstruct/common.go `Parse()` and pkg/common/http/http_client.go
// `callBackPostReturn`: v3.4.0 (ActionCode int, no NextCode; deny on actionCode ≠ 0 or errCode ≠ 0), v3.5.1 (deny on
// actionCode ≠ 0 or nextCode == 1), v3.6.0 (Parse error only logged: no deny), v3.7.0 (deny on actionCode == 0 and
// nextCode == 1).
describe('OpenIM deny rules per profile (A.2 table)', () => {
  const cases: [string, string, Record<OpenImProfile, string>][] = [
    [
      'all-version allow',
      ALLOW,
      { 'v3.7+': 'proceeds', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'proceeds', 'v3.0-v3.4.0': 'proceeds' },
    ],
    [
      'all-version deny',
      DENY,
      { 'v3.7+': 'blocked', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'blocked', 'v3.0-v3.4.0': 'blocked' },
    ],
    [
      'actionCode 1 + nextCode 1',
      '{"actionCode":1,"errCode":5001,"nextCode":1}',
      { 'v3.7+': 'proceeds', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'blocked', 'v3.0-v3.4.0': 'blocked' },
    ],
    [
      'actionCode 1 only',
      '{"actionCode":1}',
      { 'v3.7+': 'proceeds', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'blocked', 'v3.0-v3.4.0': 'blocked' },
    ],
    [
      'errCode only (chat envelope)',
      '{"errCode":20013,"errMsg":"RefuseFriend","errDlt":""}',
      { 'v3.7+': 'proceeds', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'proceeds', 'v3.0-v3.4.0': 'blocked' },
    ],
    [
      'nextCode 1, errCode 5001',
      '{"errCode":5001,"nextCode":1}',
      { 'v3.7+': 'blocked', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'blocked', 'v3.0-v3.4.0': 'blocked' },
    ],
    [
      'nextCode 1, errCode 0',
      '{"nextCode":1}',
      { 'v3.7+': 'blocked', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'blocked', 'v3.0-v3.4.0': 'proceeds' },
    ],
    [
      'empty object',
      '{}',
      { 'v3.7+': 'proceeds', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'proceeds', 'v3.0-v3.4.0': 'proceeds' },
    ],
    [
      'JSON null (Go no-op)',
      'null',
      { 'v3.7+': 'proceeds', 'v3.6': 'proceeds', 'v3.4.2-v3.5': 'proceeds', 'v3.0-v3.4.0': 'proceeds' },
    ],
  ];
  for (const [label, body, expected] of cases) {
    it(label, () => {
      for (const p of PROFILES) expect(openim(body, {}, p).effect, p).toBe(expected[p]);
    });
  }

  it('explains a deny in one sentence with code and message', () => {
    expect(openim('{"actionCode":0,"errCode":5001,"errMsg":"spam","errDlt":"","nextCode":1}')).toEqual({
      effect: 'blocked',
      code: 5001,
      message: 'spam',
      explanation: 'OpenIM v3.7+ blocks the friend request: the user sees error 5001 "spam".',
    });
  });

  it('hints why a deny-looking answer allows', () => {
    expect(openim('{"actionCode":1,"nextCode":1}').explanation).toMatch(/actionCode ≠ 0 means allow/);
    expect(openim('{"errCode":20013}').explanation).toMatch(/nextCode must be 1/);
  });

  it('blocks with errCode < 100 but says the user sees a generic 500', () => {
    const o = openim('{"errCode":50,"errMsg":"no","nextCode":1}');
    expect(o).toMatchObject({ effect: 'blocked', code: 50 });
    expect(o.explanation).toMatch(/below 100.*generic 500/);
  });

  it('matches keys case-insensitively like Go', () => {
    expect(openim('{"NEXTCODE":1,"ErrCode":5002,"ERRMSG":"x"}')).toMatchObject({
      effect: 'blocked',
      code: 5002,
      message: 'x',
    });
    // Go applies members in order, so the last spelling wins.
    expect(openim('{"nextCode":1,"NextCode":0}').effect).toBe('proceeds');
  });

  it('ignores the HTTP status', () => {
    expect(openim(DENY, { sent: { action: 'respond', status: 500, bodyText: DENY } }).effect).toBe('blocked');
    expect(openim(ALLOW, { sent: { action: 'respond', status: 503, bodyText: ALLOW } }).effect).toBe('proceeds');
  });
});

describe('OpenIM failures (A.2 failure table)', () => {
  const formatErrors = [
    '',
    '   ',
    'Not Found',
    '{"actionCode":0,',
    '[]',
    '"ok"',
    '5',
    '{"nextCode":"0"}',
    '{"nextCode":"1"}',
    '{"nextCode":1.0}',
    '{"actionCode":0e0}',
    '{"errCode":true}',
    '{"errCode":3000000000}',
    '{"actionCode":3000000000}',
    '{"errMsg":5}',
    '{"errDlt":{}}',
    '{"nextcode":[1]}',
  ];
  it.each(formatErrors)('format error %j → 90007 on v3.7+, continue before (failedContinue: true)', (text) => {
    const o = openim(text);
    // v3.8.3 pkg/common/servererrs/predefine.go: ErrData = NewCodeError(DataError, "DataError").
    expect(o).toMatchObject({ effect: 'fails', code: 90007, message: 'DataError' });
    expect(o.explanation).toMatch(/90007/);
    for (const p of ['v3.6', 'v3.4.2-v3.5', 'v3.0-v3.4.0'] as const) {
      const old = openim(text, {}, p);
      // v3.0–v3.4.0 ignore nextCode (no field) and decode actionCode as a 64-bit int.
      if (p === 'v3.0-v3.4.0' && /nextcode|actionCode":3/i.test(text)) continue;
      expect(old.effect, p).toBe('proceeds');
      expect(old.explanation).toMatch(/failedContinue/);
    }
  });

  it('names the offending field', () => {
    expect(openim('{"actionCode":0,"nextCode":"0"}').explanation).toMatch(/"nextCode" is a string/);
    expect(openim('{"nextCode":1.0}').explanation).toMatch(/1\.0/);
  });

  it('accepts null for common fields (Go leaves the zero value)', () => {
    expect(openim('{"actionCode":null,"errMsg":null,"nextCode":1,"errCode":5001}').effect).toBe('blocked');
  });

  it('no answer, close, reset and timeouts → 90004', () => {
    for (const action of ['no-response', 'close', 'reset'] as const) {
      expect(openim('', { sent: { action } })).toMatchObject({ effect: 'fails', code: 90004 });
      expect(openim('', { sent: { action } }, 'v3.4.2-v3.5').effect).toBe('proceeds');
    }
    expect(openim(DENY, { elapsedMs: 5000 })).toMatchObject({ effect: 'fails', code: 90004 });
    expect(openim(DENY, { elapsedMs: 4999 }).effect).toBe('blocked');
    // The shared client's hard 15 s limit caps a longer configured timeout; 0 means 15 s.
    expect(openim(DENY, { elapsedMs: 15_000, serverTimeoutMs: 30_000 }).code).toBe(90004);
    expect(openim(DENY, { elapsedMs: 14_000, serverTimeoutMs: 0 }).effect).toBe('blocked');
    expect(openim(DENY, { elapsedMs: 15_000, serverTimeoutMs: 0 }).code).toBe(90004);
  });

  it('a late answer: the sentence starts with the lateness, on every version', () => {
    expect(openim(DENY, { elapsedMs: 5200 }).explanation).toMatch(
      /^The answer came after the 5 s timeout, so OpenIM v3\.7\+ never read it: it fails the friend request with error 90004/,
    );
    const old = openim(DENY, { elapsedMs: 5200 }, 'v3.6');
    expect(old.effect).toBe('proceeds');
    expect(old.explanation).toMatch(
      /^The answer came after the 5 s timeout, so OpenIM v3\.6 never read it: .*failedContinue/,
    );
    expect(openim(DENY, { elapsedMs: 4999 }).explanation).not.toMatch(/came after/);
    expect(openim('', { sent: { action: 'reset' } }).explanation).not.toMatch(/came after/);
  });

  it('after-callbacks are ignored on v3.7+ whatever the answer (queued: webhook AsyncPost)', () => {
    const cmd = 'callbackAfterDeleteFriendCommand';
    expect(openim(DENY, {}, 'v3.7+', cmd).effect).toBe('ignored');
    expect(openim('garbage', {}, 'v3.7+', cmd).effect).toBe('ignored');
    expect(openim('', { sent: { action: 'reset' } }, 'v3.7+', cmd).effect).toBe('ignored');
  });

  it('unknown commands and dialects are unknown', () => {
    expect(openim(ALLOW, { command: 'callbackBeforeWhateverCommand', phase: 'before' }).effect).toBe('unknown');
    expect(openim(ALLOW, { command: null, phase: 'unknown' }).effect).toBe('unknown');
    expect(openim(ALLOW, { dialect: 'unknown' }).effect).toBe('unknown');
  });
});

describe('OpenIM rewrites (non-empty wins)', () => {
  const REMARK = 'callbackBeforeSetFriendRemarkCommand';
  const IMPORT = 'callbackBeforeImportFriendsCommand';
  it('applies a non-empty remark', () => {
    const o = openim('{"actionCode":0,"nextCode":0,"remark":"Bob"}', {}, 'v3.7+', REMARK);
    expect(o).toMatchObject({ effect: 'proceeds', rewrite: { remark: 'Bob' } });
    expect(o.explanation).toMatch(/remark replaced by "Bob"/);
  });
  it('keeps the user value for an empty remark or list', () => {
    expect(openim('{"remark":""}', {}, 'v3.7+', REMARK).rewrite).toBeUndefined();
    expect(openim('{"friendUserIDs":[]}', {}, 'v3.7+', IMPORT).rewrite).toBeUndefined();
    expect(openim('{"friendUserIDs":null}', {}, 'v3.7+', IMPORT).rewrite).toBeUndefined();
  });
  it('applies a non-empty list', () => {
    expect(openim('{"FriendUserIDs":["u9"]}', {}, 'v3.7+', IMPORT)).toMatchObject({
      effect: 'proceeds',
      rewrite: { friendUserIDs: ['u9'] },
    });
  });
  it('rejects a wrongly typed rewrite field only where the struct has it', () => {
    expect(openim('{"remark":5}', {}, 'v3.7+', REMARK).code).toBe(90007);
    expect(openim('{"friendUserIDs":"u1"}', {}, 'v3.7+', IMPORT).code).toBe(90007);
    expect(openim('{"friendUserIDs":[1]}', {}, 'v3.7+', IMPORT).code).toBe(90007);
    expect(openim('{"remark":5,"friendUserIDs":"x"}').effect).toBe('proceeds');
  });
  it('ignores a rewrite on a deny', () => {
    expect(openim('{"nextCode":1,"errCode":5001,"remark":"x"}', {}, 'v3.7+', REMARK)).toMatchObject({
      effect: 'blocked',
    });
  });
});

describe('Tencent (B.1, B.2)', () => {
  const allow =
    '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},{"To_Account":"id2","ResultCode":0,"ResultInfo":""}]}';
  it('allows every target', () => {
    const o = tencent(allow);
    expect(o.effect).toBe('proceeds');
    expect(o.targets).toEqual([
      { account: 'id1', effect: 'proceeds' },
      { account: 'id2', effect: 'proceeds' },
    ]);
  });

  it('blocks all targets', () => {
    const text =
      '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":38001,"ResultInfo":"no"},{"To_Account":"id2","ResultCode":38001,"ResultInfo":"no"}]}';
    expect(tencent(text)).toMatchObject({ effect: 'blocked', code: 38001, message: 'no' });
  });

  it('reports mixed per-target verdicts', () => {
    const text =
      '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":0},{"To_Account":"id2","ResultCode":38002,"ResultInfo":"spam"}]}';
    const o = tencent(text);
    expect(o.effect).toBe('partial');
    expect(o.targets).toEqual([
      { account: 'id1', effect: 'proceeds' },
      { account: 'id2', effect: 'blocked', code: 38002, message: 'spam' },
    ]);
    expect(o.explanation).toMatch(/1 of 2 targets.*id2 \(38002\)/);
  });

  it('notes targets missing from ResultItem as assumed to proceed', () => {
    const o = tencent(
      '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":38001}]}',
    );
    expect(o.targets?.[1]).toEqual({ account: 'id2', effect: 'proceeds' });
    expect(o.explanation).toMatch(/id2 not in ResultItem.*assumed/);
  });

  const failures: [string, Partial<OutcomeInput>][] = [
    ['timeout', { elapsedMs: 2000 }],
    ['no answer', { sent: { action: 'no-response' } }],
    ['reset', { sent: { action: 'reset' } }],
    ['HTTP 500', { sent: { action: 'respond', status: 500, bodyText: allow } }],
    ['empty body', { sent: { action: 'respond', status: 200, bodyText: '' } }],
    ['not JSON', { sent: { action: 'respond', status: 200, bodyText: '{"ActionStatus":' } }],
    [
      'backend ErrorCode',
      {
        sent: { action: 'respond', status: 200, bodyText: '{"ActionStatus":"FAIL","ErrorCode":38000,"ErrorInfo":"x"}' },
      },
    ],
  ];
  it.each(failures)('%s: fail-open proceeds, fail-closed fails', (_label, over) => {
    const open = tencent(allow, over, 'fail-open');
    expect(open.effect).toBe('proceeds');
    expect(open.explanation).toMatch(/fail-open/);
    const closed = tencent(allow, over, 'fail-closed');
    expect(closed.effect).toBe('fails');
    expect(closed.code).toBeUndefined();
    expect(closed.explanation).toMatch(/fail-closed/);
  });

  // issue 23 / product.md §2 v3: a prediction that depends on lateness says why in the outcome sentence itself —
  // first, and that the answer (a per-target deny included) was never read.
  it('a late answer: the sentence starts with the lateness and says what Tencent did instead', () => {
    const oneDenied =
      '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":0},{"To_Account":"id2","ResultCode":38001}]}';
    const open = tencent(oneDenied, { elapsedMs: 2300 });
    expect(open.effect).toBe('proceeds');
    expect(open.explanation).toMatch(
      /^The answer came after Tencent's 2 s timeout, so Tencent never read it: .*default fail-open policy.* go ahead/,
    );
    const closed = tencent(allow, { elapsedMs: 2300 }, 'fail-closed');
    expect(closed.effect).toBe('fails');
    expect(closed.explanation).toMatch(
      /^The answer came after Tencent's 2 s timeout, so Tencent never read it: .*fail-closed/,
    );
    // On time: nothing about lateness.
    expect(tencent(oneDenied, { elapsedMs: 1999 }).explanation).not.toMatch(/came after/);
  });

  it('ignores after-callbacks and does not predict unknown commands', () => {
    expect(tencent('garbage', {}, 'fail-closed', 'Sns.CallbackFriendAdd').effect).toBe('ignored');
    expect(tencent('{}', {}, 'fail-open', 'Profile.CallbackPortraitSet').effect).toBe('ignored');
    expect(tencent('{}', { phase: 'before' }, 'fail-open', 'C2C.CallbackBeforeSomethingNew').effect).toBe('unknown');
  });

  it('survives hostile answers and request bodies', () => {
    const hostile = [
      '{"ResultItem":{"To_Account":"id1"}}',
      '{"ResultItem":[null,1,"x",{"To_Account":{"a":1}}]}',
      '{"__proto__":{"ErrorCode":1}}',
    ];
    for (const text of hostile) expect(() => tencent(text)).not.toThrow();
    expect(tencent(allow, { requestBody: [1, 2, 3] })).toMatchObject({ effect: 'proceeds', targets: [] });
  });
});

describe('round trip: buildAnswer → predictOutcome', () => {
  const cases: [string, Decision, string, string][] = [
    ['openim', { verdict: 'allow' }, 'callbackBeforeAddFriendCommand', 'proceeds'],
    ['openim', { verdict: 'deny', code: 5002, message: 'spam' }, 'callbackBeforeAddFriendCommand', 'blocked'],
    ['openim', { verdict: 'allow', fault: { type: 'string-codes' } }, 'callbackBeforeAddFriendCommand', 'fails'],
    [
      'openim',
      { verdict: 'deny', fault: { type: 'http-status', status: 500 } },
      'callbackBeforeAddBlackCommand',
      'blocked',
    ],
    ['openim', { verdict: 'allow', fault: { type: 'invalid-json' } }, 'callbackBeforeAddFriendAgreeCommand', 'fails'],
    ['openim', { verdict: 'allow', fault: { type: 'empty-body' } }, 'callbackBeforeImportFriendsCommand', 'fails'],
    [
      'openim',
      { verdict: 'allow', override: { nextCode: 1, errCode: 5003 } },
      'callbackBeforeAddFriendCommand',
      'blocked',
    ],
    ['tencent', { verdict: 'deny' }, 'Sns.CallbackPrevFriendResponse', 'blocked'],
    ['tencent', { verdict: 'allow', fault: { type: 'http-status' } }, 'Sns.CallbackPrevFriendAdd', 'proceeds'],
  ];
  it.each(cases)('%s %j on %s → %s', (dialect, decision, command, effect) => {
    const info = findCommand(command);
    const id: Identification = {
      dialect: dialect === 'tencent' ? 'tencent' : 'openim',
      command,
      phase: info?.phase ?? 'unknown',
      via: 'body',
    };
    const plan = buildAnswer(id, info?.sample, decision);
    const sent =
      plan.action === 'respond'
        ? { action: plan.action, status: plan.status, bodyText: plan.bodyText }
        : { action: plan.action };
    const fn = dialect === 'openim' ? openim : tencent;
    expect(fn('', { sent, command, phase: id.phase, requestBody: info?.sample }).effect).toBe(effect);
  });

  it('rewrite decisions come back as rewrites', () => {
    const info = findCommand('callbackBeforeSetFriendRemarkCommand');
    const plan = buildAnswer(
      { dialect: 'openim', command: info?.name ?? '', phase: 'before', via: 'path' },
      info?.sample,
      { verdict: 'allow', rewrite: { remark: 'Best' } },
    );
    expect(openim(plan.bodyText, {}, 'v3.7+', 'callbackBeforeSetFriendRemarkCommand').rewrite).toEqual({
      remark: 'Best',
    });
  });
});
