import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a fake app backend does with one request. */
export type BackendBehaviour =
  | { answer: { status?: number; headers?: Record<string, string>; body: string }; delayMs?: number }
  /** Never answers (until the test ends). */
  | { hang: true }
  /** Closes the connection without an answer (the client sees "socket hang up"). */
  | { close: true }
  /** Resets the connection (RST). */
  | { reset: true };

/** One request as the backend received it. */
export interface BackendRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  headers: IncomingMessage['headers'];
  body: Buffer;
}

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

/**
 * A stand-in for the developer's real app backend, for tests and the bench: a real HTTP server on port 0 whose
 * behaviour per request is chosen by the test.
 */
export async function startFakeBackend(
  behave: (req: BackendRequest) => BackendBehaviour = () => ({ answer: { body: '{}' } }),
): Promise<FakeBackend> {
  const requests: BackendRequest[] = [];
  const waiters: ((r: BackendRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let accepted = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: BackendRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(received);
      waiters.shift()?.(received);
      const behaviour = behave(received);
      if ('hang' in behaviour) return;
      if ('close' in behaviour) {
        req.socket.end();
        return;
      }
      if ('reset' in behaviour) {
        req.socket.resetAndDestroy();
        return;
      }
      const send = (): void => {
        const { status = 200, headers = { 'Content-Type': 'application/json' }, body } = behaviour.answer;
        res.writeHead(status, headers);
        res.end(body);
      };
      if (!behaviour.delayMs) {
        send();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, behaviour.delayMs);
      timers.add(timer);
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
      const index = consumed++;
      const existing = requests[index];
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
