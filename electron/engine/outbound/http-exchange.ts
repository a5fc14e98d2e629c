import { type ClientRequest, Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Finding } from '../../../shared/contract/index.js';
import { HOP_BY_HOP_HEADERS } from '../../../shared/protocol/index.js';

/**
 * The one HTTP client in electron/: every request goes through `exchange` — playing the IM server against a backend
 * (send, replay), forwarding a callback upstream, the v1 resend to the engine's own listener, and the calls to a
 * control API (the shell's control-client.ts, `verify --control`). One request and its whole answer under a
 * deadline, reported as data (never thrown): what the other side answered, byte for byte, or how it failed.
 *
 * Headers go out byte-exact: names in their case, in the given order, repeats kept; `Host` first (as Go writes it)
 * and `Content-Length` last are ours. The one header Node adds that the Go client does not send is
 * `Connection: keep-alive` (README "Send and replay").
 */
export interface ExchangeRequest {
  url: string;
  method: string;
  /** Flat [name, value, name, value…] like `IncomingMessage.rawHeaders`; without `Host` and `Content-Length`. */
  headers: readonly string[];
  body: Buffer | string;
  /** Give up after this many ms (connect + whole answer, like Go's context deadline); the failure is `timeout`. */
  timeoutMs: number;
  /** Aborts the exchange (the failure is then `aborted`). */
  signal?: AbortSignal;
  /**
   * A request not on a connected socket after this many ms (queued behind a pool, a connect not done) gives up,
   * `not-started`: the caller still has time to answer otherwise. None: it may start any time before `timeoutMs`.
   */
  startWithinMs?: number;
  /** An answer body beyond this many bytes ends the exchange (`too-large`); none: read it all, as the IM servers do. */
  maxBodyBytes?: number;
  /**
   * A kept-alive connection the other side closed while idle fails the request at once: like Go's transport, try
   * once more on a new connection. Off for forwarding, whose backend must never get a callback twice.
   */
  retryStale?: boolean;
  /** Connection pools; default: one shared by the whole process. */
  agents?: ExchangeAgents;
}

export interface ExchangeAnswer {
  status: number;
  /** As received: [name, value, …] with the names' case. */
  rawHeaders: string[];
  body: Buffer;
}

/**
 * How an exchange can fail, by what the client saw: no connection (`refused`, also DNS and TLS failures and
 * unreachable hosts), a reset, a close without an answer, no (complete) answer in time, not even sent in time
 * (`startWithinMs`), aborted by the caller, an answer over the size limit, or anything else (an unusable URL).
 */
export type ExchangeFailureKind =
  | 'refused'
  | 'reset'
  | 'closed'
  | 'timeout'
  | 'not-started'
  | 'aborted'
  | 'too-large'
  | 'error';

export interface ExchangeFailure {
  kind: ExchangeFailureKind;
  /** In words, for people: "connection refused". */
  message: string;
  /** The status when the answer's head had arrived before the failure. */
  status?: number;
}

export type ExchangeResult =
  | { ok: true; answer: ExchangeAnswer; latencyMs: number }
  | { ok: false; failure: ExchangeFailure; latencyMs: number };

/**
 * Keep-alive connection pools: repeated requests reuse connections like the IM servers' Go transport does. No cap on
 * sockets (Go's transport has none by default): a capped pool queued concurrent forwards past the IM server's deadline
 * (1 000 Tencent callbacks to a 500 ms backend: 232 timed out at 2 s behind 256 sockets).
 */
export class ExchangeAgents {
  readonly http = new HttpAgent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  readonly https = new HttpsAgent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

const SHARED_AGENTS = new ExchangeAgents();

/** A header record as a flat raw-header list, in its key order. */
export function flatHeaders(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const name in headers) out.push(name, headers[name] as string); // own enumerable key
  return out;
}

