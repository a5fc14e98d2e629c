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
