// The shell's export/import calls against a real engine's control API (port 0, fresh token, in-memory data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCaptures, exportSession, importSession, setHoldMode } from './control-client.js';
import { createEngine, type Engine } from './engine/engine.js';

const SAMPLE = JSON.stringify({
  callbackCommand: 'callbackBeforeAddFriendCommand',
  fromUserID: 'user123',
  toUserID: 'user456',
  reqMsg: "Hi, let's be friends!",
  ex: '',
});
let engine: Engine;

beforeAll(async () => {
  engine = createEngine({ dataDir: null, uiDir: null, controlPort: 0, settings: { listener: { port: 0 } } });
  await engine.start();
  const res = await fetch(`${engine.listenerUrl().replace(/\/$/, '')}/callbackExample/callbackBeforeAddFriendCommand`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: SAMPLE,
  });
  expect(res.status).toBe(200);
});
afterAll(() => engine.stop());

describe('control client', () => {
  it('exports a JSON session with the bearer token', async () => {
    const session = JSON.parse(await exportSession(engine.controlUrl(), engine.token, 'json'));
    expect(session.format).toBe('callback-inspector-session');
    expect(session.captures).toHaveLength(1);
    expect(session.captures[0].command).toBe('callbackBeforeAddFriendCommand');
  });

  it('exports HAR and NDJSON', async () => {
    const har = JSON.parse(await exportSession(engine.controlUrl(), engine.token, 'har'));
    expect(har.log.entries).toHaveLength(1);
    const ndjson = await exportSession(engine.controlUrl(), engine.token, 'ndjson');
    expect(ndjson.trim().split('\n')).toHaveLength(1);
  });

  it('imports a session back; a capture still stored is not added twice', async () => {
    const text = await exportSession(engine.controlUrl(), engine.token, 'json');
    await expect(importSession(engine.controlUrl(), engine.token, text)).resolves.toEqual({
      imported: 0,
      skipped: 0,
      duplicates: 1,
    });
    const res = await fetch(`${engine.controlUrl()}/api/captures`, {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    expect((await res.json()).total).toBe(1);
  });

  it('turns API errors into readable messages', async () => {
    await expect(exportSession(engine.controlUrl(), 'wrong-token', 'json')).rejects.toThrow(
      /Export failed \(HTTP 401\)/,
    );
    await expect(importSession(engine.controlUrl(), engine.token, 'not json')).rejects.toThrow(
      /Import failed \(HTTP 400\)/,
    );
  });

  it('sets the hold mode and clears the captures as the menu does', async () => {
    const get = async (path: string) =>
      (await fetch(`${engine.controlUrl()}${path}`, { headers: { authorization: `Bearer ${engine.token}` } })).json();
    await setHoldMode(engine.controlUrl(), engine.token, 'all');
    expect((await get('/api/settings')).hold.mode).toBe('all');
    await setHoldMode(engine.controlUrl(), engine.token, 'off');
    expect((await get('/api/settings')).hold.mode).toBe('off');
    await clearCaptures(engine.controlUrl(), engine.token);
    expect((await get('/api/captures')).total).toBe(0);
    await expect(clearCaptures(engine.controlUrl(), 'wrong-token')).rejects.toThrow(/Clear failed \(HTTP 401\)/);
  });

  it('says when the engine cannot be reached', async () => {
    const gone = createEngine({ dataDir: null, uiDir: null, controlPort: 0, settings: { listener: { port: 0 } } });
    await gone.start();
    const url = gone.controlUrl();
    await gone.stop();
    await expect(exportSession(url, engine.token, 'json')).rejects.toThrow(/Export failed: connection refused/);
  });
});