/** The end-to-end headers of a raw header list: hop-by-hop ones, those named in `Connection`, and `skip` removed. */
export function endToEndHeaders(raw: readonly string[], skip: readonly string[] = []): string[] {
  const drop = new Set([...HOP_BY_HOP_HEADERS, ...skip.map((s) => s.toLowerCase())]);
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] ?? '').split(',')) drop.add(token.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string; // i + 1 < length, so both entries exist
    if (!drop.has(name.toLowerCase())) out.push(name, raw[i + 1] as string);
  }
  return out;
}

/** Header pairs as one record per name (repeats joined with ", "), keeping the first-seen case of each name. */
export function headerRecord(raw: readonly string[], lowerCase = false): Record<string, string> {
  const out: Record<string, string> = {};
  const names = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string; // i + 1 < length, so both entries exist
    const value = raw[i + 1] as string;
    const lower = name.toLowerCase();
    const key = names.get(lower) ?? (lowerCase ? lower : name);
    names.set(lower, key);
    out[key] = Object.hasOwn(out, key) ? `${out[key]}, ${value}` : value;
  }
  return out;
}

/** Inflaters by Content-Encoding; output in 64 KiB pieces, each made off the event loop (zlib's thread pool). */
const DECODERS: Record<string, () => Transform> = {
  gzip: () => createGunzip({ chunkSize: 65_536 }),
  'x-gzip': () => createGunzip({ chunkSize: 65_536 }),
  deflate: () => createInflate({ chunkSize: 65_536 }),
  br: () => createBrotliDecompress({ chunkSize: 65_536 }),
};
/** What a compressed answer may inflate to when no smaller limit is given (send, replay). */
export const MAX_DECODED_BYTES = 8 * 1_048_576;

/** The finding of an answer `decodedBody` had to cut. */
export const INFLATES_TOO_FAR: Finding = {
  level: 'error',
  code: 'answer-inflates-too-far',
  message:
    "The compressed answer inflates to more than the body limit (a decompression bomb?): it was inflated only that far and is stored cut. The IM server's client inflates all of it.",
};

export interface DecodedBody {
  headers: string[];
  body: Buffer;
  /** Inflated only up to the limit: there was more. */
  truncated?: true;
}

/**
 * A compressed answer's body decoded, and its headers without `Content-Encoding` (the Go client asks for gzip and
 * decompresses transparently). Unchanged when it is not compressed; null when it does not decode. Inflating stops
 * at `maxBytes`: a decompression bomb (305 KB of gzip made 300 MB, and inflating 8 MiB of it 20 times over held the
 * event loop 1.1 s) costs at most `maxBytes` of output, made in pieces off the event loop, and comes back cut with
 * `truncated: true` (product.md §4 v3).
 */
export function decodedBody(
  rawHeaders: readonly string[],
  body: Buffer,
  maxBytes = MAX_DECODED_BYTES,
): Promise<DecodedBody | null> {
  const index = rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-encoding');
  const encoding = index < 0 ? '' : (rawHeaders[index + 1] ?? '').trim().toLowerCase();
  const decoder = DECODERS[encoding];
  if (!decoder) return Promise.resolve({ headers: [...rawHeaders], body });
  const headers = rawHeaders.filter((_, i) => i !== index && i !== index + 1);
  return new Promise((resolve) => {
    const inflater = decoder();
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: DecodedBody | null): void => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      resolve(result);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      parts.push(chunk);
      size += chunk.length;
      if (size > maxBytes) settle({ headers, body: Buffer.concat(parts, maxBytes), truncated: true });
    });
    inflater.on('end', () => settle({ headers, body: Buffer.concat(parts, size) }));
    inflater.on('error', () => settle(null));
    inflater.end(body);
  });
}

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (ENOTFOUND)',
  EAI_AGAIN: 'host name lookup failed (EAI_AGAIN)',
  EHOSTUNREACH: 'host unreachable (EHOSTUNREACH)',
  ENETUNREACH: 'network unreachable (ENETUNREACH)',
  EADDRNOTAVAIL: 'address not available (EADDRNOTAVAIL)',
};

