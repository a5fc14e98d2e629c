import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, HealthResponse } from '../../shared/contract/index.js';
import { createEngine, type Engine } from './engine.js';
import { post, removeDir, tempDir } from './testing/test-support.js';

let engine: Engine | null = null;
let dir: string | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

const start = async (settings: Parameters<typeof createEngine>[0]['settings'] = {}) => {
  dir = await tempDir();
  engine = createEngine({
    dataDir: dir,
    controlPort: 0,
    settings: { listener: { host: '127.0.0.1', port: 0 }, ...settings },
    version: '9.9.9',
  });
  await engine.start();
  return engine;
};

const nextEvent = (e: Engine, predicate: (event: EngineEvent) => boolean): Promise<EngineEvent> =>
  new Promise((resolve) => {
    const off = e.subscribe((event) => {
      if (!predicate(event)) return;
      off();
      resolve(event);
    });
  });

/** A port nobody listens on, then a blocker holding another port. */
async function occupiedPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, close: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

describe('createEngine', () => {
  it('serves the control API with the token and the listener, with URLs to match', async () => {
    const e = await start();
    expect(e.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(e.uiUrl()).toBe(`${e.controlUrl()}/?token=${e.token}`);
    const health = await fetch(`${e.controlUrl()}/api/health`, { headers: { authorization: `Bearer ${e.token}` } });
    expect(health.status).toBe(200);
    const body = (await health.json()) as HealthResponse;
    expect(body.version).toBe('9.9.9');
    expect(body.listener.url).toBe(e.listenerUrl());
    const denied = await fetch(`${e.controlUrl()}/api/health`);
    expect(denied.status).toBe(401);
    expect((await post(e.listenerUrl(), '/callbackExample/callbackAfterAddFriendCommand', '{}')).status).toBe(200);
  });

  it('starts even when the listener port is taken, and reports it', async () => {
    const blocker = await occupiedPort();
    try {
      const e = await start({ listener: { host: '127.0.0.1', port: blocker.port } });
      const status = e.listenerStatus();
      expect(status.state).toBe('error');
      expect(status.error).toMatch(/is in use by another program/);
    } finally {
      await blocker.close();
    }
  });

  it('re-binds on a listener change; a failed move keeps the old listener and settings', async () => {
    const e = await start();
    const oldUrl = e.listenerUrl();
    const blocker = await occupiedPort();
    try {
      const failed = nextEvent(e, (ev) => ev.type === 'listener.status');
      await e.updateSettings({ ...e.getSettings(), listener: { ...e.getSettings().listener, port: blocker.port } });
      const status = await failed;
      expect(status.type === 'listener.status' && status.status.error).toMatch(/is in use by another program/);
      expect(e.listenerStatus()).toMatchObject({ state: 'listening', url: oldUrl });
      expect(e.getSettings().listener.port).toBe(0);
      expect((await post(oldUrl, '/x', '{}')).status).toBe(200);
    } finally {
      await blocker.close();
    }
    const free = await occupiedPort();
    await free.close();
    await e.updateSettings({ ...e.getSettings(), listener: { ...e.getSettings().listener, port: free.port } });
    expect(e.listenerUrl()).toBe(`http://127.0.0.1:${free.port}`);
    expect((await post(e.listenerUrl(), '/y', '{}')).status).toBe(200);
    expect(e.getSettings().listener.port).toBe(free.port);
    expect(e.listenerStatus().error).toBeUndefined();
  });

  it('a request held on the old address is still answered after a re-bind', async () => {
    const e = await start({ hold: { mode: 'all' } });
    const oldUrl = e.listenerUrl();
    const held = nextEvent(e, (ev) => ev.type === 'capture.added');
    const reply = post(oldUrl, '/callbackExample/callbackBeforeAddFriendCommand', '{}');
    const event = await held;
    const free = await occupiedPort();
    await free.close();
    await e.updateSettings({ ...e.getSettings(), listener: { ...e.getSettings().listener, port: free.port } });
    expect(e.listenerUrl()).not.toBe(oldUrl);
    const id = event.type === 'capture.added' ? event.capture.id : '';
    expect(e.decide(id, { verdict: 'deny', code: 5009 }, 'api').ok).toBe(true);
    expect(JSON.parse((await reply).text)).toMatchObject({ errCode: 5009, nextCode: 1 });
  });

  it('send() posts to its own listener', async () => {
    const e = await start();
    const added = nextEvent(e, (ev) => ev.type === 'capture.added');
    e.resend({
      path: '/tc',
      query: { SdkAppid: '1400000000', CallbackCommand: 'Sns.CallbackFriendAdd' },
      bodyText: '{"CallbackCommand":"Sns.CallbackFriendAdd","PairList":[]}',
    });
    const event = await added;
    expect(event.type === 'capture.added' && event.capture).toMatchObject({
      dialect: 'tencent',
      command: 'Sns.CallbackFriendAdd',
      request: { path: '/tc' },
    });
  });

  it('rejects start() with invalid option settings, and stop() stays safe', async () => {
    dir = await tempDir();
    engine = createEngine({ dataDir: dir, controlPort: 0, settings: { hold: { mode: 'sometimes' as 'off' } } }); // invalid on purpose
    await expect(engine.start()).rejects.toThrow(/hold\.mode/);
    await engine.stop();
    await engine.stop();
  });
});
