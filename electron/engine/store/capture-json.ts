import type { Capture, CaptureSummaryText, EngineEvent } from '../../../shared/contract/index.js';

type CaptureEvent = Extract<EngineEvent, { type: 'capture.added' | 'capture.updated' }>;

const str = JSON.stringify;
/** JSON.stringify's rendering of a number (non-finite numbers become null). */
const num = (n: number | null): string => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/** Printable ASCII without `"` and `\`: quoted as is, no escaping pass needed. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** A JSON string literal; the short strings of a capture (ids, names, paths) rarely need escaping. */
const quote = (s: string): string => (PLAIN.test(s) ? `"${s}"` : str(s));
const quoteOrNull = (s: string | null | undefined): string => (s == null ? 'null' : quote(s));

const WIDE = /[\u0100-\uffff]/;
/**
 * JSON text with the characters beyond Latin-1 written as `\uXXXX` escapes (they parse back to the same text).
 * Used for the engine's own words (findings, outcomes, summaries): one en dash or arrow there would make V8 keep
 * the whole line or event as a two-byte string, twice the bytes to copy and slower to encode. Bodies keep their
 * characters as sent. The native test finds the usual all-Latin-1 text at once; a text with a wide character (every
 * summary with an arrow) is escaped in one pass over its char codes: `replace` with a callback cost about three times
 * as much, 2 µs of engine CPU per callback (in-process profile).
 */
function narrow(json: string): string {
  if (!WIDE.test(json)) return json;
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x100) continue;
    out += `${json.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return out + json.slice(from);
}

/**
 * JSON of objects the engine shares between captures and never changes: the memoised outcomes, the default
 * decision, a rule's decision. Serialised once each (frozen objects only: anything else may still change).
 */
const sharedJson = new WeakMap<object, string>();
function objectJson(value: object | null | undefined): string {
  if (value == null) return 'null';
  if (!Object.isFrozen(value)) return narrow(str(value));
  let json = sharedJson.get(value);
  if (json === undefined) {
    json = narrow(str(value));
    sharedJson.set(value, json);
  }
  return json;
}

/** `{}` without a call into JSON.stringify (most callbacks have no query string). */
function recordJson(record: Record<string, string>): string {
  for (const _ in record) return str(record);
  return '{}';
}

/**
 * Where an event made together with its capture's line keeps its JSON until the event stream takes it: a property
 * under a module-private symbol, which JSON.stringify and every listener ignore.
 */
const JSON_TEXT = Symbol('event JSON');
type WithJson = { [JSON_TEXT]?: string | undefined };

/**
 * JSON.stringify(event), or the same text made together with its capture's log line by `captureJson`, which is then
 * dropped from the event: a JSON string kept alive while the event waits for its batch (tens of milliseconds) would
 * survive young-generation collections, the cost encoding on arrival avoids. (Kept in a WeakMap, or kept on the event,
 * the text cost 13-17 % more engine CPU per callback in the in-process A/B.) Event listeners receive the event only.
 */
export function takeEventJson(event: EngineEvent): string {
  const holder = event as WithJson; // only captureJson sets the symbol, to a string
  const text = holder[JSON_TEXT];
  if (text === undefined) return JSON.stringify(event);
  holder[JSON_TEXT] = undefined;
  return text;
}

/**
 * Serialises a finished capture once for both places it goes: returns the log line (with bodies), and when `event`
 * (this capture's summary event) is given, makes that event's JSON from the same pieces for `takeEventJson`. The parts
 * the two share (everything but the two body texts) are serialised one time; the objects the engine shares between
 * captures (outcomes, decisions) once per object. Template joins give ropes, which are flattened once when encoded
 * (into the store's arena, the log batch, the event batch). The field list mirrors `Capture`/`CaptureSummary`
 * (capture-json.test.ts checks the result against plain JSON.stringify of the capture and of the event).
 */
export function captureJson(c: Capture, text: CaptureSummaryText, event: CaptureEvent | null): string {
  const rq = c.request;
  const rs = c.response;
  const head =
    `"seq":${num(c.seq)},${c.recordedSeq !== undefined ? `"recordedSeq":${num(c.recordedSeq)},` : ''}` +
    `"receivedAt":${num(c.receivedAt)},"dialect":${quote(c.dialect)},` +
    `"command":${quoteOrNull(c.command)},"phase":${quote(c.phase)},"state":${quote(c.state)},` +
    `"decidedBy":${quoteOrNull(c.decidedBy)},"request":{"method":${quote(rq.method)},"url":${quote(rq.url)},` +
    `"path":${quote(rq.path)},"query":${recordJson(rq.query)},"headers":${str(rq.headers)}` +
    (rq.parseError !== undefined ? `,"parseError":${narrow(str(rq.parseError))}` : '') +
    (rq.truncated !== undefined ? `,"truncated":${str(rq.truncated)}` : '');
  const response = rs
    ? `{"status":${num(rs.status)},"headers":${str(rs.headers)}${rs.fault !== undefined ? `,"fault":${quote(rs.fault)}` : ''}` +
      (rs.truncated !== undefined ? `,"truncated":${str(rs.truncated)}` : '')
    : 'null';
  const tail =
    `,"findings":${c.findings.length === 0 ? '[]' : narrow(str(c.findings))},"decision":${objectJson(c.decision)},` +
    `"latencyMs":${num(c.latencyMs)},"outcome":${objectJson(c.outcome)},"hold":${objectJson(c.hold)},` +
    `"identifiedBy":${quote(c.identifiedBy)}` +
    (c.imported !== undefined ? `,"imported":${str(c.imported)}` : '') +
    (c.origin !== undefined ? `,"origin":${quote(c.origin)}` : '') +
    // The backend's answer keeps its characters as sent, like the bodies.
    (c.upstream !== undefined ? `,"upstream":${c.upstream === null ? 'null' : str(c.upstream)}` : '');
  const id = quote(c.id);
  const line =
    `{"id":${id},${head},"bodyText":${str(rq.bodyText)}},"response":${response}` +
    `${rs ? `,"bodyText":${str(rs.bodyText)}}` : ''}${tail}}`;
  if (event === null) return line;
  // The summary: the same pieces without the two body texts, plus the summary text, inside the event. (The event is
  // this capture's and typed without our symbol: the cast adds it.)
  (event as WithJson)[JSON_TEXT] =
    `{"type":"${event.type}","capture":{"id":${id},${head}},"response":${rs ? `${response}}` : 'null'}${tail}` +
    `,"summary":{"parties":${narrow(str(text.parties))},"text":${narrow(str(text.text))}}}}`;
  return line;
}
