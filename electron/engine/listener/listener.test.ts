import { Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleRequest, sampleCommands, tencentSign } from '../../../shared/protocol/index.js';
import { captureByPath, post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine;
afterEach(async () => engine?.stop());

const openimBody = (command: string) =>
  `${JSON.stringify({ callbackCommand: command, fromUserID: 'u1', toUserID: 'u2', reqMsg: 'hi', ex: '' })}\n`;

describe('listener: URL forms of both dialects', () => {
  it('recognises and answers every sample command as its server sends it', async () => {
    engine = await startTestEngine();
    const samples = sampleCommands();
    expect(samples.length).toBeGreaterThanOrEqual(10);
    for (const info of samples) {
      const sample = buildSampleRequest(info, { nowMs: Date.now() });
      const reply = await post(engine.url, sample.target, sample.bodyText, { headers: sample.headers });
      expect(reply.status, info.name).toBe(200);
      const answer = JSON.parse(reply.text) as Record<string, unknown>;
      if (info.dialect === 'openim') expect(answer).toMatchObject({ actionCode: 0, errCode: 0, nextCode: 0 });
      else expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    }
    const captures = engine.core.allCaptures();
    expect(captures.map((c) => [c.dialect, c.command, c.state])).toEqual(
      samples.map((info) => [info.dialect, info.name, 'answered']),
    );
    for (const c of captures) {
      expect(c.identifiedBy).toBe(c.dialect === 'tencent' ? 'tencent-query' : 'path');
      expect(c.decidedBy).toBe('default');
      expect(c.response?.status).toBe(200);
      expect(c.latencyMs).toBeGreaterThanOrEqual(0);
      expect(c.outcome).not.toBeNull();
    }
  });

  it('answers Tencent Prev* with one ResultItem per target', async () => {
    engine = await startTestEngine();
    const info = sampleCommands().find((c) => c.name === 'Sns.CallbackPrevFriendAdd');
    if (!info) throw new Error('catalogue lacks Sns.CallbackPrevFriendAdd');
    const sample = buildSampleRequest(info, { nowMs: Date.now() });
    const reply = await post(engine.url, sample.target, sample.bodyText);
    const answer = JSON.parse(reply.text) as { ResultItem: { To_Account: string; ResultCode: number }[] };
    const body = JSON.parse(sample.bodyText) as { FriendItem: { To_Account: string }[] };
    expect(answer.ResultItem.map((i) => i.To_Account)).toEqual(body.FriendItem.map((i) => i.To_Account));
    expect(answer.ResultItem.every((i) => i.ResultCode === 0)).toBe(true);
  });

  it('identifies legacy OpenIM query forms, a body-only command and a signed Tencent call', async () => {
    engine = await startTestEngine({ settings: { tencent: { sdkAppId: 1400000000, token: 'xxxxyyyy' } } });
    const cmd = 'callbackBeforeAddFriendCommand';
    await post(engine.url, `/v34?command=${cmd}`, openimBody(cmd));
    await post(engine.url, `/v23?callbackCommand=${cmd}`, openimBody(cmd));
    await post(engine.url, '/bodyonly', openimBody(cmd));
    const time = String(Math.floor(Date.now() / 1000));
    const tencentTarget = `/tc?SdkAppid=1400000000&CallbackCommand=Sns.CallbackFriendDelete&contenttype=json&ClientIP=1.2.3.4&OptPlatform=iOS&Sign=${tencentSign('xxxxyyyy', time)}&RequestTime=${time}`;
    const tencentBody = JSON.stringify({
      CallbackCommand: 'Sns.CallbackFriendDelete',
      PairList: [{ From_Account: 'a', To_Account: 'b' }],
    });
    await post(engine.url, tencentTarget, tencentBody);
    const byPath = (p: string) => captureByPath(engine.core, p);
    expect(byPath('/v34')).toMatchObject({ dialect: 'openim', command: cmd, identifiedBy: 'legacy-query' });
    expect(byPath('/v23')).toMatchObject({ dialect: 'openim', command: cmd, identifiedBy: 'legacy-query' });
    expect(byPath('/bodyonly')).toMatchObject({ dialect: 'openim', command: cmd, identifiedBy: 'body' });
    const tc = byPath('/tc');
    expect(tc).toMatchObject({ dialect: 'tencent', command: 'Sns.CallbackFriendDelete', phase: 'after' });
    expect(tc?.findings.map((f) => f.code)).toContain('sign-valid');
    expect(tc?.findings.some((f) => f.code === 'sign-mismatch' || f.code === 'sdkappid-mismatch')).toBe(false);
  });

  it('captures an unknown command, answers a neutral allow and flags it', async () => {
    engine = await startTestEngine();
    const reply = await post(engine.url, '/callbackExample/callbackMadeUpThingCommand', '{"x":1}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ actionCode: 0, nextCode: 0 });
    const c = captureByPath(engine.core, '/callbackExample/callbackMadeUpThingCommand');
    expect(c?.command).toBe('callbackMadeUpThingCommand');
    expect(c?.findings.map((f) => f.code)).toContain('unknown-command');
  });
});

describe('listener: bad input', () => {
  it('answers non-JSON with 400 and captures the parse error', async () => {
    engine = await startTestEngine();
    const reply = await post(engine.url, '/callbackExample/callbackBeforeAddFriendCommand', '{not json');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'invalid-json' } });
    const c = captureByPath(engine.core, '/callbackExample/callbackBeforeAddFriendCommand');
    expect(c).toMatchObject({ state: 'failed', command: 'callbackBeforeAddFriendCommand' });
    expect(c?.request.parseError).toBeTruthy();
    // Said once, in words (issue 14: it was reported three times).
    expect(c?.findings).toEqual([
      { level: 'error', code: 'body-not-json', message: `The body is not JSON: ${c?.request.parseError}` },
    ]);
    expect(c?.request.bodyText).toBe('{not json');
    expect(c?.response?.status).toBe(400);
  });

  it('answers a body over the limit with 413 and captures it cut', async () => {
    engine = await startTestEngine({ settings: { capture: { maxBodyBytes: 2048 } } });
    const big = JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', reqMsg: 'x'.repeat(10_000) });
    const reply = await post(engine.url, '/big', big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'body-too-large' } });
    const c = captureByPath(engine.core, '/big');
    expect(c).toMatchObject({ state: 'failed', request: { truncated: true } });
    expect(c?.request.bodyText.length).toBe(2048);
    expect((await post(engine.url, '/after', '{}')).status).toBe(200);
  });

  it('answers non-POST with 405 (captured) and GET / with a status document (not captured)', async () => {
    engine = await startTestEngine();
    const put = await post(engine.url, '/callbackExample', '{}', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    expect(JSON.parse(put.text)).toMatchObject({ error: { code: 'method-not-allowed' } });
    const status = await post(engine.url, '/', '', { method: 'GET' });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.text)).toMatchObject({ name: 'Callback Inspector' });
    expect(engine.core.allCaptures().map((c) => [c.request.method, c.state, c.response?.status])).toEqual([
      ['PUT', 'failed', 405],
    ]);
  });

  it('keeps answering 200 garbage bodies on one keep-alive connection, one answer each', async () => {
    engine = await startTestEngine();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i += 1) {
      const len = random() % 300;
      let body = '';
      for (let j = 0; j < len; j += 1) body += String.fromCharCode(random() % 0x3000);
      if (i % 5 === 0) body = JSON.stringify([i, { nested: [null, body] }]);
      const reply = await post(engine.url, `/garbage/${i}?q=${random()}`, body, { agent });
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    }
    agent.destroy();
    const captures = engine.core.allCaptures();
    expect(captures).toHaveLength(200);
    expect(new Set(captures.map((c) => c.request.path)).size).toBe(200);
    expect(captures.every((c) => c.response !== null && c.state !== 'held')).toBe(true);
    expect([...statuses.keys()].sort()).toEqual([200, 400]);
  });

  it('reuses keep-alive connections', async () => {
    engine = await startTestEngine();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    agent.on('free', (socket) => sockets.add(socket));
    for (let i = 0; i < 5; i += 1)
      await post(engine.url, '/callbackExample/callbackAfterAddFriendCommand', '{}', { agent });
    agent.destroy();
    expect(sockets.size).toBe(1);
  });
});
