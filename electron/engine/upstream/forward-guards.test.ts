// product.md §4 v3 "nothing escapes": the probe forwarded a body `callbackCommand` of `..` to the backend's parent path,
// looped 114 635 captures in 60 s with upstream set to the engine's own listener, replayed a crafted session as
// `POST /api/admin/dropAll` with the recorded `Authorization: Bearer stolen`, and queued 232 of 1 000 concurrent
// Tencent forwards past their 2 s deadline behind a 256-socket pool.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange } from '../outbound/http-exchange.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { makeCapture } from '../testing/test-double-engine.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await backend?.close();
  backend = null;
});

const ALLOW = { errCode: 0, errMsg: '', actionCode: 0, nextCode: 0 };

describe('forwarding guards', () => {
  it('a command that is not a name is answered and captured with bad-command, never forwarded', async () => {
    backend = await startFakeBackend(() => ({ body: ALLOW }));
    engine = await startTestEngine({ settings: { upstream: { url: `${backend.url}/app/cb` } } });
    for (const command of ['..', '../../admin', 'a/b', '%2e%2e']) {
      const reply = await post(engine.url, '/', JSON.stringify({ callbackCommand: command, fromUserID: 'a' }));
      expect(reply.status, command).toBe(200);
    }
    // A real command still goes through.
    await post(engine.url, '/cb/callbackBeforeAddFriendCommand', JSON.stringify({ fromUserID: 'a', toUserID: 'b' }));
    expect(backend.requests.map((r) => r.url)).toEqual(['/app/cb/callbackBeforeAddFriendCommand']);
    const captures = engine.core.allCaptures();
    expect(captures).toHaveLength(5);
    for (const capture of captures.slice(0, 4)) {
      expect(capture.findings.map((f) => f.code)).toContain('bad-command');
      expect(capture.state).toBe('answered');
      expect(capture.upstream ?? null).toBeNull();
    }
  });

  it('an upstream URL that is the engine itself (any local name) is refused with upstream-loop; another port is fine', async () => {
    engine = await startTestEngine();
    const port = new URL(engine.url).port;
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '127.0.0.2']) {
      const settings = engine.core.getSettings();
      await engine.core.updateSettings({
        ...settings,
        upstream: { ...settings.upstream, url: `http://${host}:${port}/cb` },
      });
      const reply = await post(engine.url, '/cb/callbackBeforeAddFriendCommand', JSON.stringify({ fromUserID: host }));
      expect(reply.status, host).toBe(200);
    }
    const captures = engine.core.allCaptures();
    // One capture per callback: nothing came back in through the listener.
    expect(captures).toHaveLength(5);
    for (const capture of captures) expect(capture.findings.map((f) => f.code)).toContain('upstream-loop');
    backend = await startFakeBackend(() => ({ body: ALLOW }));
    const settings = engine.core.getSettings();
    await engine.core.updateSettings({ ...settings, upstream: { ...settings.upstream, url: `${backend.url}/cb` } });
    await post(engine.url, '/cb/callbackBeforeAddFriendCommand', JSON.stringify({ fromUserID: 'z' }));
    expect(backend.requests).toHaveLength(1);
  });

  it('replay sends only the protocol headers and skips a command that is not a name', async () => {
    backend = await startFakeBackend(() => ({ body: ALLOW }));
    engine = await startTestEngine();
    const headers = {
      host: 'victim.example',
      'content-type': 'application/json; charset=utf-8',
      Operationid: 'op-1',
      authorization: 'Bearer stolen',
      cookie: 'session=stolen',
      'x-admin': 'yes',
    };
    const base = makeCapture();
    engine.core.importCaptures([
      makeCapture({ request: { ...base.request, headers } }),
      makeCapture({
        command: '../api/admin/dropAll',
        request: { ...base.request, url: '/cb/../api/admin/dropAll', headers },
      }),
    ]);
    const report = await engine.core.replay({ to: `${backend.url}/cb` });
    if (!report.ok) throw new Error(report.message);
    expect(report.value.items.map((i) => i.verdict)).toEqual([expect.not.stringMatching('skipped'), 'skipped']);
    expect(report.value.items[1]?.reason).toMatch(/bad-command/);
    expect(backend.requests).toHaveLength(1);
    const sent = backend.requests[0];
    expect(sent?.url).toBe('/cb/callbackBeforeAddFriendCommand');
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.headers.cookie).toBeUndefined();
    expect(sent?.headers['x-admin']).toBeUndefined();
    expect(sent?.headers.host).not.toBe('victim.example');
    expect(sent?.sentHeaders.Operationid).toBe('op-1');
  });
});

describe('forwarding without a small socket pool', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = null;
  });

  it('300 concurrent exchanges all reach the backend at once (none waits for a free socket)', async () => {
    const N = 300;
    const waiting: (() => void)[] = [];
    // Answers nobody until all N are in: with a pool of 256 the last 44 would never arrive (each times out).
    server = createServer((req, res) => {
      req.resume();
      waiting.push(() => res.end('{}'));
      if (waiting.length === N) for (const answer of waiting) answer();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        exchange({ url: `http://127.0.0.1:${port}/cb`, method: 'POST', headers: [], body: '{}', timeoutMs: 30_000 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(N);
  }, 60_000);
});
