import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { HOP_BY_HOP_HEADERS } from '../../shared/protocol/index.js';

/**
 * One HTTP request/answer with a deadline, reported as data (never thrown): what the other side answered, byte for
 * byte, or how the exchange failed. Used to forward callbacks to an app backend (upstream mode); usable by anything
 * else that plays a client against a backend.
 */
export interface ExchangeRequest {
  url: string;
  method: string;
  /**
   * Flat [name, value, name, value…] like `IncomingMessage.rawHeaders`: names keep their case, repeats survive.
   * Without `Host` and `Content-Length` (set from the URL and the body).
   */
  headers: string[];
  body: Buffer;
  /** Give up after this many ms (connect + answer); the failure is then `timeout`. */
  timeoutMs: number;
  /** Aborts the exchange (the failure is then `aborted`). */
  signal?: AbortSignal;
}

export interface ExchangeAnswer {
  status: number;
  /** As received: [name, value, …] with the names' case. */
  rawHeaders: string[];
  body: Buffer;
}

/**
 * How an exchange can fail, by what the client saw: no connection (`refused`, also DNS and TLS failures and
 * unreachable hosts), a reset, a close without an answer, no (complete) answer in time, or aborted by the caller.
 */
export type ExchangeFailureKind = 'refused' | 'reset' | 'closed' | 'timeout' | 'aborted';

export interface ExchangeFailure {
  kind: ExchangeFailureKind;
  /** In words, for people: "connection refused (ECONNREFUSED)". */
  message: string;
  /** The status when the answer's head had arrived before the failure. */
  status?: number;
}

export type ExchangeResult =
  | { ok: true; answer: ExchangeAnswer; latencyMs: number }
  | { ok: false; failure: ExchangeFailure; latencyMs: number };

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

const CONNECT_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
};

function describeError(err: NodeJS.ErrnoException, gotHead: boolean): ExchangeFailure {
  const code = err.code ?? '';
  if (code in CONNECT_ERRORS) return { kind: 'refused', message: `${CONNECT_ERRORS[code]} (${code})` };
  if (code === 'ECONNRESET' && err.message === 'socket hang up' && !gotHead) {
    return { kind: 'closed', message: 'the connection was closed without an answer' };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'reset', message: `the connection was reset${gotHead ? ' in the middle of the answer' : ''}` };
  }
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL')) {
    return { kind: 'refused', message: `TLS failed: ${err.message} (${code})` };
  }
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) {
    return { kind: 'reset', message: `the answer is not valid HTTP (${code})` };
  }
  return { kind: 'reset', message: err.message || code || 'the exchange failed' };
}

/** Keep-alive connection pools, one per engine: repeated callbacks reuse connections like the IM servers do. */
export class ExchangeAgents {
  readonly http = new HttpAgent({ keepAlive: true, maxSockets: 256 });
  readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** Sends one request and collects the whole answer; resolves with the answer or the failure, never rejects. */
export function exchange(req: ExchangeRequest, agents: ExchangeAgents): Promise<ExchangeResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 1000) / 1000;
  return new Promise<ExchangeResult>((resolve) => {
    let settled = false;
    let gotHead: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: ExchangeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const fail = (failure: ExchangeFailure): void => {
      if (gotHead !== undefined && failure.status === undefined) failure.status = gotHead;
      finish({ ok: false, failure, latencyMs: elapsed() });
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      fail({ kind: 'refused', message: `not a valid URL: ${req.url}` });
      return;
    }
    const secure = url.protocol === 'https:';
    // Node sends a flat raw-header array as is (names keep their case, repeats stay repeats) but then adds no Host
    // of its own: Host and the body length are ours.
    const raw = ['Host', url.host, ...req.headers, 'Content-Length', String(req.body.length)];
    const outgoing = (secure ? httpsRequest : httpRequest)(url, {
      method: req.method,
      headers: raw as unknown as OutgoingHttpHeaders, // node:http accepts the flat array form (documented)
      agent: secure ? agents.https : agents.http,
    });
    const onAbort = (): void => {
      fail({ kind: 'aborted', message: 'not awaited any longer' });
      outgoing.destroy();
    };
    timer = setTimeout(() => {
      fail({
        kind: 'timeout',
        message: `no ${gotHead === undefined ? '' : 'complete '}answer within ${req.timeoutMs} ms`,
      });
      outgoing.destroy();
    }, req.timeoutMs);
    if (req.signal?.aborted) {
      onAbort();
      return;
    }
    req.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('response', (res: IncomingMessage) => {
      gotHead = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        finish({
          ok: true,
          answer: { status: gotHead ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) },
          latencyMs: elapsed(),
        }),
      );
      res.on('error', (err: NodeJS.ErrnoException) => fail(describeError(err, true)));
      res.on('aborted', () => fail({ kind: 'reset', message: 'the connection broke in the middle of the answer' }));
    });
    outgoing.on('error', (err: NodeJS.ErrnoException) => fail(describeError(err, gotHead !== undefined)));
    outgoing.end(req.body);
  });
}
