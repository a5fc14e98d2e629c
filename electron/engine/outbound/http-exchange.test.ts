import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { decodedBody, exchange, MAX_DECODED_BYTES } from './http-exchange.js';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // TCP server: an AddressInfo
}

const base = { method: 'POST', headers: [], body: '{}', timeoutMs: 2_000, retryStale: true };

describe('exchange', () => {
  it('sends header names exactly as given and returns the answer with its headers', async () => {
    let raw: string[] = [];
    const url = await serve((req, res) => {
      raw = req.rawHeaders;
      res.setHeader('X-Answer', 'yes');
      res.end('{"ok":true}');
    });
    const result = await exchange({ ...base, url, headers: ['Operationid', 'op1', 'X-Twice', 'a', 'x-twice', 'b'] });
    expect(raw).toContain('Operationid');
    expect(raw).toContain('Content-Length');
    // Host first, the given headers in order (repeats kept), the length last; Node adds only `Connection`.
    const host = new URL(url).host;
    expect(raw).toEqual([
      'Host',
      host,
      'Operationid',
      'op1',
      'X-Twice',
      'a',
      'x-twice',
      'b',
      'Content-Length',
      '2',
      'Connection',
      'keep-alive',
    ]);
    expect(result).toMatchObject({ ok: true, answer: { status: 200 } });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.answer.body.toString()).toBe('{"ok":true}');
    expect(result.answer.rawHeaders).toContain('X-Answer');
  });

  it('gives up on an answer larger than the limit', async () => {
    const url = await serve((_req, res) => res.end('x'.repeat(5_000)));
    const result = await exchange({ ...base, url, maxBodyBytes: 1_000 });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'too-large', status: 200 } });
  });

  it('reports a connection closed in the middle of the answer as a reset', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setImmediate(() => res.socket?.destroy());
    });
    const result = await exchange({ ...base, url });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'reset' } });
  });

  it('retries once on a new connection when a kept-alive one was closed by the backend', async () => {
    const served = new WeakSet<object>();
    let requests = 0;
    const url = await serve((req, res) => {
      requests++;
      // A second request on a connection: drop it unanswered, like a backend whose idle timeout just fired.
      if (served.has(req.socket)) {
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      res.end('{}');
    });
    expect(await exchange({ ...base, url })).toMatchObject({ ok: true });
    expect(await exchange({ ...base, url })).toMatchObject({ ok: true, answer: { status: 200 } });
    expect(requests).toBe(3);
  });

  it('does not retry when asked not to (a forwarded callback is never sent twice)', async () => {
    const served = new WeakSet<object>();
    let requests = 0;
    const url = await serve((req, res) => {
      requests++;
      if (served.has(req.socket)) {
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      res.end('{}');
    });
    const once = { ...base, url, retryStale: false };
    expect(await exchange(once)).toMatchObject({ ok: true });
    expect(await exchange(once)).toMatchObject({ ok: false, failure: { kind: 'closed' } });
    expect(requests).toBe(2);
  });

  it('refuses a URL it cannot parse without throwing', async () => {
    expect(await exchange({ ...base, url: 'not a url' })).toMatchObject({ ok: false, failure: { kind: 'error' } });
  });
});

describe('decodedBody', () => {
  it('inflates gzip and drops Content-Encoding; leaves a plain body as it is', async () => {
    const decoded = await decodedBody(['Content-Encoding', 'gzip', 'X-A', '1'], gzipSync('{"a":1}'));
    expect(decoded?.body.toString()).toBe('{"a":1}');
    expect(decoded?.headers).toEqual(['X-A', '1']);
    expect(await decodedBody(['X-A', '1'], Buffer.from('x'))).toEqual({
      headers: ['X-A', '1'],
      body: Buffer.from('x'),
    });
  });

  it('refuses a body that does not decode; one that inflates beyond the limit is inflated that far and cut', async () => {
    expect(await decodedBody(['Content-Encoding', 'gzip'], Buffer.from('not gzip'))).toBeNull();
    const bomb = gzipSync(Buffer.alloc(MAX_DECODED_BYTES + 1));
    // Issue 22: cut at the limit with truncated (it was refused whole).
    const cut = await decodedBody(['content-encoding', 'gzip'], bomb);
    expect(cut?.truncated).toBe(true);
    expect(cut?.body.length).toBeLessThanOrEqual(MAX_DECODED_BYTES);
  });
});
