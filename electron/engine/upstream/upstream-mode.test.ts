import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Capture, type EngineEvent, RuleSchema } from '../../../shared/contract/index.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { startTestServer } from '../testing/test-http.js';
import { post, removeDir, startTestEngine, type TestEngine, tempDir } from '../testing/test-support.js';
import { jsonAnswer, OPENIM_DENY, sampleRequest, startUpstream } from '../testing/upstream-fixtures.js';

/** Upstream mode end to end: a real engine on port 0 in front of a fake app backend, over real HTTP. */

let engine: TestEngine | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  await backend?.close();
  engine = null;
  backend = null;
});

const ADD = sampleRequest('callbackBeforeAddFriendCommand');
const REMARK = sampleRequest('callbackBeforeSetFriendRemarkCommand');
const PREV = sampleRequest('Sns.CallbackPrevFriendAdd');
const json = jsonAnswer;

/** The backend and the engine in front of it, both stopped after the test. */
async function setup(...args: Parameters<typeof startUpstream>): ReturnType<typeof startUpstream> {
  const started = await startUpstream(...args);
  ({ engine, backend } = started);
  return started;
}

const finished = (e: EngineEvent): boolean =>
  (e.type === 'capture.added' || e.type === 'capture.updated') && e.capture.state !== 'held';
const only = (t: TestEngine): Capture => {
  const [c] = t.core.allCaptures();
  if (!c) throw new Error('no capture');
  return c;
};

describe('upstream mode: relays the backend exactly', () => {
  it('OpenIM deny: same URL form, body and headers reach the backend; its answer comes back unchanged', async () => {
    const { engine, backend } = await setup(() => ({
      status: 200,
      headers: { 'Content-Type': 'application/json', 'X-Backend': 'v1' },
      body: JSON.stringify(OPENIM_DENY),
    }));
    const reply = await post(engine.url, ADD.target, ADD.bodyText, { headers: ADD.headers });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(JSON.stringify(OPENIM_DENY));
    expect(reply.headers['x-backend']).toBe('v1');
    const got = await backend.nextRequest();
    expect(got.url).toBe('/cb/callbackBeforeAddFriendCommand');
    expect(got.body.toString()).toBe(ADD.bodyText);
    expect(got.headers.operationid).toBe(ADD.headers.Operationid);
    const c = only(engine);
    expect(c).toMatchObject({ state: 'answered', decidedBy: 'upstream', outcome: { effect: 'blocked', code: 5002 } });
    expect(c.upstream).toMatchObject({
      url: `${backend.url}/cb/callbackBeforeAddFriendCommand`,
      status: 200,
      bodyText: JSON.stringify(OPENIM_DENY),
      findings: [],
      outcome: { effect: 'blocked', code: 5002 },
    });
    expect(c.upstream?.latencyMs).toBeGreaterThan(0);
  });

  it('OpenIM allow with a remark rewrite is relayed and predicted', async () => {
    const { engine } = await setup(() => json({ actionCode: 0, errCode: 0, nextCode: 0, remark: 'Boss' }));
    await post(engine.url, REMARK.target, REMARK.bodyText);
    expect(only(engine).outcome).toMatchObject({ effect: 'proceeds', rewrite: { remark: 'Boss' } });
  });

  it('string codes: relayed unchanged, reported, predicted to fail with 90007', async () => {
    const { engine } = await setup(() => json({ actionCode: 0, errCode: 0, nextCode: '0' }));
    const reply = await post(engine.url, ADD.target, ADD.bodyText);
    expect(reply.text).toBe('{"actionCode":0,"errCode":0,"nextCode":"0"}');
    const c = only(engine);
    expect(c.upstream?.findings.map((f) => f.code)).toEqual(['answer-wrong-type']);
    expect(c.upstream?.outcome).toMatchObject({ effect: 'fails', code: 90007 });
    expect(c.outcome).toMatchObject({ effect: 'fails', code: 90007 });
  });

  it('a 500 with non-JSON is relayed as is and predicted as a format error', async () => {
    const { engine } = await setup(() => ({
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>oops</h1>',
    }));
    const reply = await post(engine.url, ADD.target, ADD.bodyText);
    expect(reply.status).toBe(500);
    expect(reply.text).toBe('<h1>oops</h1>');
    expect(reply.headers['content-type']).toBe('text/html');
    const c = only(engine);
    expect(c.upstream?.findings.map((f) => f.code)).toEqual(['answer-status', 'answer-not-json']);
    expect(c).toMatchObject({ decidedBy: 'upstream', outcome: { effect: 'fails', code: 90007 } });
  });

  it('Tencent: original query string forwarded; a missing ResultItem is reported', async () => {
    const { engine, backend } = await setup(() => json({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }), {}, '/im');
    await post(engine.url, PREV.target, PREV.bodyText);
    const got = await backend.nextRequest();
    expect(got.url).toBe(`/im${PREV.target.slice(PREV.target.indexOf('?'))}`);
    const c = only(engine);
    expect(c.upstream?.findings.map((f) => f.code)).toEqual(['answer-result-item-missing']);
    expect(c.decidedBy).toBe('upstream');
  });

  it('Tencent: a non-200 is reported as the failure Tencent counts it as (fail-open proceeds)', async () => {
    const { engine } = await setup(() => json({ ActionStatus: 'OK', ErrorCode: 0 }, 503));
    const reply = await post(engine.url, PREV.target, PREV.bodyText);
    expect(reply.status).toBe(503);
    const c = only(engine);
    expect(c.upstream?.findings.map((f) => f.code)).toContain('answer-status');
    expect(c.upstream?.outcome?.effect).toBe('proceeds');
  });
});

