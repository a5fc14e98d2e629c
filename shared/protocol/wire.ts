import type { DialectOrUnknown } from '../contract/capture.js';
import type { OutcomeInput, PlannedAnswer } from './types.js';

/** Tencent's callback timeout, fixed (B.1). Here, not in tencent/outcome.ts, so wire.ts imports no outcome code. */
export const TENCENT_TIMEOUT_MS = 2000;
/**
 * OpenIM's shared HTTP client hard limit (A.1): the effective timeout is min(timeout, 15 s). It exists from v3.4.0
 * (pkg/common/http/http_client.go `Timeout: 15 * time.Second`); v3.0–v3.3 use a zero http.Client with no limit, which
 * only matters for `timeout: 0`, a value the hold settings cannot express (500–15000 ms).
 */
export const OPENIM_HARD_LIMIT_MS = 15_000;

/**
 * What really crosses the wire when the engine (Node's http server) writes an answer, and how a Go `net/http` client
 * (OpenIM) reads it. Predictions are made from these bytes, not from what was meant to be sent.
 */

/**
 * Node's ServerResponse never sends a body with 1xx, 204 or 304, whatever `end(body)` is given (it sets
 * `_hasBody = false` for them; checked with Node 20: the headers, including a written Content-Length, go out and the
 * body does not).
 */
export function statusSendsBody(status: number): boolean {
  return !(status === 204 || status === 304 || (status >= 100 && status < 200));
}

/** The body bytes on the wire for an answer written with this status: '' when Node drops it. */
export function bodyOnWire(status: number, bodyText: string): string {
  return statusSendsBody(status) ? bodyText : '';
}

/**
 * A 1xx other than 101 is an interim response to Go's client: it reads it and keeps waiting for the final one, which
 * never comes (Node considers the exchange finished), so the call ends at the client's timeout. Go's transport treats
 * 101 as final ("treat 101 as a terminal status", net/http transport.go, golang/go#26161): with no Upgrade header it
 * is a final answer whose body is empty. (protocols.md A.2 says "1xx → 90004" without this exception; Go's code wins.)
 */
export function isInterimStatus(status: number): boolean {
  return status >= 100 && status < 200 && status !== 101;
}

/** What the IM server received for a planned answer: the status and the body bytes Node really sends. */
export function sentOnWire(plan: PlannedAnswer): OutcomeInput['sent'] {
  if (plan.action !== 'respond') return { action: plan.action };
  return { action: 'respond', status: plan.status, bodyText: bodyOnWire(plan.status, plan.bodyText) };
}

/** The timeout a prediction uses: Tencent's fixed 2 s; OpenIM min(timeout, 15 s) (0 = 15 s). */
export function predictionTimeoutMs(dialect: DialectOrUnknown, serverTimeoutMs: number): number {
  if (dialect === 'tencent') return TENCENT_TIMEOUT_MS;
  return serverTimeoutMs > 0 ? Math.min(serverTimeoutMs, OPENIM_HARD_LIMIT_MS) : OPENIM_HARD_LIMIT_MS;
}

/**
 * The outcome input's `sent` when the client (the IM server) closed the connection before the answer went out:
 * the planned answer when it would have left at or after the server's timeout (so the prediction says it came too
 * late: the server's timeout outcome), else no answer at all (the server gave up early). Either way the capture
 * gets the outcome the server really produced, rather than none.
 */
export function sentWhenClientLeft(
  plan: PlannedAnswer | null,
  sendElapsedMs: number,
  limitMs: number,
): OutcomeInput['sent'] {
  if (plan && plan.action === 'respond' && sendElapsedMs >= limitMs) return sentOnWire(plan);
  return { action: 'no-response' };
}
/** Case-insensitive header look-up (Go canonicalises `operationID` to `Operationid` on the wire). */
/**
 * Why no answer was read, in words: what the caller saw when it is known ("no answer came back: connection refused"),
 * else the fault's name ("no answer came back (close)"). One failure is told the same way in outcome and checks.
 */
