// The shell's own calls to the engine's control API (File → Export/Import, Hold mode, Clear), made from the main
// process with the bearer token, exactly as any other client would, through the one HTTP exchange in electron/.
import { STATUS_CODES } from 'node:http';
import {
  type ApiError,
  type ExportFormat,
  type HoldMode,
  ROUTES,
  type RouteName,
  type RouteReply,
} from '../shared/contract/index.js';
import { exchange } from './engine/outbound/http-exchange.js';

/** A whole export or import may take a while on a full store: as long as `fetch` waits for an answer's head. */
const CONTROL_TIMEOUT_MS = 300_000;

function failure(status: number, text: string, what: string): Error {
  let message = text.slice(0, 500) || STATUS_CODES[status] || '';
  try {
    const body: Partial<ApiError> = JSON.parse(text);
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the raw text
  }
  return new Error(`${what} failed (HTTP ${status}): ${message}`);
}

/** One control API call; the answer's text, or an Error that says `what` failed and why. */
async function call(
  controlUrl: string,
  token: string,
  route: RouteName,
  what: string,
  options: { query?: Record<string, string>; json?: string } = {},
): Promise<string> {
  const { method, path } = ROUTES[route];
  const url = new URL(path, controlUrl);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
  const headers = ['Authorization', `Bearer ${token}`];
  if (options.json !== undefined) headers.push('Content-Type', 'application/json');
  const result = await exchange({
    url: url.href,
    method,
    headers,
    body: options.json ?? '',
    timeoutMs: CONTROL_TIMEOUT_MS,
    retryStale: true,
  });
  if (!result.ok) throw new Error(`${what} failed: ${result.failure.message}`);
  const { status, body } = result.answer;
  const text = body.toString('utf8');
  if (status < 200 || status > 299) throw failure(status, text, what);
  return text;
}

export function exportSession(controlUrl: string, token: string, format: ExportFormat): Promise<string> {
  return call(controlUrl, token, 'exportSession', 'Export', { query: { format } });
}

export async function importSession(
  controlUrl: string,
  token: string,
  content: string,
): Promise<RouteReply<'importSession'>> {
  const text = await call(controlUrl, token, 'importSession', 'Import', { json: content });
  const body: Partial<RouteReply<'importSession'>> = JSON.parse(text);
  return { imported: body.imported ?? 0, skipped: body.skipped ?? 0, duplicates: body.duplicates ?? 0 };
}

/** Menu → Hold mode: the same PATCH /api/settings the window's Hold select sends. */
export async function setHoldMode(controlUrl: string, token: string, mode: HoldMode): Promise<void> {
  await call(controlUrl, token, 'patchSettings', 'Setting the hold mode', { json: JSON.stringify({ hold: { mode } }) });
}

/** Menu → Clear captures (after the shell's confirmation). */
export async function clearCaptures(controlUrl: string, token: string): Promise<void> {
  await call(controlUrl, token, 'clearCaptures', 'Clear');
}
