import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { isLoopbackAddress } from '../addresses.js';
import { createFakeEngine, type FakeEngine } from '../testing/test-double-engine.js';
import { errorCode, request, type Started, startTestServer } from '../testing/test-http.js';
import { startControlServer } from './control-server.js';
import { isLoopbackHostHeader, tokenMatches } from './security.js';

/** Opens a WebSocket and resolves with the HTTP status of a refused upgrade, or 101 when it opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', (error) => reject(error));
  });
}

describe('security helpers', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(isLoopbackAddress(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '192.168.1.2', '::', 'example.com', '128.0.0.1', '']) {
      expect(isLoopbackAddress(host), host).toBe(false);
    }
  });

  it('accepts only loopback Host header names', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:10007', 'localhost:1', '[::1]:80', 'LocalHost']) {
      expect(isLoopbackHostHeader(host), host).toBe(true);
    }
    for (const host of [undefined, 'evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.1:10007']) {
      expect(isLoopbackHostHeader(host), String(host)).toBe(false);
    }
  });

  it('compares tokens of any length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
  });
});

describe('control server security', () => {
  let engine: FakeEngine;
  let s: Started;
  beforeEach(async () => {
    engine = createFakeEngine();
    s = await startTestServer(engine);
  });
  afterEach(() => s.server.close());

  it('refuses to bind a non-loopback address and an empty token', async () => {
    const opts = { port: 0, token: 't', uiDir: null, version: '1', log: () => {} };
    await expect(startControlServer(engine, { ...opts, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(startControlServer(engine, { ...opts, host: '127.0.0.1', token: '' })).rejects.toThrow(/token/);
  });

  it('rejects when the port is taken', async () => {
    await expect(
      startControlServer(engine, {
        host: '127.0.0.1',
        port: s.server.port,
        token: 't',
        uiDir: null,
        version: '1',
        log: () => {},
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('needs the token on every /api call', async () => {
    const missing = await request(s.base, '/api/health');
    expect(missing.status).toBe(401);
    expect(errorCode(missing)).toBe('missing-token');

    const wrong = await request(s.base, '/api/health', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong)).toBe('bad-token');

    const basic = await request(s.base, '/api/health', { headers: { authorization: `Basic ${s.token}` } });
    expect(errorCode(basic)).toBe('bad-token');

    const unknownRoute = await request(s.base, '/api/nothing-here');
    expect(unknownRoute.status).toBe(401);

    const ok = await s.api('GET', '/api/health');
    expect(ok.status).toBe(200);
  });

  it('accepts ?token= only where a header cannot be sent (export, events)', async () => {
    const list = await request(s.base, `/api/captures?token=${s.token}`);
    expect(list.status).toBe(401);
    expect(errorCode(list)).toBe('missing-token');
    const exported = await request(s.base, `/api/export?format=json&token=${s.token}`);
    expect(exported.status).toBe(200);
    const wrong = await request(s.base, '/api/export?format=json&token=wrong');
    expect(errorCode(wrong)).toBe('bad-token');
  });

  it('refuses a Host header that is not a loopback name (DNS rebinding)', async () => {
    const res = await s.api('GET', '/api/health', undefined, { host: `evil.example:${s.server.port}` });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('bad-host');
    const page = await request(s.base, '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    for (const host of [`localhost:${s.server.port}`, `[::1]:${s.server.port}`, '127.0.0.1']) {
      expect((await s.api('GET', '/api/health', undefined, { host })).status, host).toBe(200);
    }
  });

  it('refuses a foreign Origin', async () => {
    const evil = await s.api('GET', '/api/health', undefined, { origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(errorCode(evil)).toBe('bad-origin');
    const otherPort = await s.api('GET', '/api/health', undefined, { origin: `http://127.0.0.1:${s.server.port + 1}` });
    expect(errorCode(otherPort)).toBe('bad-origin');
    const nullOrigin = await s.api('GET', '/api/health', undefined, { origin: 'null' });
    expect(errorCode(nullOrigin)).toBe('bad-origin');
    for (const origin of [`http://127.0.0.1:${s.server.port}`, `http://localhost:${s.server.port}`]) {
      expect((await s.api('GET', '/api/health', undefined, { origin })).status, origin).toBe(200);
    }
  });

  it('checks the WebSocket upgrade the same way', async () => {
    const ws = s.base.replace('http:', 'ws:');
    expect(await upgradeStatus(`${ws}/api/events`)).toBe(401);
    expect(await upgradeStatus(`${ws}/api/events?token=wrong`)).toBe(401);
    expect(await upgradeStatus(`${ws}/api/events?token=${s.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${ws}/api/events?token=${s.token}`, { host: 'evil.example' })).toBe(403);
    expect(await upgradeStatus(`${ws}/api/other?token=${s.token}`)).toBe(404);
    const origin = `http://127.0.0.1:${s.server.port}`;
    expect(await upgradeStatus(`${ws}/api/events?token=${s.token}`, { origin })).toBe(101);
    expect(await upgradeStatus(`${ws}/api/events`, { authorization: `Bearer ${s.token}` })).toBe(101);
  });
});
