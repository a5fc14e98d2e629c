import type { ListenerStatus, SendRequest } from '../../../shared/contract/index.js';
import { reachableHost, serverUrl } from '../addresses.js';
import { type ExchangeAgents, endToEndHeaders, exchange, flatHeaders } from './http-exchange.js';

/**
 * Longer than anything the listener can make a request wait (a hold, a decision's delay of up to 60 s, a
 * no-response fault's 60 s): the resend is never what gives up first, so its capture is the listener's own.
 */
const RESEND_TIMEOUT_MS = 5 * 60_000;

/**
 * v1 `POST /api/send`: posts a sample or a captured request to the engine's own listener, which captures it like
 * any callback. Fire and forget: the answer is the listener's to record; a failure is only logged.
 */
export function resend(
  status: ListenerStatus,
  request: SendRequest,
  agents: ExchangeAgents,
  log: (line: string) => void,
): void {
  if (status.state !== 'listening') {
    log(`send: the listener is not running (${status.error ?? status.state})`);
    return;
  }
  const query = new URLSearchParams(request.query ?? {}).toString();
  const given = flatHeaders(request.headers ?? {});
  // Sent as the IM server would: never with a browser's Origin (a resent browser capture would be refused again).
  const headers = endToEndHeaders(given, ['host', 'content-length', 'origin']);
  if (!headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-type')) {
    headers.unshift('content-type', 'application/json; charset=utf-8');
  }
  const path = query === '' ? request.path : `${request.path}?${query}`;
  void exchange({
    url: `${serverUrl(reachableHost(status.host), status.port)}${path}`,
    method: 'POST',
    headers,
    body: request.bodyText,
    timeoutMs: RESEND_TIMEOUT_MS,
    agents,
  }).then((result) => {
    if (!result.ok) log(`send ${request.path}: ${result.failure.message}`);
  });
}
