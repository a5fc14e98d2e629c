import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchange } from './http-exchange.js';

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

const base = { method: 'POST', headers: {}, bodyText: '{}', timeoutMs: 2_000 };

describe('exchange', () => {
  it('sends header names exactly as given and returns the answer with its headers', async () => {
    let raw: string[] = [];
    const url = await serve((req, res) => {
      raw = req.rawHeaders;
      res.setHeader('X-Answer', 'yes');
      res.end('{"ok":true}');
    });
    const result = await exchange({ ...base, url, headers: { Operationid: 'op1' } });
    expect(raw).toContain('Operationid');
    expect(raw).toContain('Content-Length');
    expect(result).toMatchObject({ ok: true, status: 200, bodyText: '{"ok":true}' });
    expect(result.ok && result.headers['X-Answer']).toBe('yes');
  });

  it('gives up on an answer larger than the limit', async () => {
    const url = await serve((_req, res) => res.end('x'.repeat(5_000)));
    const result = await exchange({ ...base, url, maxBodyBytes: 1_000 });
    expect(result).toMatchObject({ ok: false, failure: 'too-large' });
  });

  it('reports a connection closed in the middle of the answer as a reset', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setImmediate(() => res.socket?.destroy());
    });
    const result = await exchange({ ...base, url });
    expect(result).toMatchObject({ ok: false, failure: 'reset' });
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
    expect(await exchange({ ...base, url })).toMatchObject({ ok: true, status: 200 });
    expect(requests).toBe(3);
  });

  it('refuses a URL it cannot parse without throwing', async () => {
    expect(await exchange({ ...base, url: 'not a url' })).toMatchObject({ ok: false, failure: 'error' });
  });
});
