import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Decision, FAULT_TYPES, RuleSchema } from '../../../shared/contract/index.js';
import { post, type Reply, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine;
const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const bodyFrom = (from: string) =>
  JSON.stringify({
    callbackCommand: 'callbackBeforeAddFriendCommand',
    fromUserID: from,
    toUserID: 'b',
    reqMsg: '',
    ex: '',
  });

// One rule per fault, chosen by the request's fromUserID.
const faultRule = (id: string, decision: Decision) =>
  RuleSchema.parse({
    id,
    match: { where: [{ path: 'fromUserID', op: 'equals', value: id }] },
    action: { type: 'answer', decision },
  });

beforeAll(async () => {
  engine = await startTestEngine({
    rules: [
      ...FAULT_TYPES.map((type) => faultRule(type, { verdict: 'allow', fault: { type, status: 503 } })),
      faultRule('slow', { verdict: 'deny', delayMs: 150 }),
    ],
  });
});
afterAll(async () => engine?.stop());

const send = (from: string, signal?: AbortSignal): Promise<Reply> =>
  post(engine.url, ADD, bodyFrom(from), signal ? { signal } : {});
const captureOf = (from: string) =>
  engine.core.allCaptures().find((c) => c.request.bodyText.includes(`"fromUserID":"${from}"`));

describe('faults, observed by the client', () => {
  it('http-status: the chosen status with a valid answer body', async () => {
    const reply = await send('http-status');
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.text)).toMatchObject({ actionCode: 0, nextCode: 0 });
  });

  it('invalid-json: a body that does not parse', async () => {
    const reply = await send('invalid-json');
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.text)).toThrow();
    expect(captureOf('invalid-json')?.outcome).toMatchObject({ effect: 'fails', code: 90007 });
  });

  it('string-codes: numbers written as strings', async () => {
    const reply = await send('string-codes');
    expect(JSON.parse(reply.text)).toMatchObject({ actionCode: '0', nextCode: '0' });
  });

  it('empty-body: 200 with nothing in it', async () => {
    const reply = await send('empty-body');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
  });

  it('close: the connection ends without a response', async () => {
    await expect(send('close')).rejects.toThrow(/socket hang up/);
    expect(captureOf('close')).toMatchObject({ state: 'answered', response: { fault: 'close' } });
  });

  it('reset: the connection is reset', async () => {
    await expect(send('reset')).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(captureOf('reset')).toMatchObject({ state: 'answered', response: { fault: 'reset' } });
  });

  it('no-response: nothing comes back until the client aborts', async () => {
    const client = new AbortController();
    let settled = false;
    const reply = send('no-response', client.signal).finally(() => {
      settled = true;
    });
    await engine.waitForCapture((e) => e.capture.response?.fault === 'no-response');
    expect((await send('someone-else')).status).toBe(200);
    expect(settled).toBe(false);
    client.abort();
    await expect(reply).rejects.toThrow(/abort/i);
    expect(captureOf('no-response')?.outcome?.effect).toBe('fails');
  });

  it('delay: the answer comes after the delay, other requests are not blocked', async () => {
    const slow = send('slow');
    expect((await send('fast')).status).toBe(200);
    const reply = await slow;
    expect(JSON.parse(reply.text)).toMatchObject({ nextCode: 1 });
    const c = captureOf('slow');
    expect(c?.latencyMs).toBeGreaterThanOrEqual(150);
    const fast = captureOf('fast');
    expect(fast && c && fast.seq > c.seq).toBe(true);
  });

  it('keeps serving after every fault', async () => {
    expect((await send('after-all')).status).toBe(200);
  });
});
