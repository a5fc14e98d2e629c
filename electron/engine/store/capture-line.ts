import type { Capture, CaptureSummaryText } from '../../../shared/contract/index.js';
import { type IdentifiedBy, jsonDeeperThan, summarize } from '../../../shared/protocol/index.js';

/**
 * One capture as one JSON line: the NDJSON log format, and the form the store keeps a finished capture in (as the
 * line's bytes in the line arena, see line-arena.ts). `request.body` is never written: it is re-parsed from
 * `request.bodyText` when a capture is read.
 */
export function captureToLine(capture: Capture): string {
  if (capture.request.body === undefined) return JSON.stringify(capture);
  const { body: _body, ...request } = capture.request;
  return JSON.stringify({ ...capture, request });
}

/** The capture of a line, or null for a torn or foreign line. */
export function lineToCapture(line: string): Capture | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  // Lines come from this engine; a shape check guards against hand edits and torn writes.
  const c = value as Capture;
  if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || typeof c.seq !== 'number') return null;
  if (typeof c.request !== 'object' || c.request === null || typeof c.request.bodyText !== 'string') return null;
  return c;
}

/** A copy with `request.body` parsed from its text (the stored form keeps only the text). */
export function withBody(capture: Capture): Capture {
  const { request } = capture;
  if (request.body !== undefined || request.parseError !== undefined || request.truncated || request.bodyText === '') {
    return capture;
  }
  // An imported or old capture may hold a body too deep to serialise again: it is shown as text only.
  if (jsonDeeperThan(request.bodyText)) return capture;
  try {
    return { ...capture, request: { ...request, body: JSON.parse(request.bodyText) as unknown } };
  } catch {
    return capture;
  }
}

/** The one-line summary of a stored capture (log reload, import, and finished captures read from the store). */
export function summaryText(capture: Capture): CaptureSummaryText {
  const { parties, text } = summarize(
    {
      dialect: capture.dialect,
      command: capture.command,
      phase: capture.phase,
      // Stored captures carry the value identify() produced; an unknown string only affects nothing here.
      via: capture.identifiedBy as IdentifiedBy,
    },
    withBody(capture).request.body,
  );
  return { parties, text };
}
