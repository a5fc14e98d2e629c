import type { DialectOrUnknown } from '../contract/capture.js';
import type { OutcomeInput, PlannedAnswer } from './types.js';

/** Tencent's callback timeout, fixed (B.1). Here, not in outcome-tencent.ts, so wire.ts imports no outcome code. */
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
