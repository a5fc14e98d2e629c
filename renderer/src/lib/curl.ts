import type { Capture } from '../../../shared/contract/index.js';

/**
 * POSIX single-quote escaping: close, escaped quote, reopen. Every part of the command goes through it (method,
 * URL, headers, body): a captured request is attacker-controlled, and one unquoted part (a method such as
 * `` `touch pwned` ``) ran commands when the copied line was pasted into a shell.
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// Hop-by-hop or recomputed by curl itself.
const SKIPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

/**
 * "Copy as cURL": replays the request exactly as it reached the listener at `listenerUrl` (e.g.
 * `http://127.0.0.1:10006`). The capture keeps only the request target (`/cb/x?a=1`), which curl cannot use alone.
 * A capture the inspector sent went to a backend, not to the listener: its URL is already the whole address.
 */
export function toCurl(capture: Capture, listenerUrl: string): string {
  const url = capture.origin === 'sent' ? capture.request.url : fullUrl(listenerUrl, capture.request.url);
  const parts = [`curl -X ${shellQuote(capture.request.method)} ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(capture.request.headers)) {
    if (SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (capture.request.bodyText !== '') parts.push(`--data-raw ${shellQuote(capture.request.bodyText)}`);
  return parts.join(' \\\n  ');
}

/** Headers to resend through `POST /api/send` (the engine sets host and length itself). */
export function resendHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!SKIPPED_HEADERS.has(name.toLowerCase())) out[name] = value;
  return out;
}

/** The listener's address plus the request target as received (any absolute form is kept as a path on the listener). */
export function fullUrl(listenerUrl: string, target: string): string {
  const base = listenerUrl.replace(/\/+$/, '');
  return `${base}${target.startsWith('/') ? target : `/${target}`}`;
}
