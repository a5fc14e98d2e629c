import type { Capture, Decision } from '../../../shared/contract/index.js';
import { prettyJson } from './format.js';
import { type DiffLine, lineDiff } from './line-diff.js';

export interface AnswerDiff {
  /** Nothing a person would notice changed. */
  identical: boolean;
  status: { from: number | null; to: number | null } | null;
  /** Header changes, by lower-case name: [name, backend value or null, sent value or null]. */
  headers: [string, string | null, string | null][];
  body: DiffLine[];
}

/**
 * Headers that only frame the message; they differ between any two answers and say nothing about the content. A
 * compressed backend answer is recorded as text and relayed decompressed, so its Content-Encoding is framing too.
 */
const FRAMING = new Set([
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
]);
function lowerHeaders(headers: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!FRAMING.has(lower)) out.set(lower, value);
  }
  return out;
}

/** The backend's answer against what was finally sent; null when either is missing. */
export function answerDiff(capture: Capture): AnswerDiff | null {
  const upstream = capture.upstream;
  const sent = capture.response;
  if (!upstream || upstream.status === null || !sent) return null;
  const sentStatus = sent.fault ? null : sent.status;
  const status = upstream.status === sentStatus ? null : { from: upstream.status, to: sentStatus };
  const before = lowerHeaders(upstream.headers);
  const after = lowerHeaders(sent.fault ? {} : sent.headers);
  const headers: AnswerDiff['headers'] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? null;
    const b = after.get(name) ?? null;
    if (a !== b) headers.push([name, a, b]);
  }
  const body = lineDiff(prettyJson(upstream.bodyText), prettyJson(sent.bodyText));
  const identical = status === null && headers.length === 0 && body.every((l) => l.kind === 'same');
  return { identical, status, headers, body };
}

/** The decision that sends the backend's answer exactly as it came ("Send as is"), or null when none came. */
export function proposalDecision(capture: Capture): Decision | null {
  const upstream = capture.upstream;
  if (!upstream || upstream.status === null) return null;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (!FRAMING.has(name.toLowerCase()) || name.toLowerCase() === 'date') headers[name] = value;
  }
  return { verdict: 'allow', raw: { status: upstream.status, headers, bodyText: upstream.bodyText } };
}

/** Where the backend's latency falls against the IM server's timeout: 0..1 of the bar, and its level. */
export function latencyGauge(
  latencyMs: number,
  timeoutMs: number,
): { fraction: number; level: 'ok' | 'slow' | 'late' } {
  const fraction = timeoutMs > 0 ? Math.min(1, latencyMs / timeoutMs) : 1;
  const level = latencyMs >= timeoutMs ? 'late' : latencyMs > timeoutMs / 2 ? 'slow' : 'ok';
  return { fraction, level };
}
