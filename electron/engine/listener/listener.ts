import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CaptureResponse, ListenerStatus } from '../../../shared/contract/index.js';
import { splitUrl } from '../../../shared/protocol/index.js';
import { isLoopbackAddress, serverUrl } from '../addresses.js';
import { isLoopbackHostHeader } from '../control/security.js';
import { bindErrorText } from './bind-error.js';
import {
  type Refusal,
  type RequestLine,
  refusalFor,
  refuseOnSocket,
  refuseReading,
  requestLineOf,
  trackRequest,
} from './http-rejects.js';
import { answerInternalError, type RawRequest } from './request-input.js';

export interface ListenerOptions {
  maxBodyBytes: () => number;
  onRequest: (raw: RawRequest, res: ServerResponse) => void;
  /** A request the HTTP layer refused after its request line was read, already answered with `response`. */
  onRefused: (raw: RawRequest, response: CaptureResponse, refusal: Refusal) => void;
  /**
   * Body of `GET /`: a small status document (not captured). `local`: the Host header names this machine (loopback);
   * any other Host (a DNS-rebinding page, another machine) gets nothing that tells what was captured.
   */
  statusBody: (local: boolean) => unknown;
  log: (line: string) => void;
}

/**
 * Timeouts against slow clients; all longer than the longest hold (OpenIM's hard cap is 15 s). Node checks the first
 * two only every `connectionsCheckingInterval` (30 s by default, which cut slow headers at ~21 s and slow bodies at
 * ~51 s): checked every second, they hold to the second.
 */
export const SERVER_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 65_000,
  connectionsCheckingInterval: 1_000,
} as const;
/** How long a re-bound-away server may keep answering its held requests (OpenIM's hard cap is 15 s). */
const REBIND_DRAIN_MS = 20_000;

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  let arrays = false;
  for (const key in headers) if (typeof headers[key] !== 'string') arrays = true;
  // Only set-cookie arrives as an array: otherwise Node's own object already has the right shape.
  if (!arrays) return headers as Record<string, string>; // every value checked to be a string just above
  const out: Record<string, string> = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The callback listener's HTTP side: reads bodies up to the limit and hands complete requests on.
 * `bind` moves it to a new address; the old server keeps running until the new one is bound.
 */
export class Listener {
  private server: Server | null = null;
  /** Servers left behind by a re-bind, finishing the requests they still hold. */
  private readonly draining = new Set<Server>();
  private state: ListenerStatus;

  constructor(private readonly opts: ListenerOptions) {
    this.state = { state: 'stopped', url: serverUrl('127.0.0.1', 0), host: '127.0.0.1', port: 0, exposed: false };
  }

  status(): ListenerStatus {
    return this.state;
  }

