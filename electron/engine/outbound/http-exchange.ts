import { type ClientRequest, Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { gunzipSync } from 'node:zlib';

/**
 * One HTTP exchange with a backend under a deadline, as an IM server makes it: the answer, or why none came
 * (refused / reset / timeout / DNS / other). Shared by send, replay and (to merge) upstream forwarding.
 */
export interface ExchangeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  bodyText: string;
  /** The server gives up after this long (the whole exchange, like Go's context deadline). */
  timeoutMs: number;
  /** Answer bodies beyond this are cut (and flagged by the error); default 8 MiB. */
  maxBodyBytes?: number;
}

export type ExchangeFailure = 'refused' | 'reset' | 'timeout' | 'dns' | 'too-large' | 'error';

export type ExchangeResult =
  | { ok: true; status: number; headers: Record<string, string>; bodyText: string; latencyMs: number }
  | { ok: false; failure: ExchangeFailure; error: string; latencyMs: number };

const DEFAULT_MAX_BODY = 8 * 1_048_576;
// Keep-alive like Go's default transport, so a replay of many callbacks reuses connections as the server would.
const httpAgent = new HttpAgent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

function failureOf(err: NodeJS.ErrnoException): { failure: ExchangeFailure; error: string } {
  switch (err.code) {
    case 'ECONNREFUSED':
      return { failure: 'refused', error: 'connection refused' };
    case 'ECONNRESET':
    case 'EPIPE':
      return { failure: 'reset', error: 'connection reset before the answer was complete' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { failure: 'dns', error: `host not found (${err.message})` };
    default:
      return { failure: 'error', error: err.message };
  }
}

function headerRecord(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string; // rawHeaders alternates name, value
    const value = raw[i + 1] as string;
    out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/** Sends the request and settles once: never rejects. */
export function exchange(req: ExchangeRequest): Promise<ExchangeResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  const limit = req.maxBodyBytes ?? DEFAULT_MAX_BODY;
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (result: ExchangeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      settle({ ok: false, failure: 'error', error: `not a valid URL: ${req.url}`, latencyMs: 0 });
      return;
    }
    const https = url.protocol === 'https:';
    const body = Buffer.from(req.bodyText, 'utf8');
    let client: ClientRequest | null = null;
    timer = setTimeout(() => {
      settle({
        ok: false,
        failure: 'timeout',
        error: `no answer within ${req.timeoutMs} ms`,
        latencyMs: req.timeoutMs,
      });
      client?.destroy();
    }, req.timeoutMs);
    const attempt = (retry: boolean): void => {
      const current = (https ? httpsRequest : httpRequest)(url, {
        method: req.method,
        agent: https ? httpsAgent : httpAgent,
        // Header names go out exactly as given (`Operationid`), in order, with the length of the body.
        headers: { ...req.headers, 'Content-Length': String(body.length) },
      });
      client = current;
      let answered = false;
      current.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the backend closed while idle: like Go's transport, try once on a new one.
        if (!answered && !retry && current.reusedSocket && err.code === 'ECONNRESET') {
          attempt(true);
          return;
        }
        settle({ ok: false, ...failureOf(err), latencyMs: elapsed() });
      });
      current.on('response', (res) => {
        answered = true;
        read(res, current);
      });
      current.end(body);
    };
    const read = (res: IncomingMessage, current: ClientRequest): void => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          settle({
            ok: false,
            failure: 'too-large',
            error: `the answer is larger than ${limit} bytes`,
            latencyMs: elapsed(),
          });
          current.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) => settle({ ok: false, ...failureOf(err), latencyMs: elapsed() }));
      res.on('aborted', () =>
        settle({ ok: false, failure: 'reset', error: 'the connection closed mid-answer', latencyMs: elapsed() }),
      );
      res.on('end', () => {
        let data = Buffer.concat(chunks);
        const headers = headerRecord(res);
        // Go's transport asked for gzip itself, so it inflates the answer transparently; so do we.
        if (/gzip/i.test(res.headers['content-encoding'] ?? '')) {
          try {
            data = gunzipSync(data);
          } catch {
            settle({
              ok: false,
              failure: 'error',
              error: 'the gzip answer could not be inflated',
              latencyMs: elapsed(),
            });
            return;
          }
        }
        settle({
          ok: true,
          status: res.statusCode ?? 0,
          headers,
          bodyText: data.toString('utf8'),
          latencyMs: elapsed(),
        });
      });
    };
    attempt(false);
  });
}
