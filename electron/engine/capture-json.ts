import type { Capture, CaptureSummaryText } from '../../shared/contract/index.js';

/** The two serialised forms of a finished capture, built from the same pieces. */
export interface CaptureJson {
  /** The NDJSON/store line: the capture without `request.body`. */
  line: string;
  /** `{"type":…,"capture":<CaptureSummary>}`, or null when no event was asked for. */
  event: string | null;
}

const str = JSON.stringify;
/** JSON.stringify's rendering of a number (non-finite numbers become null). */
const num = (n: number | null): string => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/**
 * Serialises a capture once for both places it goes: the log line (with bodies) and the event summary (without).
 * The parts the two share (everything but the two body texts) are stringified one time and joined; before, each
 * finished capture went through JSON.stringify twice (the line, then the summary event), plus a copy of the
 * capture and a summary object. The field list mirrors `Capture`/`CaptureSummary` (capture-json.test.ts checks
 * the result against plain JSON.stringify of `toSummary` and of the capture).
 */
export function captureJson(
  c: Capture,
  text: CaptureSummaryText | null,
  eventType: 'capture.added' | 'capture.updated' | null,
): CaptureJson {
  const rq = c.request;
  const rs = c.response;
  // Every piece is serialised once; the two strings are then each joined from them in one copy. (Array join gives a
  // flat string; `+`/template joins would give ropes, whose pieces survive scavenges while the store or the event
  // batch holds them, and which are flattened again when encoded.)
  const head = [
    '{"id":',
    str(c.id),
    ',"seq":',
    num(c.seq),
    ',"receivedAt":',
    num(c.receivedAt),
    ',"dialect":',
    str(c.dialect),
    ',"command":',
    str(c.command ?? null),
    ',"phase":',
    str(c.phase),
    ',"state":',
    str(c.state),
    ',"decidedBy":',
    str(c.decidedBy ?? null),
    ',"request":{"method":',
    str(rq.method),
    ',"url":',
    str(rq.url),
    ',"path":',
    str(rq.path),
    ',"query":',
    str(rq.query),
    ',"headers":',
    str(rq.headers),
    rq.parseError !== undefined ? `,"parseError":${str(rq.parseError)}` : '',
    rq.truncated !== undefined ? `,"truncated":${str(rq.truncated)}` : '',
  ];
  const response = rs
    ? `{"status":${num(rs.status)},"headers":${str(rs.headers)}${rs.fault !== undefined ? `,"fault":${str(rs.fault)}` : ''}`
    : 'null';
  const tail = [
    ',"findings":',
    str(c.findings),
    ',"decision":',
    str(c.decision ?? null),
    ',"latencyMs":',
    num(c.latencyMs),
    ',"outcome":',
    str(c.outcome ?? null),
    ',"hold":',
    str(c.hold ?? null),
    ',"identifiedBy":',
    str(c.identifiedBy),
    c.imported !== undefined ? `,"imported":${str(c.imported)}` : '',
  ];
  const withBodies = head.concat(
    ',"bodyText":',
    str(rq.bodyText),
    '},"response":',
    response,
    rs ? `,"bodyText":${str(rs.bodyText)}}` : '',
    tail,
    '}',
  );
  const line = withBodies.join('');
  if (eventType === null || text === null) return { line, event: null };
  // The summary: the same pieces without the two body texts, plus the summary text, inside the event.
  head[0] = `{"type":"${eventType}","capture":{"id":`;
  const event = head
    .concat('},"response":', rs ? `${response}}` : 'null', tail, ',"summary":', str(text), '}}')
    .join('');
  return { line, event };
}