  /** Binds host:port. On failure the previous server (if any) keeps running and the status carries the error. */
  async bind(host: string, port: number): Promise<ListenerStatus> {
    const server = this.createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      this.opts.log(`cannot listen on ${serverUrl(host, port)}: ${err instanceof Error ? err.message : String(err)}`);
      const message = bindErrorText(err, host, port);
      this.state = this.server
        ? { ...this.state, error: message }
        : { state: 'error', url: serverUrl(host, port), host, port, exposed: !isLoopbackAddress(host), error: message };
      return this.state;
    }
    server.on('error', (err) => this.opts.log(`listener error: ${err.message}`));
    const old = this.server;
    this.server = server;
    const bound = (server.address() as AddressInfo).port; // listen() on a TCP port always yields AddressInfo
    this.state = {
      state: 'listening',
      url: serverUrl(host, bound),
      host,
      port: bound,
      exposed: !isLoopbackAddress(host),
    };
    if (old) {
      // Requests held on the old address still get their answers (holds never outlast this).
      this.draining.add(old);
      void closeServer(old, REBIND_DRAIN_MS).then(() => this.draining.delete(old));
    }
    return this.state;
  }

  /** Stops accepting; lets answers already written drain for up to `graceMs`, then drops every connection. */
  async close(graceMs = 1_000): Promise<void> {
    const servers = [...this.draining, ...(this.server ? [this.server] : [])];
    this.server = null;
    this.draining.clear();
    this.state = { ...this.state, state: 'stopped' };
    await Promise.all(servers.map((server) => closeServer(server, graceMs)));
  }

  private createServer(): Server {
    const server = createServer({ ...SERVER_TIMEOUTS }, (req, res) => this.onRequest(req, res));
    server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      // clientError hands over system errors (ECONNRESET…), parser errors (HPE_…) and timeouts, all with a code.
      if (!socket.writable || err.code?.startsWith('ECONN')) {
        socket.destroy();
        return;
      }
      const refusal = refusalFor(err);
      if (refuseReading(socket, refusal)) return;
      const response = refuseOnSocket(socket, refusal);
      const line = requestLineOf(err);
      if (line) this.refused(line, {}, response, refusal);
    });
    // CONNECT (a proxy request) never reaches 'request': answered here, so it is not left hanging.
    server.on('connect', (req: IncomingMessage, socket) => {
      const refusal = {
        status: 405,
        code: 'method-not-allowed',
        message: 'CONNECT is not accepted: callbacks are POST',
      };
      const response = refuseOnSocket(socket, refusal, { allow: 'POST' });
      this.refused(
        { method: req.method ?? 'CONNECT', url: req.url ?? '' },
        flattenHeaders(req.headers),
        response,
        refusal,
      );
    });
    return server;
  }

  private refused(
    line: RequestLine,
    headers: Record<string, string>,
    response: CaptureResponse,
    refusal: Refusal,
  ): void {
    const { path, query } = splitUrl(line.url);
    const raw: RawRequest = {
      method: line.method,
      url: line.url,
      path,
      query,
      headers,
      rawHeaders: [],
      bodyText: '',
      bodyBytes: EMPTY,
      truncated: false,
      receivedAt: Date.now(),
      startedAt: performance.now(),
      refused: refusal,
    };
    try {
      this.opts.onRefused(raw, response, refusal);
    } catch (err) {
      this.opts.log(`refused request not recorded: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const receivedAt = Date.now();
    const startedAt = performance.now();
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    if ((method === 'GET' || method === 'HEAD') && (url === '/' || url.startsWith('/?'))) {
      const body = JSON.stringify(this.opts.statusBody(isLoopbackHostHeader(req.headers.host)));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(method === 'HEAD' ? undefined : body);
      req.resume();
      return;
    }
    const max = this.opts.maxBodyBytes();
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    req.on('data', (chunk: Buffer) => {
      if (truncated) return;
      if (size + chunk.length > max) {
        chunks.push(chunk.subarray(0, max - size));
        size = max;
        truncated = true;
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    let finished = false;
    const finish = (refused?: Refusal): void => {
      if (finished) return;
      finished = true;
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      const { path, query } = splitUrl(url);
      const raw: RawRequest = {
        method,
        url,
        path,
        query,
        headers: flattenHeaders(req.headers),
        rawHeaders: req.rawHeaders,
        bodyText: body ? body.toString('utf8') : '',
        bodyBytes: body ?? EMPTY,
        truncated,
        receivedAt,
        startedAt,
      };
      if (refused) raw.refused = refused;
      try {
        this.opts.onRequest(raw, res);
      } catch (err) {
        // Last line of defence: the listener never crashes and never leaves a request unanswered.
        this.opts.log(`callback handling failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        answerInternalError(res);
      }
    };
    // A parser error or timeout while the body is read answers this request through `finish` (see http-rejects).
    trackRequest(req, res, finish);
    req.on('end', () => finish());
    req.on('error', ignore);
  }
}

const EMPTY = Buffer.alloc(0);

/** Request stream errors end in 'close' (the response is then never written); one shared no-op listener. */
function ignore(): void {}

async function closeServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Connections finishing an answer become idle; sweep them until all are gone or the grace time ends.
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([closed, deadline]);
  clearInterval(sweep);
  server.closeAllConnections();
  await closed;
}
