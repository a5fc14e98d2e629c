import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Capture, ReplayReport } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { errorCode, request } from '../testing/test-http.js';

/** Integration: POST /api/send v2 and POST /api/replay through the control API of a real engine. */
let engine: Engine | null = null;
let dir: string | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  await backend?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  engine = null;
  backend = null;
  dir = null;
});

async function start(): Promise<Engine> {
  dir = mkdtempSync(join(tmpdir(), 'ci-send-'));
  engine = createEngine({ dataDir: dir, controlPort: 0, settings: { listener: { port: 0 } }, version: 't' });
  await engine.start();
  return engine;
}

const api = (e: Engine, method: string, path: string, body?: unknown) =>
  request(e.controlUrl(), path, {
    method,
    headers: { authorization: `Bearer ${e.token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const addFriend = {
  callbackCommand: 'callbackBeforeAddFriendCommand',
  fromUserID: 'u1',
  toUserID: 'u2',
  reqMsg: 'hi',
  ex: '',
};

describe('POST /api/send with "to"', () => {
  it('plays the server, answers the stored capture and keeps it (origin: sent)', async () => {
    const e = await start();
    backend = await startFakeBackend(() => ({
      body: { actionCode: 0, errCode: 5001, errMsg: 'nope', errDlt: '', nextCode: 1 },
    }));
    const res = await api(e, 'POST', '/api/send', {
      to: `${backend.url}/cb`,
      dialect: 'openim',
      command: addFriend.callbackCommand,
      body: addFriend,
    });
    expect(res.status).toBe(200);
    const capture = res.json as Capture;
    expect(capture).toMatchObject({ origin: 'sent', state: 'answered', outcome: { effect: 'blocked', code: 5001 } });
    expect(capture.id).not.toBe('');
    const stored = await api(e, 'GET', `/api/captures/${capture.id}`);
    expect(stored.json).toMatchObject({
      origin: 'sent',
      upstream: { status: 200, url: `${backend.url}/cb/${addFriend.callbackCommand}` },
    });
    const list = await api(e, 'GET', '/api/captures');
    expect((list.json as { items: Capture[] }).items[0]).toMatchObject({ id: capture.id, origin: 'sent' });
  });

  it('answers 400 with details for bad input, and keeps the v1 form working', async () => {
    const e = await start();
    const noUrl = await api(e, 'POST', '/api/send', { to: 'ftp://x', command: 'c', body: {} });
    expect(noUrl.status).toBe(400);
    expect(errorCode(noUrl)).toBe('invalid-request');
    const wrongProfile = await api(e, 'POST', '/api/send', {
      to: 'http://127.0.0.1:9',
      command: 'Sns.CallbackFriendAdd',
      body: {},
      profile: 'v3.7+',
    });
    expect(wrongProfile.status).toBe(400);
    expect(wrongProfile.text).toMatch(/not a Tencent policy/);
    const v1 = await api(e, 'POST', '/api/send', { path: '/callbackExample/x', bodyText: '{}' });
    expect(v1.status).toBe(202);
  });

  it('refuses an unknown command with 400 naming the closest known one, and sends nothing', async () => {
    const e = await start();
    let hits = 0;
    backend = await startFakeBackend(() => {
      hits += 1;
      return { body: { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 } };
    });
    const typo = await api(e, 'POST', '/api/send', {
      to: `${backend.url}/cb`,
      command: 'callbackBeforAddFriendCommand',
      body: { ...addFriend, callbackCommand: 'callbackBeforAddFriendCommand' },
    });
    expect(typo.status).toBe(400);
    expect(errorCode(typo)).toBe('unknown-command');
    expect(typo.json).toMatchObject({
      error: {
        message:
          'Unknown command "callbackBeforAddFriendCommand"; the closest known command is callbackBeforeAddFriendCommand.',
      },
    });
    const tencent = await api(e, 'POST', '/api/send', {
      to: backend.url,
      command: 'C2C.CallbackBeforeSendMessage',
      body: {},
    });
    expect(tencent.status).toBe(400);
    expect(tencent.text).toContain('the closest known command is C2C.CallbackBeforeSendMsg');
    const otherDialect = await api(e, 'POST', '/api/send', {
      to: backend.url,
      dialect: 'tencent',
      command: addFriend.callbackCommand,
      body: addFriend,
    });
    expect(otherDialect.status).toBe(400);
    expect(otherDialect.text).toContain('is an OpenIM command, not a Tencent one');
    expect(hits).toBe(0);
    expect((await api(e, 'GET', '/api/captures')).json).toMatchObject({ items: [] });
  });
});

describe('POST /api/replay', () => {
  it('replays the imported captures and reports the changes', async () => {
    const e = await start();
    backend = await startFakeBackend(() => ({
      body: { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 },
    }));
    // Record one callback answered with a deny, export it, clear and import it back (a capture already stored is a
    // duplicate, not imported again).
    await api(e, 'PUT', '/api/rules', [
      { id: 'd', match: { command: '*' }, action: { type: 'answer', decision: { verdict: 'deny' } } },
    ]);
    await fetch(`${e.listenerUrl()}/callbackExample/${addFriend.callbackCommand}`, {
      method: 'POST',
      body: JSON.stringify(addFriend),
    });
    const exported = await api(e, 'GET', '/api/export?format=har');
    await api(e, 'DELETE', '/api/captures');
    await request(e.controlUrl(), '/api/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${e.token}` },
      body: exported.text,
    });
    const res = await api(e, 'POST', '/api/replay', { to: backend.url });
    expect(res.status).toBe(200);
    const report = res.json as ReplayReport;
    expect(report.summary).toMatchObject({ total: 1, outcomeChanged: 1 });
    expect(report.items[0]).toMatchObject({ verdict: 'outcome-changed', reason: 'blocked 5001 → proceeds' });
    const sent = await api(e, 'GET', `/api/captures/${report.items[0]?.sentId}`);
    expect(sent.json).toMatchObject({ origin: 'sent', outcome: { effect: 'proceeds' } });
    const unknown = await api(e, 'POST', '/api/replay', { to: backend.url, ids: ['nope'] });
    expect(unknown.status).toBe(400);
  });
});
