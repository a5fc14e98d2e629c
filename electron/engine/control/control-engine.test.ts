import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import {
  type Capture,
  type CaptureListResponse,
  captureNumber,
  type EngineEvent,
} from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { HarSchema } from '../store/har-schema.js';
import { errorCode, request } from '../testing/test-http.js';

/** Integration: the control API in front of the real engine core (createEngine), all on port 0. */
interface Running {
  engine: Engine;
  dir: string;
  api(method: string, path: string, body?: unknown): ReturnType<typeof request>;
}

async function startEngine(hold: 'off' | 'before' = 'off'): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'ci-ctl-'));
  const engine = createEngine({
    dataDir: dir,
    controlPort: 0,
    settings: { listener: { port: 0 }, hold: { mode: hold } },
    version: '0.0.1-test',
  });
  await engine.start();
  return {
    engine,
    dir,
    api: (method, path, body) =>
      request(engine.controlUrl(), path, {
        method,
        headers: { authorization: `Bearer ${engine.token}` },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

const callback = (r: Running, fromUserID: string) =>
  fetch(`${r.engine.listenerUrl()}/callbackExample/callbackBeforeAddFriendCommand`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      callbackCommand: 'callbackBeforeAddFriendCommand',
      fromUserID,
      toUserID: 'u2',
      reqMsg: '',
      ex: '',
    }),
  });

const list = async (r: Running): Promise<CaptureListResponse> =>
  (await r.api('GET', '/api/captures')).json as CaptureListResponse; // the route's documented body

