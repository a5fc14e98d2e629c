import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Capture, type EngineEvent, RuleSchema } from '../../../shared/contract/index.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

/**
 * Issue 12 items 3 and 4 over real HTTP: the capture records the bytes really sent, and the outcome is predicted
 * from them and from when they left, also when the client (the IM server) has already gone away.
 */

let engine: TestEngine;
afterEach(async () => engine?.stop());

const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const body = JSON.stringify({
  callbackCommand: 'callbackBeforeAddFriendCommand',
  fromUserID: 'a',
  toUserID: 'b',
  reqMsg: '',
  ex: '',
});
const PREV = '/?SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json';
const prevBody = JSON.stringify({
  CallbackCommand: 'Sns.CallbackPrevFriendAdd',
  From_Account: 'a',
  FriendItem: [{ To_Account: 'b' }],
});
const DENY = '{"actionCode":0,"errCode":5001,"errMsg":"no","errDlt":"","nextCode":1}';

const finished = (e: EngineEvent): e is EngineEvent & { type: 'capture.updated' | 'capture.added' } =>
  (e.type === 'capture.updated' || e.type === 'capture.added') &&
  e.capture.state !== 'held' &&
  e.capture.outcome !== null;

const answerRule = (raw: { status: number; bodyText: string }) => [
  RuleSchema.parse({ id: 'raw', action: { type: 'answer', decision: { verdict: 'allow', raw } } }),
];

/** Sends a request on a raw socket and returns every byte received until `until` matches (then closes). */
function rawExchange(url: string, path: string, payload: string, until: RegExp): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
      );
    });
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (until.test(received)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('error', reject);
  });
}

async function finalCapture(): Promise<Capture> {
  const event = await engine.waitForEvent(finished);
  const capture = engine.core.getCapture(event.capture.id);
  if (!capture) throw new Error('capture not stored');
  return capture;
}

describe('bytes on the wire (item 3)', () => {
  for (const status of [204, 304]) {
    it(`HTTP ${status}: Node sends no body, the capture records none, OpenIM reads an empty body → 90007`, async () => {
      engine = await startTestEngine({ rules: answerRule({ status, bodyText: DENY }) });
      const wire = await rawExchange(engine.url, ADD, body, /\r\n\r\n/);
      expect(wire).not.toContain('actionCode');
      const capture = await finalCapture();
      expect(capture.response).toMatchObject({ status, bodyText: '' });
      expect(capture.outcome).toMatchObject({ effect: 'fails', code: 90007, message: 'DataError' });
    });
  }

  it('HTTP 100: an interim response, the Go client waits for its timeout → 90004 (v3.7+)', async () => {
    engine = await startTestEngine({ rules: answerRule({ status: 100, bodyText: DENY }) });
    const wire = await rawExchange(engine.url, ADD, body, /\r\n\r\n/);
    expect(wire).toMatch(/^HTTP\/1\.1 100 /);
    expect(wire).not.toContain('actionCode');
    const capture = await finalCapture();
    expect(capture.response).toMatchObject({ status: 100, bodyText: '' });
    expect(capture.outcome).toMatchObject({ effect: 'fails', code: 90004, message: 'NetworkError' });
  });

  it('a normal answer is recorded and predicted as sent', async () => {
    engine = await startTestEngine({ rules: answerRule({ status: 500, bodyText: DENY }) });
    const reply = await post(engine.url, ADD, body);
    expect(reply.text).toBe(DENY);
    const capture = await finalCapture();
    expect(capture.response?.bodyText).toBe(DENY);
    expect(capture.outcome).toMatchObject({ effect: 'blocked', code: 5001 });
  });
});