export function noAnswerReason(sent: Exclude<OutcomeInput['sent'], { action: 'respond' }>): string {
  return sent.error !== undefined ? `no answer came back: ${sent.error}` : `no answer came back (${sent.action})`;
}

export function getHeader(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value = headers[key];
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'string') return value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * How a request target's path and query are read — by the listener for every callback, and for the requests the
 * engine plays (send, replay) — one way: the first value of a repeated key wins, like Go's `url.Values.Get` that
 * both IM servers' handlers and app backends use. shared/ has no DOM or Node types, so no URL or URLSearchParams.
 */

export interface SplitUrl {
  /** `/` when the URL names none. */
  path: string;
  /** Decoded, first value per key; own data properties only (`__proto__` is a key like any other). */
  query: Record<string, string>;
  /** The query as written, without `?`. */
  rawQuery: string;
}

/** UTF-8 sequence length announced by a lead byte (0: not a lead byte). */
const sequenceLength = (byte: number): number =>
  byte < 0x80 ? 1 : byte < 0xc2 ? 0 : byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : byte < 0xf5 ? 4 : 0;

/** Whether `byte` may follow `lead` in a UTF-8 sequence (the second byte is narrower after E0, ED, F0 and F4). */
function continues(lead: number, byte: number, second: boolean): boolean {
  if (!second) return (byte & 0xc0) === 0x80;
  const [low, high] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  return byte >= low && byte <= high;
}

/**
 * A run of %XX escapes that is not valid UTF-8, decoded as URLSearchParams does: each maximal broken part of a
 * sequence becomes one U+FFFD.
 */
function decodeBadRun(run: string): string {
  const bytes = run
    .slice(1)
    .split('%')
    .map((pair) => Number.parseInt(pair, 16));
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    let next = i + 1;
    while (next < i + length && next < bytes.length && continues(lead, bytes[next] as number, next === i + 1))
      next += 1;
    out += length > 0 && next === i + length ? String.fromCodePoint(...utf8(bytes.slice(i, next))) : '\uFFFD';
    i = next;
  }
  return out;
}

/** The code point of one complete, valid UTF-8 sequence. */
function utf8(seq: number[]): [number] {
  const [first = 0, ...rest] = seq;
  const mask = [0, 0x7f, 0x1f, 0x0f, 0x07][seq.length] ?? 0;
  return [rest.reduce((code, byte) => (code << 6) | (byte & 0x3f), first & mask)];
}

/** One query component: `+` is a space, %XX escapes decoded, an escape that is not one stays as written. */
function decodeComponent(text: string): string {
  if (text.indexOf('%') < 0) return text.indexOf('+') < 0 ? text : text.replace(/\+/g, ' ');
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9a-f]{2})+|%/gi, (run) => {
      if (run === '%') return run;
      try {
        return decodeURIComponent(run);
      } catch {
        return decodeBadRun(run);
      }
    });
  }
}

/** The query string's values, decoded; the first occurrence of a key wins. */
export function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (search === '') return query;
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    if (Object.hasOwn(query, key)) continue;
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    // Assigning `__proto__` would set the prototype (or be ignored): that one key is defined instead.
    if (key === '__proto__') {
      Object.defineProperty(query, key, { value, enumerable: true, writable: true, configurable: true });
    } else query[key] = value;
  }
  return query;
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The path and decoded query of an origin-relative or absolute URL (any `#fragment` left out). */
export function splitUrl(url: string): SplitUrl {
  const hash = url.indexOf('#');
  const end = hash < 0 ? url.length : hash;
  const start = url.charCodeAt(0) === 47 /* "/" */ ? 0 : (ORIGIN.exec(url)?.[0].length ?? 0);
  const mark = url.indexOf('?', start);
  if (mark < 0 || mark > end) return { path: url.slice(start, end) || '/', query: {}, rawQuery: '' };
  const rawQuery = url.slice(mark + 1, end);
  return { path: url.slice(start, mark) || '/', query: parseQuery(rawQuery), rawQuery };
}
