import { afterEach, describe, expect, it } from 'vitest';
import { type Capture, type EngineEvent, RuleSchema } from '../../../shared/contract/index.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine;
afterEach(async () => engine?.stop());

const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const AFTER = '/callbackExample/callbackAfterAddFriendCommand';
const body = JSON.stringify({
  callbackCommand: 'callbackBeforeAddFriendCommand',
  fromUserID: 'a',
  toUserID: 'b',
  reqMsg: '',
  ex: '',
});
// Small timeouts so a fallback comes quickly; the tests wait for it, they never time it.
const quick = { openimTimeoutMs: 600, tencentTimeoutMs: 600, marginMs: 100 };

const final =
  (id: string) =>
  (e: EngineEvent): e is EngineEvent & { type: 'capture.updated' } =>
    e.type === 'capture.updated' && e.capture.id === id && e.capture.state !== 'held';

describe('hold', () => {
  it('holds before-callbacks in "before" mode; a decision reaches the waiting client exactly', async () => {
    engine = await startTestEngine({ settings: { hold: { mode: 'before' } } });
    const after = await post(engine.url, AFTER, '{}');
    expect(after.status).toBe(200);
    const reply = post(engine.url, ADD, body);
    const id = await engine.nextHeldId();
    const held = engine.core.getCapture(id) as Capture; // just announced as held, so it is stored
    expect(held.state).toBe('held');
    expect(held.hold).toMatchObject({ serverTimeoutMs: 5000, fallback: 'auto' });
    expect(held.hold?.deadlineAt).toBe(held.receivedAt + 5000 - 300);
    const result = engine.core.decide(id, { verdict: 'deny', code: 5555, message: 'no', detail: 'why' }, 'person');
    expect(result.ok).toBe(true);
    const answer = await reply;
    expect(JSON.parse(answer.text)).toEqual({ actionCode: 0, errCode: 5555, errMsg: 'no', errDlt: 'why', nextCode: 1 });
    const done = engine.core.getCapture(id);
    expect(done).toMatchObject({ state: 'answered', decidedBy: 'person', decision: { code: 5555 } });
    expect(done?.outcome?.effect).toBe('blocked');
    await engine.waitForEvent(final(id));
    expect(engine.core.decide(id, { verdict: 'allow' }, 'api')).toEqual({ ok: false, reason: 'not-held' });
    expect(engine.core.decide('nope', { verdict: 'allow' }, 'api')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('answers with the fallback before the deadline when nobody decides', async () => {
    engine = await startTestEngine({ settings: { hold: { mode: 'all', ...quick } } });
    const reply = await post(engine.url, ADD, body);
    expect(JSON.parse(reply.text)).toMatchObject({ nextCode: 0 });
    const [c] = engine.core.allCaptures();
    expect(c).toMatchObject({ state: 'answered', decidedBy: 'timeout', decision: { verdict: 'allow' } });
    expect(c?.hold?.serverTimeoutMs).toBe(600);
  });

  it('falls back to the first matching answer rule, and holds by rule', async () => {
    engine = await startTestEngine({
      settings: { hold: quick },
      rules: [
        RuleSchema.parse({
          id: 'hold-adds',
          match: { command: 'callbackBeforeAddFriendCommand' },
          action: { type: 'hold' },
        }),
        RuleSchema.parse({ id: 'deny', action: { type: 'answer', decision: { verdict: 'deny', code: 5003 } } }),
      ],
    });
    const reply = await post(engine.url, ADD, body);
    expect(JSON.parse(reply.text)).toMatchObject({ errCode: 5003, nextCode: 1 });
    expect(engine.core.allCaptures()[0]).toMatchObject({ decidedBy: 'timeout', decision: { code: 5003 } });
    expect(engine.core.getRules().map((r) => r.hits)).toEqual([1, 1]);
  });

  it('in hold mode an answer rule answers at once; requests no rule matches are held (§2 v2 precedence)', async () => {
    engine = await startTestEngine({
      settings: { hold: { mode: 'all' } },
      rules: [
        RuleSchema.parse({
          id: 'deny-spammer',
          match: { where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }] },
          action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } },
        }),
      ],
    });
    const spam = body.replace('"fromUserID":"a"', '"fromUserID":"spammer"');
    const answered = await post(engine.url, ADD, spam);
    expect(JSON.parse(answered.text)).toMatchObject({ errCode: 5002, nextCode: 1 });
    expect(engine.core.allCaptures()[0]).toMatchObject({ state: 'answered', decidedBy: 'rule:deny-spammer' });
    const reply = post(engine.url, ADD, body);
    const id = await engine.nextHeldId();
    expect(engine.core.getCapture(id)?.state).toBe('held');
    engine.core.decide(id, { verdict: 'allow' }, 'api');
    expect((await reply).status).toBe(200);
    expect(engine.core.getRules()[0]?.hits).toBe(1);
  });

  it('"no-response" fallback sends nothing until the client gives up', async () => {
    engine = await startTestEngine({ settings: { hold: { mode: 'before', fallback: 'no-response', ...quick } } });
    const client = new AbortController();
    let settled = false;
    const reply = post(engine.url, ADD, body, { signal: client.signal }).finally(() => {
      settled = true;
    });
    const id = await engine.nextHeldId();
    await engine.waitForEvent(final(id));
    const c = engine.core.getCapture(id);
    expect(c).toMatchObject({ state: 'answered', decidedBy: 'timeout', response: { fault: 'no-response' } });
    expect(c?.outcome?.effect).toBe('fails');
    // One more round trip on another connection: still nothing came back on the held one.
    expect((await post(engine.url, AFTER, '{}')).status).toBe(200);
    expect(settled).toBe(false);
    client.abort();
    await expect(reply).rejects.toThrow(/abort/i);
  });

  it('marks a held request failed when its client disconnects', async () => {
    engine = await startTestEngine({ settings: { hold: { mode: 'all' } } });
    const client = new AbortController();
    const reply = post(engine.url, ADD, body, { signal: client.signal });
    const id = await engine.nextHeldId();
    client.abort();
    await expect(reply).rejects.toThrow();
    await engine.waitForEvent(final(id));
    const c = engine.core.getCapture(id);
    expect(c?.state).toBe('failed');
    expect(c?.findings.map((f) => f.code)).toContain('client-gave-up');
    expect(engine.core.decide(id, { verdict: 'allow' }, 'person')).toEqual({ ok: false, reason: 'not-held' });
  });

  it('applies a decision delay without blocking other requests', async () => {
    engine = await startTestEngine({ settings: { hold: { mode: 'before' } } });
    const slow = post(engine.url, ADD, body);
    const id = await engine.nextHeldId();
    engine.core.decide(id, { verdict: 'allow', delayMs: 300 }, 'api');
    expect(engine.core.getCapture(id)).toMatchObject({ state: 'answered', response: null });
    // Answered while the delayed one still waits.
    expect((await post(engine.url, AFTER, '{}')).status).toBe(200);
    expect(engine.core.getCapture(id)?.response).toBeNull();
    expect((await slow).status).toBe(200);
    expect(engine.core.getCapture(id)?.response?.status).toBe(200);
  });

  it('stop() answers every held request with its fallback', async () => {
    engine = await startTestEngine({ settings: { hold: { mode: 'all' } } });
    const replies = [post(engine.url, ADD, body), post(engine.url, AFTER, '{}')];
    await engine.heldIds(2);
    await engine.stop();
    const answers = await Promise.all(replies);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(engine.core.allCaptures().map((c) => c.decidedBy)).toEqual(['timeout', 'timeout']);
  });
});