describe('lateness (item 4)', () => {
  const quick = { openimTimeoutMs: 600, tencentTimeoutMs: 600, marginMs: 100 };

  it('a delayed answer that leaves after the OpenIM timeout is predicted as 90004', async () => {
    engine = await startTestEngine({
      settings: { hold: quick },
      rules: [
        RuleSchema.parse({ id: 'slow', action: { type: 'answer', decision: { verdict: 'deny', delayMs: 700 } } }),
      ],
    });
    await post(engine.url, ADD, body);
    const capture = await finalCapture();
    expect(capture.state).toBe('answered');
    expect(capture.outcome).toMatchObject({ effect: 'fails', code: 90004 });
    // Checks say it too, in the stored capture (CLI, export, the row's check mark), not only the outcome sentence.
    const late = capture.findings.find((f) => f.code === 'answer-late');
    expect(late).toMatchObject({ level: 'error', message: expect.stringMatching(/gives up after 600 ms/) });
  });

  it('an answer in time carries no lateness finding', async () => {
    engine = await startTestEngine({
      settings: { hold: quick },
      rules: [RuleSchema.parse({ id: 'q', action: { type: 'answer', decision: { verdict: 'deny', delayMs: 100 } } })],
    });
    await post(engine.url, ADD, body);
    const capture = await finalCapture();
    expect(capture.outcome).toMatchObject({ effect: 'blocked' });
    expect(capture.findings.map((f) => f.code)).not.toContain('answer-late');
  });

  it('the client went away during the delay: still failed, now with the timeout outcome', async () => {
    engine = await startTestEngine({
      settings: { hold: quick },
      rules: [
        RuleSchema.parse({ id: 'slow', action: { type: 'answer', decision: { verdict: 'deny', delayMs: 5000 } } }),
      ],
    });
    const client = new AbortController();
    const reply = post(engine.url, ADD, body, { signal: client.signal }).catch(() => null);
    await engine.waitForEvent((e): e is EngineEvent => e.type === 'capture.added' && e.capture.state === 'answered');
    client.abort();
    await reply;
    const capture = await finalCapture();
    expect(capture.state).toBe('failed');
    expect(capture.findings.map((f) => f.code)).toContain('client-gave-up');
    expect(capture.outcome).toMatchObject({ effect: 'fails', code: 90004 });
    expect(capture.outcome?.explanation).toMatch(/came after the 0\.6 s timeout/);
  });

  it('a held request whose client gave up: Tencent timeout outcome by policy (fixed 2 s)', async () => {
    engine = await startTestEngine({
      settings: { hold: { mode: 'all', tencentTimeoutMs: 10_000 }, profiles: { tencent: 'fail-closed' } },
    });
    const client = new AbortController();
    const reply = post(engine.url, PREV, prevBody, { signal: client.signal }).catch(() => null);
    await engine.nextHeldId();
    client.abort();
    await reply;
    const capture = await finalCapture();
    expect(capture.state).toBe('failed');
    expect(capture.outcome?.effect).toBe('fails');
    expect(capture.outcome?.explanation).toMatch(/fail-closed/);
    // The hold timeout is longer than Tencent waits: flagged on the capture.
    expect(capture.findings.map((f) => f.code)).toContain('tencent-timeout-setting');
  });
});

describe('Tencent answers (item 6)', () => {
  it('a deny with ResultCode 0 is flagged on the capture (Tencent reads 0 as allow)', async () => {
    engine = await startTestEngine({
      rules: [RuleSchema.parse({ id: 'zero', action: { type: 'answer', decision: { verdict: 'deny', code: 0 } } })],
    });
    const reply = await post(engine.url, PREV, prevBody);
    expect(JSON.parse(reply.text).ResultItem).toEqual([
      { To_Account: 'b', ResultCode: 0, ResultInfo: expect.any(String) },
    ]);
    const capture = await finalCapture();
    expect(capture.findings.map((f) => f.code)).toContain('deny-code-zero');
    expect(capture.outcome?.effect).toBe('proceeds');
  });

  it('an after-callback deny is sent as ErrorCode 1, whatever the deny code', async () => {
    engine = await startTestEngine({
      rules: [RuleSchema.parse({ id: 'no', action: { type: 'answer', decision: { verdict: 'deny', code: 38001 } } })],
    });
    const path = '/?SdkAppid=1400000000&CallbackCommand=Sns.CallbackFriendDelete&contenttype=json';
    const reply = await post(
      engine.url,
      path,
      JSON.stringify({ CallbackCommand: 'Sns.CallbackFriendDelete', PairList: [] }),
    );
    expect(JSON.parse(reply.text)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 1 });
  });
});
