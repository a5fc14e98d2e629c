import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CaptureResponse } from '../../../shared/contract/index.js';

/**
 * What Node's HTTP parser refuses before the engine sees a request (product.md §1 v2): each gets a JSON error body
 * (431 for oversized headers, 408 when too slow, 400 otherwise); a request whose request line was read is captured;
 * answers to complete pipelined requests ahead of it go out first.
 */

/** Why the HTTP layer refused a request, as it is answered and recorded. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** A request line (method, target) the parser read before it refused the rest. */
export interface RequestLine {
  method: string;
  url: string;
}

/** Per connection: answers not finished yet, a refusal waiting for them, the request whose body is being read. */
interface ConnectionState {
  open: number;
  waiting: (() => void) | null;
  /** The request whose body is being read, and how to finish it as refused (it has its own response object). */
  reading: { req: IncomingMessage; refuse: (refusal: Refusal) => void } | null;
}

const connections = new WeakMap<Duplex, ConnectionState>();

function stateOf(socket: Duplex): ConnectionState {
  let state = connections.get(socket);
  if (!state) {
    state = { open: 0, waiting: null, reading: null };
    connections.set(socket, state);
  }
  return state;
}

/**
 * Tracks one request on its connection: `refuse` (set while its body is read) lets a later parser error answer it;
 * a refusal of a later pipelined request waits until this answer is finished.
 */
export function trackRequest(req: IncomingMessage, res: ServerResponse, refuse: (refusal: Refusal) => void): void {
  const state = stateOf(req.socket);
  const reading = { req, refuse };
  state.open += 1;
  // Cleared when its answer is finished; until then `req.complete` says whether its body is still being read.
  state.reading = reading;
  res.once('close', () => {
    state.open -= 1;
    if (state.reading === reading) state.reading = null;
    if (state.open === 0 && state.waiting) {
      const run = state.waiting;
      state.waiting = null;
      run();
    }
  });
}

/** The refusal for a parser or timeout error (`clientError`). */
export function refusalFor(err: NodeJS.ErrnoException): Refusal {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'headers-too-large',
        message: 'request headers are too large (over 16 KiB, or too many headers)',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'request-timeout', message: 'the request was not received in time' };
    default:
      return { status: 400, code: 'bad-request', message: `malformed HTTP request (${err.code ?? 'parse error'})` };
  }
}

/** Errors the parser raises before it has read a request line: nothing of a request to capture. */
const BEFORE_REQUEST_LINE = new Set([
  'HPE_INVALID_METHOD',
  'HPE_INVALID_URL',
  'HPE_INVALID_CONSTANT',
  'HPE_INVALID_VERSION',
]);
const REQUEST_LINE = /(?:^|\n)([A-Z][A-Z-]{0,31}) ([\x21-\x7e]{1,8192}) HTTP\/1\.[01]\r?\n/g;

/** The request line of the refused request, when the parser had read it (the last one before the error point). */
export function requestLineOf(
  err: NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number },
): RequestLine | null {
  if (err.code === undefined || BEFORE_REQUEST_LINE.has(err.code) || !err.rawPacket) return null;
  const end = Math.min(err.rawPacket.length, err.bytesParsed ?? err.rawPacket.length);
  const head = err.rawPacket.toString('latin1', 0, end);
  let found: RequestLine | null = null;
  for (const m of head.matchAll(REQUEST_LINE)) found = { method: m[1] as string, url: m[2] as string }; // both groups always match
  return found;
}

/**
 * Refuses the request whose body is being read on this connection (broken chunk framing, too slow): it has its own
 * response object and is answered and captured like any bad input. False when no request is being read.
 */
export function refuseReading(socket: Duplex, refusal: Refusal): boolean {
  const reading = stateOf(socket).reading;
  // A complete request (its 'end' just not emitted yet: pipelined ahead of the bad bytes) is answered normally.
  if (!reading || reading.req.complete) return false;
  reading.refuse(refusal);
  return true;
}

/**
 * Answers a refusal on the raw socket, after the answers to the requests ahead of it on the same connection, then
 * closes the connection (the parser cannot go on). Returns the response as written, for the capture.
 */
export function refuseOnSocket(socket: Duplex, refusal: Refusal, extra: Record<string, string> = {}): CaptureResponse {
  const bodyText = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(bodyText)),
    ...extra,
    connection: 'close',
  };
  const state = stateOf(socket);
  const write = (): void => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${refusal.status} ${REASONS[refusal.status] ?? 'Error'}\r\n${head}\r\n${bodyText}`);
  };
  if (state.open === 0) write();
  else state.waiting = write;
  return { status: refusal.status, headers, bodyText };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
