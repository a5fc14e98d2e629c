import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlApiError } from '../../../shared/contract/index.js';
import { jsonDeeperThan, MAX_JSON_DEPTH } from '../../../shared/protocol/index.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ControlApiError): void {
  const body = err.toBody();
  // After a 413 the rest of the body is read and dropped (control-server): a client still sending gets this answer
  // instead of a broken pipe (closing the connection here reset it under an upload of an import).
  const headers: Record<string, string> = {};
  if (err.status === 405 && typeof err.details === 'object' && err.details !== null && 'allow' in err.details) {
    headers.allow = String(err.details.allow);
  }
  sendJson(res, err.status, body, headers);
}

/** Reads the whole body as UTF-8, refusing more than `limit` bytes with 413 (checked before and while reading). */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new ControlApiError(413, 'body-too-large', `request body over ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new ControlApiError(413, 'body-too-large', `request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', (error) => {
      if (failed) return;
      failed = true;
      reject(new ControlApiError(400, 'body-error', `could not read request body: ${error.message}`));
    });
  });
}

/** Parses a JSON body; an empty or malformed body is 400 `invalid-json`. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new ControlApiError(400, 'invalid-json', 'request body is empty; expected JSON');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ControlApiError(400, 'invalid-json', `request body is not valid JSON: ${errorMessage(error)}`);
  }
  // A value this deep could not be serialised back (a Decision's override, a rule value): refused up front.
  if (jsonDeeperThan(text)) {
    throw new ControlApiError(400, 'body-too-deep', `request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
