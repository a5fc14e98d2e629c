import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * TEST DOUBLE — a stand-in for the developer's real app backend, for tests, e2e and the bench: a real HTTP server on
 * port 0 that records every request and answers each as the test's handler says (or fails in a chosen way).
 */

/** One request as the backend received it. */
export interface BackendRequest {
  method: string;
  /** Path and query as on the request line. */
  url: string;
  /** As received: [name, value, …]. */
  rawHeaders: string[];
  /** Header values by their names exactly as sent (`Operationid`); a repeated name keeps its last value. */
  sentHeaders: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: Buffer;
  bodyText: string;
}

/** What to do with a request: an answer (after `delayMs`), or a way of failing. */
export type BackendAnswer =
  | {
      status?: number;
      /** Default `Content-Type: application/json` unless a Content-Type is given. */
      headers?: Record<string, string>;
      /** A string or bytes as they are; anything else as JSON. */
      body: string | Buffer | object;
      delayMs?: number;
    }
  /** Never answers (until the backend closes). */
  | { hang: true }
  /** Closes the connection without an answer (the client sees "socket hang up"). */
  | { close: true }
  /** Resets the connection (RST). */
  | { reset: true };

export type BackendHandler = (req: BackendRequest) => BackendAnswer | Promise<BackendAnswer>;

export interface FakeBackend {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  requests: BackendRequest[];
  /** Resolves with the next request received (or the n-th, counting from 1, when already received). */
  nextRequest(): Promise<BackendRequest>;
  /** Connections accepted so far (keep-alive reuse shows as fewer connections than requests). */
  connections(): number;
  close(): Promise<void>;
}

function received(req: IncomingMessage, body: Buffer): BackendRequest {
  const sentHeaders: Record<string, string> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    sentHeaders[req.rawHeaders[i] ?? ''] = req.rawHeaders[i + 1] ?? '';
  return {
    method: req.method ?? '',
    url: req.url ?? '',
    rawHeaders: req.rawHeaders,
    sentHeaders,
    headers: req.headers,
    body,
    bodyText: body.toString('utf8'),
  };
}

function respond(res: ServerResponse, answer: Extract<BackendAnswer, { body: unknown }>): void {
  const { status = 200, headers = {}, body } = answer;
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  res.writeHead(status, typed ? headers : { 'Content-Type': 'application/json', ...headers });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

export async function startFakeBackend(handler: BackendHandler = () => ({ body: '{}' })): Promise<FakeBackend> {
  const requests: BackendRequest[] = [];
  const waiters: ((r: BackendRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let accepted = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const got = received(req, Buffer.concat(chunks));
      requests.push(got);
      waiters.shift()?.(got);
      const answer = await handler(got);
      if ('hang' in answer) return;
      if ('close' in answer) req.socket.end();
      else if ('reset' in answer) req.socket.resetAndDestroy();
      else if (!answer.delayMs) respond(res, answer);
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          respond(res, answer);
        }, answer.delayMs);
        timers.add(timer);
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // a TCP listen always yields AddressInfo
  let consumed = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    nextRequest: () => {
      const existing = requests[consumed++];
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve) => waiters.push(resolve));
    },
    connections: () => accepted,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on which nothing listens (a port just freed): connections are refused. */
export async function refusingUrl(): Promise<string> {
  const backend = await startFakeBackend();
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
