import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CaptureResponse } from '../../../shared/contract/index.js';
import { bodyOnWire, type PlannedAnswer } from '../../../shared/protocol/index.js';
import { headerRecord } from '../outbound/http-exchange.js';
import type { ExactAnswer } from '../upstream/upstream.js';

/** A `no-response` socket is held at most this long, then destroyed (the IM server gave up long before). */
export const NO_RESPONSE_MAX_MS = 60_000;

export interface WriteOptions {
  /** Ask the client to close the connection after this answer (engine stopping). */
  closeConnection: boolean;
  /** Sockets held open by `no-response`; the entry is removed when the socket closes. */
  lingering: Set<Socket>;
  /** An unchanged relay: the backend's own headers and bytes go out (the plan's text is what is recorded). */
  exact?: ExactAnswer | undefined;
}

/**
 * Carries out a planned answer on the wire: a normal (or deliberately broken) HTTP response, or one of the
 * faults that send none — no answer at all, a clean close (FIN), or a reset (RST). Returns what was sent.
 */
export function writeAnswer(res: ServerResponse, plan: PlannedAnswer, opts: WriteOptions): CaptureResponse {
  const socket = res.socket;
  switch (plan.action) {
    case 'respond': {
      if (opts.exact) return writeExact(res, plan, opts.exact, opts.closeConnection);
      const headers = framedHeaders(plan.headers);
      headers['content-length'] = String(Buffer.byteLength(plan.bodyText));
      if (opts.closeConnection) headers.connection = 'close';
      res.writeHead(plan.status, headers);
      res.end(plan.bodyText);
      // Recorded as sent: Node drops the body of a 1xx, 204 or 304 answer whatever end() is given.
      return { status: plan.status, headers, bodyText: bodyOnWire(plan.status, plan.bodyText) };
    }
    case 'no-response': {
      if (socket) holdOpen(socket, opts.lingering);
      break;
    }
    case 'close':
      // FIN without a status line: the client sees "socket hang up".
      socket?.end();
      break;
    case 'reset':
      if (socket) resetSocket(socket);
      break;
  }
  return { status: 0, headers: {}, bodyText: '', fault: plan.action };
}

/** Framing is the engine's: a relayed or hand-written answer's own length/encoding/connection headers are left out. */
const FRAMING = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
  'te',
]);

function framedHeaders(given: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in given) if (!FRAMING.has(name.toLowerCase())) headers[name] = given[name] as string; // own key
  return headers;
}

/**
 * Writes the backend's answer byte for byte (product.md §4 v3: "the relay still passes the backend's bytes through
 * unchanged", a compressed one compressed); only the framing is the engine's. The record keeps the inflated text.
 */
function writeExact(res: ServerResponse, plan: PlannedAnswer, exact: ExactAnswer, close: boolean): CaptureResponse {
  const flat: string[] = [];
  for (let i = 0; i + 1 < exact.headers.length; i += 2) {
    const name = exact.headers[i] as string; // i + 1 < length: both entries exist
    if (!FRAMING.has(name.toLowerCase())) flat.push(name, exact.headers[i + 1] as string);
  }
  flat.push('Content-Length', String(exact.body.length));
  if (close) flat.push('Connection', 'close');
  res.writeHead(plan.status, flat);
  res.end(exact.body);
  const sent = { status: plan.status, headers: headerRecord(flat), bodyText: bodyOnWire(plan.status, plan.bodyText) };
  return exact.truncated ? { ...sent, truncated: true } : sent;
}

function holdOpen(socket: Socket, lingering: Set<Socket>): void {
  lingering.add(socket);
  const timer = setTimeout(() => socket.destroy(), NO_RESPONSE_MAX_MS);
  timer.unref();
  socket.once('close', () => {
    clearTimeout(timer);
    lingering.delete(socket);
  });
}

function resetSocket(socket: Socket): void {
  // Node ≥ 16.17 / 18.3: RST instead of FIN; the client gets ECONNRESET.
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}
