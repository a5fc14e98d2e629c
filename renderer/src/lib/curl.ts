import type { Capture } from '../../../shared/contract/index.js';

/** POSIX single-quote escaping: close, escaped quote, reopen. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// Hop-by-hop or recomputed by curl itself.
const SKIPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

/** "Copy as cURL": replays the request exactly as it reached the listener. */
export function toCurl(capture: Capture): string {
  const parts = [`curl -X ${capture.request.method} ${shellQuote(capture.request.url)}`];
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
