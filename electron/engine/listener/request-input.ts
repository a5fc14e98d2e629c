import type { ServerResponse } from 'node:http';
import type { CaptureRequest, CaptureResponse, Settings } from '../../../shared/contract/index.js';
import { type IncomingRequest, jsonDeeperThan, MAX_JSON_DEPTH } from '../../../shared/protocol/index.js';
import type { Refusal } from './http-rejects.js';

/**
 * A request whose body has been read (up to the size limit): the capture's request fields as received, plus when it
 * arrived. `truncated` is always present here (true: `bodyText` holds only the first `maxBodyBytes` bytes).
 */
export interface RawRequest extends Pick<CaptureRequest, 'method' | 'url' | 'path' | 'query' | 'headers' | 'bodyText'> {
  /** The headers as received ([name, value, …], names in their case): what upstream mode forwards. */
  rawHeaders: string[];
  /** The body's bytes (`bodyText` decodes them as UTF-8): what upstream mode forwards. */
  bodyBytes: Buffer;
  truncated: boolean;
  receivedAt: number;
  /** performance.now() when the request arrived, for latency. */
  startedAt: number;
  /** The HTTP layer refused it while its body was read (broken framing, too slow): answered so, never decided. */
  refused?: Refusal;
}

/** Why a request gets a 4xx instead of a decision (it is still captured). */
export interface BadInput {
  status: number;
  code: string;
  message: string;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** The body of the 500 a request gets when handling it fails inside the engine (never leaves it unanswered). */
const INTERNAL_ERROR_BODY = JSON.stringify({ error: { code: 'internal', message: 'internal error' } });

/** Last line of defence: a 500 with a JSON body, unless an answer already started; returns what was sent. */
export function answerInternalError(res: ServerResponse): CaptureResponse | null {
  if (res.headersSent || res.writableEnded) return null;
  res.writeHead(500, JSON_HEADERS);
  res.end(INTERNAL_ERROR_BODY);
  return { status: 500, headers: JSON_HEADERS, bodyText: INTERNAL_ERROR_BODY };
}

/** The HTTP layer refused the request mid-body (framing, time): the connection cannot be reused. */
export const closesConnection = (raw: RawRequest, bad: BadInput): boolean => bad.status === 413 || raw.refused === bad;

/** The parsed body, or why the request gets a 4xx instead of a decision (it is still captured). */
export function readInput(
  raw: RawRequest,
  settings: Settings,
): { body: unknown; parseError?: string; bad: BadInput | null } {
  const { maxBodyBytes } = settings.capture;
  if (raw.refused) return { body: undefined, bad: raw.refused };
  // IM servers send no Origin; a browser always does (product.md §1 v2): a web page must not drive the inspector.
  if (raw.headers.origin !== undefined && !settings.listener.allowBrowserOrigins) {
    const message = `requests from a web page (Origin ${raw.headers.origin}) are refused: IM servers send no Origin header; set listener.allowBrowserOrigins to accept them`;
    // Still read as far as it is safe, so the capture shows what the page sent (parties, fields).
    const read = raw.truncated || raw.method !== 'POST' ? null : readInput({ ...raw, headers: {} }, settings);
    return { body: read?.bad === null ? read.body : undefined, bad: { status: 403, code: 'browser-origin', message } };
  }
  if (raw.truncated) {
    const message = `request body is larger than ${maxBodyBytes} bytes`;
    return { body: undefined, bad: { status: 413, code: 'body-too-large', message } };
  }
  if (raw.method !== 'POST') {
    const message = `${raw.method} is not accepted: callbacks are POST`;
    return { body: undefined, bad: { status: 405, code: 'method-not-allowed', message } };
  }
  try {
    const body = JSON.parse(raw.bodyText) as unknown;
    if (jsonDeeperThan(raw.bodyText)) {
      const parseError = `nested deeper than ${MAX_JSON_DEPTH} levels`;
      const message = `request body is ${parseError}: refused (callbacks nest a few levels)`;
      return { body: undefined, parseError, bad: { status: 400, code: 'body-too-deep', message } };
    }
    return { body, bad: null };
  } catch (err) {
    const parseError = raw.bodyText === '' ? 'empty body' : err instanceof Error ? err.message : String(err);
    const message = `request body is not JSON: ${parseError}`;
    return { body: undefined, parseError, bad: { status: 400, code: 'invalid-json', message } };
  }
}

/** The JSON error answer to bad input; `closing`: the connection is not reused (refused body, engine stopping). */
export function badInputResponse(bad: BadInput, closing: boolean): CaptureResponse {
  const bodyText = JSON.stringify({ error: { code: bad.code, message: bad.message } });
  const headers: Record<string, string> = { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(bodyText)) };
  if (bad.status === 405) headers.allow = 'POST';
  if (closing) headers.connection = 'close';
  return { status: bad.status, headers, bodyText };
}

/** The request as the protocol core reads it. */
export function incomingRequest(raw: RawRequest, body: unknown, parseError: string | undefined): IncomingRequest {
  const request: IncomingRequest = {
    method: raw.method,
    path: raw.path,
    query: raw.query,
    headers: raw.headers,
    body,
    bodyText: raw.bodyText,
  };
  // Assigned, not spread from a conditional object literal: one object less per request.
  if (parseError !== undefined) request.parseError = parseError;
  return request;
}
