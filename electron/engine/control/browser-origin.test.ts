import { afterEach, describe, expect, it } from 'vitest';
import type { Capture, EngineEvent } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { errorCode, request } from '../testing/test-http.js';

/** product.md §1 v2: a web page in the user's browser must not be able to post callbacks to the listener. */
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

const cmd = 'callbackBeforeAddFriendCommand';
const bodyText = JSON.stringify({ callbackCommand: cmd, fromUserID: 'u1', toUserID: 'u2', reqMsg: '', ex: '' });

async function start(allowBrowserOrigins?: boolean): Promise<Engine> {
  engine = createEngine({
    dataDir: null,
    controlPort: 0,
    settings: { listener: { port: 0, ...(allowBrowserOrigins === undefined ? {} : { allowBrowserOrigins }) } },
  });
  await engine.start();
  return engine;
}

/** What a page's `fetch(…, { mode: 'no-cors', body })` sends: text/plain with the page's Origin. */
const fromPage = (e: Engine) =>
  request(e.listenerUrl(), `/callbackExample/${cmd}`, {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
    body: bodyText,
  });

/** Resolves with the next finished capture. */
const nextFinished = (e: Engine): Promise<Capture> =>
  new Promise((resolve) => {
    const stop = e.subscribe((event: EngineEvent) => {
      if (event.type !== 'capture.added' && event.type !== 'capture.updated') return;
      if (event.capture.state === 'held' || event.capture.response === null) return;
      stop();
      resolve(e.getCapture(event.capture.id) as Capture); // the event's capture is stored
    });
  });

describe('listener: requests from a browser', () => {
  it('refuses a request with an Origin header: 403 browser-origin, captured as failed', async () => {
    const e = await start();
    const reply = await fromPage(e);
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('browser-origin');
    const [capture] = e.allCaptures();
    expect(capture?.state).toBe('failed');
    expect(capture?.response?.status).toBe(403);
    expect(capture?.findings.map((f) => f.code)).toContain('browser-origin');
    expect(capture?.request.headers.origin).toBe('https://evil.example');
  });

  it('accepts it when listener.allowBrowserOrigins is set', async () => {
    const e = await start(true);
    const reply = await fromPage(e);
    expect(reply.status).toBe(200);
    expect(e.allCaptures()[0]?.state).toBe('answered');
  });

  it('keeps Send sample and Resend working from the UI (the page Origin is not forwarded)', async () => {
    const e = await start();
    const api = (body: unknown) =>
      request(e.controlUrl(), '/api/send', {
        method: 'POST',
        // The window's own origin, as the UI's fetch sends it.
        headers: { authorization: `Bearer ${e.token}`, origin: e.controlUrl(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const sample = nextFinished(e);
    expect((await api({ path: `/callbackExample/${cmd}`, bodyText })).status).toBe(202);
    expect((await sample).state).toBe('answered');
    expect((await sample).response?.status).toBe(200);
    // Resend of a capture that came from a browser: its headers carry an Origin, which is dropped.
    await fromPage(e);
    const refused = e.allCaptures().find((c) => c.state === 'failed');
    const resent = nextFinished(e);
    const headers = { ...refused?.request.headers };
    delete headers['content-length'];
    delete headers.host;
    delete headers.connection;
    expect((await api({ path: `/callbackExample/${cmd}`, headers, bodyText })).status).toBe(202);
    const again = await resent;
    expect(again.state).toBe('answered');
    expect(again.request.headers.origin).toBeUndefined();
  });
});