function describeError(err: NodeJS.ErrnoException, gotHead: boolean): ExchangeFailure {
  const code = err.code ?? '';
  const connect = CONNECT_ERRORS[code];
  if (connect !== undefined) return { kind: 'refused', message: connect };
  if (code === 'ECONNRESET' && err.message === 'socket hang up' && !gotHead) {
    return { kind: 'closed', message: 'the connection was closed without an answer' };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'reset', message: `the connection was reset${gotHead ? ' in the middle of the answer' : ''}` };
  }
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL')) {
    return { kind: 'refused', message: `TLS failed: ${err.message} (${code})` };
  }
  if (code.startsWith('HPE_')) return { kind: 'reset', message: `the answer is not valid HTTP (${code})` };
  return { kind: 'error', message: err.message || code || 'the exchange failed' };
}

/** Sends one request and collects the whole answer; resolves with the answer or the failure, never rejects. */
export function exchange(req: ExchangeRequest): Promise<ExchangeResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 1000) / 1000;
  return new Promise<ExchangeResult>((resolve) => {
    let settled = false;
    let gotHead: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    let startTimer: NodeJS.Timeout | undefined;
    let current: ClientRequest | null = null;
    const finish = (result: ExchangeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(startTimer);
      req.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const fail = (failure: ExchangeFailure): void => {
      if (gotHead !== undefined && failure.status === undefined) failure.status = gotHead;
      finish({ ok: false, failure, latencyMs: elapsed() });
      current?.destroy();
    };
    const onAbort = (): void => fail({ kind: 'aborted', message: 'not awaited any longer' });
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      fail({ kind: 'error', message: `not a valid URL: ${req.url}` });
      return;
    }
    const secure = url.protocol === 'https:';
    const agents = req.agents ?? SHARED_AGENTS;
    const body = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
    // Node sends a flat raw-header array as is (names keep their case, repeats stay repeats) but then adds no Host
    // of its own: Host and the body length are ours.
    const headers = ['Host', url.host, ...req.headers, 'Content-Length', String(body.length)];
    timer = setTimeout(() => {
      const what = gotHead === undefined ? '' : 'complete ';
      fail({ kind: 'timeout', message: `no ${what}answer within ${req.timeoutMs} ms` });
    }, req.timeoutMs);
    if (req.signal?.aborted) {
      onAbort();
      return;
    }
    req.signal?.addEventListener('abort', onAbort, { once: true });
    if (req.startWithinMs !== undefined) {
      startTimer = setTimeout(() => {
        const message = `could not start before the deadline: no connection to the backend within ${req.startWithinMs} ms`;
        fail({ kind: 'not-started', message });
      }, req.startWithinMs);
    }
    const started = (): void => clearTimeout(startTimer);
    const read = (res: IncomingMessage): void => {
      gotHead = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (req.maxBodyBytes !== undefined && size > req.maxBodyBytes) {
          fail({ kind: 'too-large', message: `the answer is larger than ${req.maxBodyBytes} bytes` });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const answer = { status: gotHead ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) };
        finish({ ok: true, answer, latencyMs: elapsed() });
      });
      res.on('error', (err: NodeJS.ErrnoException) => fail(describeError(err, true)));
      res.on('aborted', () => fail({ kind: 'reset', message: 'the connection broke in the middle of the answer' }));
    };
    const attempt = (retried: boolean): void => {
      const outgoing = (secure ? httpsRequest : httpRequest)(url, {
        method: req.method,
        headers, // node:http takes the flat array form as is (documented)
        agent: secure ? agents.https : agents.http,
      });
      current = outgoing;
      // Started once on a connected socket: a pooled one at once, a new one when it connects.
      outgoing.on('socket', (socket) => {
        if (socket.connecting) socket.once('connect', started);
        else started();
      });
      outgoing.on('response', read);
      outgoing.on('error', (err: NodeJS.ErrnoException) => {
        const stale = gotHead === undefined && outgoing.reusedSocket && err.code === 'ECONNRESET';
        if (stale && req.retryStale && !retried && !settled) attempt(true);
        else fail(describeError(err, gotHead !== undefined));
      });
      outgoing.end(body);
    };
    attempt(false);
  });
}
