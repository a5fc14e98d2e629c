import { createHash } from 'node:crypto';
import { type Capture, CaptureMetaSchema, CaptureRequestSchema } from '../../../shared/contract/index.js';
import { identify as identifyRequest } from '../../../shared/protocol/identify.js';
import type { Identification, IncomingRequest } from '../../../shared/protocol/types.js';
import { dropUndefined } from './capture-schema.js';
import type { Har, HarEntry, HarNameValue } from './har-schema.js';

/** Custom HAR field holding what HAR has no place for, so export → import keeps it. */
export const HAR_EXTRA_FIELD = '_callbackInspector';

export type Identify = (request: IncomingRequest) => Identification;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const toPairs = (record: Record<string, string>): HarNameValue[] =>
  Object.entries(record).map(([name, value]) => ({ name, value }));

const headerValue = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

function absoluteUrl(capture: Capture): string {
  const url = capture.request.url;
  if (/^https?:\/\//i.test(url)) return url;
  const host = headerValue(capture.request.headers, 'host') ?? '127.0.0.1';
  return `http://${host}${url.startsWith('/') ? url : `/${url}`}`;
}

function captureToEntry(capture: Capture): HarEntry {
  const { request, response } = capture;
  const latency = capture.latencyMs ?? 0;
  const requestType = headerValue(request.headers, 'content-type') ?? 'application/json';
  const responseType = response ? (headerValue(response.headers, 'content-type') ?? '') : '';
  const responseSize = response ? Buffer.byteLength(response.bodyText) : 0;
  const { request: _req, response: _res, ...meta } = capture;
  const extra = {
    ...meta,
    request: {
      url: request.url,
      path: request.path,
      query: request.query,
      ...(request.parseError !== undefined ? { parseError: request.parseError } : {}),
      ...(request.truncated !== undefined ? { truncated: request.truncated } : {}),
    },
    response: response === null ? null : response.fault ? { fault: response.fault } : {},
  };
  return {
    startedDateTime: new Date(capture.receivedAt).toISOString(),
    time: latency,
    request: {
      method: request.method,
      url: absoluteUrl(capture),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: toPairs(request.headers),
      queryString: toPairs(request.query),
      postData: { mimeType: requestType, text: request.bodyText },
      headersSize: -1,
      bodySize: Buffer.byteLength(request.bodyText),
    },
    response: {
      status: response?.fault ? 0 : (response?.status ?? 0),
      statusText: response && !response.fault ? (STATUS_TEXT[response.status] ?? '') : '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: response ? toPairs(response.headers) : [],
      content: { size: responseSize, mimeType: responseType, text: response?.bodyText ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: response && !response.fault ? responseSize : -1,
    },
    cache: {},
    timings: { send: 0, wait: latency, receive: 0 },
    [HAR_EXTRA_FIELD]: extra,
  };
}

/** HAR 1.2 log of the captures (oldest first). */
export function capturesToHar(captures: readonly Capture[], version: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Callback Inspector', version },
      pages: [],
      entries: captures.map(captureToEntry),
    },
  };
}

const fromPairs = (pairs: readonly HarNameValue[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const { name, value } of pairs) out[name] = name in out ? `${out[name]}, ${value}` : value;
  return out;
};

function parseBody(text: string): { body?: unknown; parseError?: string } {
  if (text.trim() === '') return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (error) {
    return { parseError: error instanceof Error ? error.message : String(error) };
  }
}

/** Builds one Capture from a HAR entry; null when the entry cannot become one. */
export function entryToCapture(entry: HarEntry, index: number, identify: Identify = identifyRequest): Capture | null {
  const url = safeUrl(entry.request.url);
  const bodyText = entry.request.postData?.text ?? '';
  const headers = fromPairs(entry.request.headers);
  const responseHeaders = fromPairs(entry.response.headers);
  const extraRaw: unknown = entry[HAR_EXTRA_FIELD];
  const extra = isRecord(extraRaw) ? extraRaw : null;
  const extraRequest = extra && isRecord(extra.request) ? extra.request : {};
  const extraResponse = extra && 'response' in extra ? extra.response : undefined;

  const requestInput = {
    method: entry.request.method,
    url: typeof extraRequest.url === 'string' ? extraRequest.url : url ? `${url.pathname}${url.search}` : '/',
    path: url?.pathname ?? '/',
    query: url ? Object.fromEntries(url.searchParams) : {},
    ...parseBody(bodyText),
    // What the listener recorded (its own parse error message, the raw URL) wins over re-deriving it.
    ...extraRequest,
    headers,
    bodyText,
  };
  const request = CaptureRequestSchema.safeParse(requestInput);
  if (!request.success) return null;

  const fault = isRecord(extraResponse) ? extraResponse.fault : undefined;
  const hasResponse = extraResponse === undefined ? entry.response.status > 0 : extraResponse !== null;
  const response = hasResponse
    ? {
        status: entry.response.status,
        headers: responseHeaders,
        bodyText: entry.response.content.text ?? '',
        ...(fault === 'no-response' || fault === 'close' || fault === 'reset' ? { fault } : {}),
      }
    : null;

  let metaInput: Record<string, unknown>;
  if (extra) {
    metaInput = { ...extra };
  } else {
    const id = identify({
      method: request.data.method,
      path: request.data.path,
      query: request.data.query,
      headers,
      body: request.data.body,
    });
    metaInput = {
      // From the entry's content, not its position: importing the same HAR again finds the same ids.
      id: `har-${harEntryDigest(entry.startedDateTime, request.data.method, request.data.url, bodyText)}`,
      seq: index + 1,
      receivedAt: Date.parse(entry.startedDateTime),
      dialect: id.dialect,
      command: id.command,
      phase: id.phase,
      identifiedBy: id.via,
      state: response ? 'answered' : 'failed',
      latencyMs: entry.time,
    };
  }
  const meta = CaptureMetaSchema.safeParse(metaInput);
  if (!meta.success) return null;
  // Checked by the two schemas above; the cast only bridges zod's `T | undefined` optional typing.
  return dropUndefined({ ...meta.data, request: request.data, response }) as Capture;
}

function harEntryDigest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 16);
}

export function harToCaptures(har: Har, identify?: Identify): { captures: Capture[]; skipped: number } {
  const captures: Capture[] = [];
  let skipped = 0;
  har.log.entries.forEach((entry, index) => {
    const capture = entryToCapture(entry, index, identify);
    if (capture) captures.push(capture);
    else skipped++;
  });
  return { captures, skipped };
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text, 'http://127.0.0.1');
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