describe('control API with the real engine', () => {
  const running: Running[] = [];
  const start = async (hold?: 'off' | 'before') => {
    const r = await startEngine(hold);
    running.push(r);
    return r;
  };
  beforeEach(() => {
    running.length = 0;
  });
  afterEach(async () => {
    for (const r of running) {
      await r.engine.stop();
      rmSync(r.dir, { recursive: true, force: true });
    }
  });

  it('streams capture events for real callbacks, batched, and decides held ones', async () => {
    const r = await start('before');
    const ws = new WebSocket(`${r.engine.controlUrl().replace('http:', 'ws:')}/api/events?token=${r.engine.token}`);
    const events: EngineEvent[] = [];
    ws.on('message', (data) => events.push(...(JSON.parse(String(data)) as EngineEvent[]))); // server sends arrays
    await new Promise((resolve) => ws.once('open', resolve));
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('settings.changed'));

    const answer = callback(r, 'alice');
    const held = await vi.waitFor(() => {
      const e = events.find((x) => x.type === 'capture.added' && x.capture.state === 'held');
      if (!e || !('capture' in e)) throw new Error('not held yet');
      return e.capture;
    });
    const decided = await r.api('POST', `/api/captures/${held.id}/decision`, { verdict: 'deny', code: 5001 });
    expect(decided.status).toBe(200);
    expect(await (await answer).json()).toMatchObject({ nextCode: 1, errCode: 5001 });
    await vi.waitFor(() =>
      expect(
        events.some((e) => e.type === 'capture.updated' && e.capture.id === held.id && e.capture.state === 'answered'),
      ).toBe(true),
    );
    expect((await r.api('POST', `/api/captures/${held.id}/decision`, { verdict: 'allow' })).status).toBe(409);
    ws.close();
  });

  it('a decision rewrites only the answer fields the held command has (400 listing them otherwise)', async () => {
    const r = await start('before');
    const answer = callback(r, 'bob');
    const held = await vi.waitFor(async () => {
      const c = (await list(r)).items.find((x) => x.state === 'held');
      if (!c) throw new Error('not held yet');
      return c;
    });
    const wrong = await r.api('POST', `/api/captures/${held.id}/decision`, {
      verdict: 'allow',
      rewrite: { remark: 'x' },
    });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong)).toBe('invalid-decision');
    expect(JSON.stringify(wrong.json)).toContain('rewrite.remark');
    expect(JSON.stringify(wrong.json)).toContain('callbackBeforeAddFriendCommand');
    // Still held: a good decision answers it.
    expect((await r.api('POST', `/api/captures/${held.id}/decision`, { verdict: 'allow' })).status).toBe(200);
    expect(await (await answer).json()).toMatchObject({ nextCode: 0 });
  });

  it('POST /api/send makes the engine call its own listener', async () => {
    const r = await start();
    const res = await r.api('POST', '/api/send', {
      path: '/callbackExample/callbackBeforeAddFriendCommand',
      bodyText: JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'a', toUserID: 'b' }),
    });
    expect(res.status).toBe(202);
    await vi.waitFor(async () => expect((await list(r)).total).toBe(1));
    const [item] = (await list(r)).items;
    expect(item).toMatchObject({ command: 'callbackBeforeAddFriendCommand', state: 'answered' });
    const full = await r.api('GET', `/api/captures/${item?.id}`);
    expect((full.json as Capture).request.body).toMatchObject({ fromUserID: 'a' }); // full Capture body
  });

  it('POST /api/send says so (409 listener-down, in words) when the listener is not running', async () => {
    const a = await start();
    const port = Number(new URL(a.engine.listenerUrl()).port);
    const dir = mkdtempSync(join(tmpdir(), 'ci-ctl-'));
    const engine = createEngine({ dataDir: dir, controlPort: 0, settings: { listener: { port } }, version: '0' });
    await engine.start();
    running.push({ engine, dir, api: () => Promise.reject(new Error('unused')) });
    expect(engine.listenerStatus()).toMatchObject({
      state: 'error',
      error: `port ${port} is in use by another program`,
    });
    const res = await request(engine.controlUrl(), '/api/send', {
      method: 'POST',
      headers: { authorization: `Bearer ${engine.token}` },
      body: JSON.stringify({ path: '/x/callbackAfterAddFriendCommand', bodyText: '{}' }),
    });
    expect(res.status).toBe(409);
    expect(errorCode(res)).toBe('listener-down');
    expect(res.json).toMatchObject({ error: { message: expect.stringContaining(`port ${port} is in use`) } });
  });

  it('exports JSON, HAR and NDJSON and imports them into another engine', async () => {
    const a = await start();
    const b = await start();
    for (const user of ['u1', 'u2', 'u3']) expect((await callback(a, user)).status).toBe(200);
    const original = (await list(a)).items;
    expect(original).toHaveLength(3);

    const har = await a.api('GET', '/api/export?format=har');
    expect(HarSchema.safeParse(har.json).success).toBe(true);
    const json = await a.api('GET', '/api/export?format=json');
    const ndjson = await a.api('GET', '/api/export?format=ndjson');
    expect(ndjson.text.trimEnd().split('\n')).toHaveLength(3);

    for (const file of [json.text, har.text, ndjson.text]) {
      expect((await b.api('DELETE', '/api/captures')).status).toBe(200);
      const imported = await b.api('POST', '/api/import', file);
      expect(imported.json).toEqual({ imported: 3, skipped: 0, duplicates: 0 });
      const items = (await list(b)).items;
      const pick = (c: (typeof items)[number]) => [
        c.command,
        c.dialect,
        c.decidedBy,
        c.state,
        c.outcome?.effect,
        c.summary.parties,
      ];
      expect(items.map(pick)).toEqual(original.map(pick));
      expect(items.every((c) => c.imported)).toBe(true);
      // Each keeps its number although b gives it its own seq (b's count goes on after each Clear): issue 23.
      expect(items.map(captureNumber)).toEqual(original.map(captureNumber));
    }
    expect(errorCode(await b.api('POST', '/api/import', '{"nope":1}'))).toBe('unsupported-import');
  });

  it('importing the same session twice, in any format, adds each capture once', async () => {
    const a = await start();
    const b = await start();
    for (const user of ['u1', 'u2']) expect((await callback(a, user)).status).toBe(200);
    for (const format of ['json', 'har', 'ndjson']) {
      const file = (await a.api('GET', `/api/export?format=${format}`)).text;
      expect((await b.api('DELETE', '/api/captures')).status).toBe(200);
      expect((await b.api('POST', '/api/import', file)).json).toEqual({ imported: 2, skipped: 0, duplicates: 0 });
      expect((await b.api('POST', '/api/import', file)).json).toEqual({ imported: 0, skipped: 0, duplicates: 2 });
      expect((await list(b)).total).toBe(2);
    }
    // Back into the engine that still holds the originals: nothing new.
    const own = (await a.api('GET', '/api/export?format=json')).text;
    expect((await a.api('POST', '/api/import', own)).json).toEqual({ imported: 0, skipped: 0, duplicates: 2 });
    // A HAR from another tool has no ids: the same entries get the same content-derived ids.
    const foreign = JSON.parse((await a.api('GET', '/api/export?format=har')).text) as {
      log: { entries: Record<string, unknown>[] };
    }; // HAR export shape, checked in the test above
    for (const entry of foreign.log.entries) delete entry._callbackInspector;
    const text = JSON.stringify(foreign);
    expect((await b.api('POST', '/api/import', text)).json).toMatchObject({ imported: 2, duplicates: 0 });
    expect((await b.api('POST', '/api/import', text)).json).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it('PATCH /api/settings applies and PUT /api/rules applies at once', async () => {
    const r = await start();
    const patched = await r.api('PATCH', '/api/settings', { listener: { port: 0 }, hold: { marginMs: 200 } });
    expect(patched.status).toBe(200);
    expect(r.engine.getSettings().hold.marginMs).toBe(200);
    expect(r.engine.listenerStatus().state).toBe('listening');
    const refused = await r.api('PATCH', '/api/settings', { listener: { port: 70_000 } });
    expect(errorCode(refused)).toBe('invalid-settings');
    expect(r.engine.listenerStatus().state).toBe('listening');

    const put = await r.api('PUT', '/api/rules', [
      {
        id: 'no-bob',
        match: { where: [{ path: 'fromUserID', op: 'equals', value: 'bob' }] },
        action: { type: 'answer', decision: { verdict: 'deny', code: 5005 } },
      },
    ]);
    expect(put.status).toBe(200);
    expect(await (await callback(r, 'bob')).json()).toMatchObject({ errCode: 5005 });
    const rules = await r.api('GET', '/api/rules');
    expect(rules.json).toMatchObject([{ id: 'no-bob', hits: 1 }]);
    const bad = await r.api('PUT', '/api/rules', [
      { id: 'x', match: { where: [{ path: 'a', op: 'matches', value: '(' }] }, action: { type: 'hold' } },
    ]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('[0].match.where[0].value');
  });
});
