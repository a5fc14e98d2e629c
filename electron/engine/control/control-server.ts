import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ControlApiError } from '../../../shared/contract/index.js';
import { isLoopbackAddress, serverUrl } from '../addresses.js';
import type { EngineApi } from '../engine-api.js';
import type { Identify } from '../store/har.js';
import { matchRoute, type Reply, runRoute, takesQueryToken } from './control-routes.js';
import { createEventStream, type EventStreamOptions } from './event-stream.js';
import { errorMessage, sendError, sendJson } from './http-io.js';
import { checkHostAndOrigin, checkToken } from './security.js';
import { serveStatic } from './static-files.js';

export interface ControlServerOptions {
  /** Must be a loopback address: the control API is never exposed to the network. */
  host: string;
  /** 0 = any free port. */
  port: number;
  token: string;
  /** Built UI (dist/renderer); null = no UI. */
  uiDir: string | null;
  version: string;
  log: (line: string) => void;
  /** Re-identifies HAR entries from other tools on import (the protocol core's identify). */
  identify?: Identify;
  events?: EventStreamOptions;
}

export interface ControlServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const EVENTS_PATH = '/api/events';

const isApiPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/');

/** Only origin-form targets (`/path?query`); absolute-form or `*` targets are not for this server. */
function parseTarget(raw: string | undefined): URL {
  if (raw === undefined || !raw.startsWith('/'))
    throw new ControlApiError(400, 'bad-request', 'malformed request target');
  try {
    return new URL(`http://127.0.0.1${raw}`);
  } catch {
    throw new ControlApiError(400, 'bad-request', 'malformed request target');
  }
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if ('json' in reply) {
    sendJson(res, reply.status, reply.json);
    return;
  }
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': Buffer.byteLength(reply.text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...reply.headers,
  });
  res.end(reply.text);
}

/** Starts the control API (+ static UI + event stream). Rejects when the host is not loopback or the port is taken. */
export async function startControlServer(engine: EngineApi, opts: ControlServerOptions): Promise<ControlServer> {
  if (!isLoopbackAddress(opts.host)) {
    throw new Error(`the control API only binds to loopback addresses (got ${opts.host})`);
  }
  if (opts.token.length === 0) throw new Error('the control API needs a non-empty token');
  const events = createEventStream(engine, opts.events);
  let port = opts.port;

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseTarget(req.url);
    checkHostAndOrigin(req.headers, port);
    const method = req.method ?? 'GET';
    if (!isApiPath(url.pathname)) {
      if (method !== 'GET' && method !== 'HEAD') {
        throw new ControlApiError(405, 'method-not-allowed', `${method} is not allowed here`, { allow: 'GET, HEAD' });
      }
      await serveStatic(req, res, url.pathname, opts.uiDir, port);
      return;
    }
    const match = matchRoute(method, url.pathname);
    checkToken(req.headers, url, opts.token, takesQueryToken(match));
    if (match.kind === 'not-found') {
      const hint = url.pathname === EVENTS_PATH ? ' (it is a WebSocket: send an Upgrade request)' : '';
      throw new ControlApiError(404, 'not-found', `no route ${method} ${url.pathname}${hint}`);
    }
    if (match.kind === 'method-not-allowed') {
      throw new ControlApiError(405, 'method-not-allowed', `${method} is not allowed on ${url.pathname}`, {
        allow: match.allow.join(', '),
      });
    }
    const ctx = { engine, req, url, ...(opts.identify ? { identify: opts.identify } : {}) };
    writeReply(res, await runRoute(match, ctx));
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    handleRequest(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ControlApiError) {
        sendError(res, error);
        if (error.status === 413) req.resume();
        return;
      }
      opts.log(`control API: ${req.method} ${req.url}: ${errorMessage(error)}`);
      sendError(res, new ControlApiError(500, 'internal', errorMessage(error)));
    });
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    try {
      const url = parseTarget(req.url);
      checkHostAndOrigin(req.headers, port);
      if (url.pathname !== EVENTS_PATH) throw new ControlApiError(404, 'not-found', `no WebSocket at ${url.pathname}`);
      checkToken(req.headers, url, opts.token, true);
      events.handleUpgrade(req, socket, head);
    } catch (error) {
      const err =
        error instanceof ControlApiError ? error : new ControlApiError(400, 'bad-request', errorMessage(error));
      const body = JSON.stringify({ error: { code: err.code, message: err.message } });
      socket.end(
        `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? ''}\r\n` +
          'Content-Type: application/json; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
  }

  const server = createServer({ requestTimeout: 300_000 }, onRequest);
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => {
      server.off('error', fail);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await events.close();
    throw error;
  });
  // The port is only known after binding when 0 was asked for; Origin checks and the CSP need the real one.
  port = (server.address() as AddressInfo).port; // a TCP server's address() is AddressInfo, never a pipe name
  server.on('error', (error) => opts.log(`control API error: ${error.message}`));

  let closing: Promise<void> | null = null;
  return {
    url: serverUrl(opts.host, port),
    port,
    close() {
      closing ??= (async () => {
        await events.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
