import { afterEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/contract/index.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

/** Requests an attacker or a broken client could send: none may stall the engine or lose its answer. */
let engine: TestEngine;
afterEach(async () => engine?.stop());

const cmd = 'callbackBeforeAddFriendCommand';
const openim = (fields: Record<string, unknown>): string =>
  JSON.stringify({ callbackCommand: cmd, fromUserID: 'u1', toUserID: 'u2', reqMsg: '', ex: '', ...fields });

const rule = (where: Rule['match']['where']): Rule => ({
  id: 'r',
  name: '',
  enabled: true,
  match: { dialect: 'any', where },
  action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } },
  times: null,
});

describe('regex rules run in linear time', () => {
  it('answers a catastrophic-backtracking input at once, and the engine keeps serving', async () => {
    // With a backtracking engine this input blocked the process for about a minute (doubling per extra "a").
    engine = await startTestEngine({ rules: [rule([{ path: 'fromUserID', op: 'matches', value: '^(a+)+$' }])] });
    const hostile = await post(engine.url, `/cb/${cmd}`, openim({ fromUserID: `${'a'.repeat(40)}!` }));
    expect(hostile.status).toBe(200);
    expect(JSON.parse(hostile.text)).toMatchObject({ errCode: 0 });
    const matching = await post(engine.url, `/cb/${cmd}`, openim({ fromUserID: 'a'.repeat(40) }));
    expect(JSON.parse(matching.text)).toMatchObject({ errCode: 5002 });
  });
});

/** Targets in the huge-list test (the size that once answered 500). */
const N = 200_000;

describe('huge lists', () => {
  it('matches a [] rule over 200 000 targets and answers and captures the request', async () => {
    engine = await startTestEngine({
      settings: { capture: { maxBodyBytes: 16 * 1_048_576 } },
      rules: [rule([{ path: 'FriendItem[].To_Account', op: 'equals', value: `id${N - 1}` }])],
    });
    const items = Array.from({ length: N }, (_, i) => ({ To_Account: `id${i}` }));
    const body = JSON.stringify({
      CallbackCommand: 'Sns.CallbackPrevFriendAdd',
      From_Account: 'me',
      FriendItem: items,
    });
    const reply = await post(engine.url, '/tc?SdkAppid=1&CallbackCommand=Sns.CallbackPrevFriendAdd', body);
    expect(reply.status).toBe(200);
    const answer = JSON.parse(reply.text) as { ResultItem: { To_Account: string; ResultCode: number }[] };
    expect(answer.ResultItem).toHaveLength(N);
    expect(answer.ResultItem.every((item) => item.ResultCode === 5002)).toBe(true);
    const [capture] = engine.core.allCaptures();
    expect(capture?.decidedBy).toBe('rule:r');
    // Tencent gives up after 2 s: on a loaded machine this huge request can take longer, and then the prediction is
    // rightly the fail-open timeout outcome. Either way the prediction must agree with the answer's lateness.
    const late = (capture?.latencyMs ?? 0) >= 2_000;
    expect(capture?.outcome?.effect).toBe(late ? 'proceeds' : 'blocked');
  }, 60_000);
});
