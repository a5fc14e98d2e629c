import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Test double of an app backend: a real HTTP server on port 0 that records what it got and answers per a handler. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as on the request line. */
  url: string;
  /** Header names exactly as sent (`Operationid`), from rawHeaders. */
  rawHeaders: Record<string, string>;
  bodyText: string;
}

/** What to do with a request: an answer, or a way of failing. */
export type BackendAnswer =
  | { status?: number; headers?: Record<string, string>; body: string | Buffer | object }
  | { reset: true }
  | { hang: true };

export type BackendHandler = (req: ReceivedRequest) => BackendAnswer | Promise<BackendAnswer>;

export interface FakeBackend {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

function rawHeaderRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) out[req.rawHeaders[i] ?? ''] = req.rawHeaders[i + 1] ?? '';
  return out;
}

export async function startFakeBackend(handler: BackendHandler): Promise<FakeBackend> {
  const received: ReceivedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const got: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: rawHeaderRecord(req),
        bodyText: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(got);
      const answer = await handler(got);
      if ('reset' in answer) {
        req.socket.resetAndDestroy();
        return;
      }
      if ('hang' in answer) {
        hanging.add(res);
        return;
      }
      const body = answer.body;
      const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // listening on TCP: an AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on which nothing listens (a port just freed): connections are refused. */
export async function refusingUrl(): Promise<string> {
  const backend = await startFakeBackend(() => ({ body: {} }));
  await backend.close();
  return backend.url;
}

/**
 * A Tencent backend handler that checks `Sign` the documented way (B.1: lower-hex SHA-256 of token + RequestTime),
 * computed here with node:crypto rather than the engine's own code, and answers 401 FAIL on a bad one.
 */
export function signChecking(token: string, answer: BackendHandler): BackendHandler {
  return (req) => {
    const query = new URL(req.url, 'http://x').searchParams;
    const time = query.get('RequestTime') ?? '';
    const sign = query.get('Sign') ?? '';
    if (time === '' || sign !== createHash('sha256').update(`${token}${time}`).digest('hex')) {
      return { status: 401, body: { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'bad sign' } };
    }
    return answer(req);
  };
}