describe('upstream mode: backend failures', () => {
  it('connection refused: the IM server gets a reset, the capture says why', async () => {
    engine = await startTestEngine({ settings: { upstream: { url: 'http://127.0.0.1:1/cb' } } });
    await expect(post(engine.url, ADD.target, ADD.bodyText)).rejects.toThrow(/ECONNRESET|socket hang up/);
    await engine.waitForCapture(finished);
    const c = only(engine);
    expect(c.upstream).toMatchObject({ status: null, error: expect.stringMatching(/refused/) });
    expect(c).toMatchObject({
      decidedBy: 'upstream',
      response: { fault: 'reset' },
      outcome: { effect: 'fails', code: 90004 },
    });
  });

  it('reset by the backend: reset to the IM server', async () => {
    const { engine } = await setup(() => ({ reset: true }));
    await expect(post(engine.url, ADD.target, ADD.bodyText)).rejects.toThrow();
    await engine.waitForCapture(finished);
    expect(only(engine).response?.fault).toBe('reset');
  });

  it('slow backend: no answer within the IM server timeout, so none is given (the server times out)', async () => {
    const { engine } = await setup(() => ({ hang: true }), { hold: { openimTimeoutMs: 600 } });
    const client = new AbortController();
    const reply = post(engine.url, ADD.target, ADD.bodyText, { signal: client.signal });
    await engine.waitForCapture(finished);
    const c = only(engine);
    expect(c.upstream?.error).toMatch(/no answer within/);
    expect(c.response?.fault).toBe('no-response');
    expect(c.outcome).toMatchObject({ effect: 'fails', code: 90004 });
    client.abort();
    await expect(reply).rejects.toThrow(/abort/i);
  });

  it('upstream.onFailure "fallback" answers with the rule/default answer instead', async () => {
    const { engine } = await setup(() => ({ status: 502, body: 'Bad Gateway' }), {
      upstream: { onFailure: 'fallback' },
    });
    engine.core.setRules([
      RuleSchema.parse({ id: 'deny-all', action: { type: 'answer', decision: { verdict: 'deny', code: 5009 } } }),
      RuleSchema.parse({ id: 'fwd', action: { type: 'forward' } }),
    ]);
    // The answer rule matches first here: no forwarding at all.
    await post(engine.url, ADD.target, ADD.bodyText);
    expect(only(engine)).toMatchObject({ decidedBy: 'rule:deny-all' });
    expect(only(engine).upstream).toBeUndefined();
    engine.core.setRules([]);
    const reply = await post(engine.url, ADD.target, ADD.bodyText);
    expect(JSON.parse(reply.text)).toMatchObject({ errCode: 0, nextCode: 0 });
    const c = engine.core.allCaptures()[1];
    expect(c?.decidedBy).toBe('default');
    expect(c?.findings.map((f) => f.code)).toContain('upstream-fallback');
    expect(c?.upstream?.findings.map((f) => f.code)).toContain('answer-not-json');
  });
});

describe('upstream mode: the record', () => {
  it('the IM server giving up while the backend thinks: failed, and the backend is no longer awaited', async () => {
    const { engine, backend } = await setup(() => ({ hang: true }));
    const client = new AbortController();
    const reply = post(engine.url, ADD.target, ADD.bodyText, { signal: client.signal });
    await backend.nextRequest();
    client.abort();
    await expect(reply).rejects.toThrow(/abort/i);
    await engine.waitForCapture(finished);
    const c = only(engine);
    expect(c.state).toBe('failed');
    expect(c.findings.map((f) => f.code)).toContain('client-gave-up');
    expect(c.upstream?.error).toMatch(/the IM server closed the connection first/);
  });

  it('GET /api/captures/:id, the log and the events carry origin and upstream; health shows the upstream', async () => {
    const dir = await tempDir();
    try {
      backend = await startFakeBackend(() => json(OPENIM_DENY));
      engine = await startTestEngine({ dataDir: dir, settings: { upstream: { url: backend.url } } });
      const api = await startTestServer(engine.core);
      try {
        expect((await api.api('GET', '/api/health')).json).toMatchObject({
          upstream: { url: backend.url, state: expect.stringMatching(/unknown|reachable/) },
        });
        await post(engine.url, ADD.target, ADD.bodyText);
        const id = only(engine).id;
        const full = (await api.api('GET', `/api/captures/${id}`)).json;
        expect(full).toMatchObject({ origin: 'listener', decidedBy: 'upstream', upstream: { status: 200 } });
        const event = engine.events.find((e) => e.type === 'capture.added' && e.capture.id === id);
        expect(event).toMatchObject({ capture: { origin: 'listener', upstream: { status: 200 } } });
        expect((await api.api('GET', '/api/health')).json).toMatchObject({ upstream: { state: 'answering' } });
        expect(engine.events).toContainEqual({
          type: 'upstream.status',
          status: expect.objectContaining({ url: backend.url, state: 'answering' }),
        });
      } finally {
        await api.server.close();
      }
      await engine.stop();
      const log = await readFile(join(dir, 'captures.ndjson'), 'utf8');
      expect(JSON.parse(log.trim().split('\n')[0] ?? '')).toMatchObject({
        origin: 'listener',
        upstream: { url: `${backend.url}/callbackBeforeAddFriendCommand`, outcome: { effect: 'blocked' } },
      });
      engine = null;
    } finally {
      await removeDir(dir);
    }
  });
});
