import type { Capture } from '../../../shared/contract/index.js';

/**
 * The start of `text` that is at most `maxBytes` bytes of UTF-8, never splitting a character; `text` itself (the
 * same string) when it fits. Cheap for the usual small body: no encoding unless it could be over.
 */
export function cutUtf8(text: string, maxBytes: number): string {
  // Every UTF-16 unit is at most 3 bytes of UTF-8.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Back to the start of the character that would be split (continuation bytes are 10xxxxxx).
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end -= 1;
  return bytes.toString('utf8', 0, end);
}

/**
 * product.md §4 v3: one stored body — request, answer or upstream answer — is at most `capture.maxBodyBytes`; a longer
 * one is cut, with `truncated: true`. Returns the capture itself when every body fits (the usual case), else a copy:
 * what went out on the wire is not this object's business (the relay passed the backend's bytes through unchanged).
 */
export function boundBodies(capture: Capture, maxBytes: number): Capture {
  const { request, response, upstream } = capture;
  const requestText = cutUtf8(request.bodyText, maxBytes);
  const responseText = response ? cutUtf8(response.bodyText, maxBytes) : '';
  const upstreamText = upstream ? cutUtf8(upstream.bodyText, maxBytes) : '';
  const cutRequest = requestText !== request.bodyText;
  const cutResponse = response !== null && responseText !== response.bodyText;
  const cutUpstream = upstream != null && upstreamText !== upstream.bodyText;
  // A raw decision (the backend's answer relayed, or the raw editor's) holds the answer's text once more.
  const raw = capture.decision?.raw;
  const rawText = raw ? cutUtf8(raw.bodyText, maxBytes) : '';
  const cutRaw = raw !== undefined && rawText !== raw.bodyText;
  if (!cutRequest && !cutResponse && !cutUpstream && !cutRaw) return capture;
  const out: Capture = { ...capture };
  if (cutRequest) {
    // A parsed body of the whole text would not match the text kept: the body is parsed again from the text on read.
    const { body: _whole, ...rest } = request;
    out.request = { ...rest, bodyText: requestText, truncated: true };
  }
  if (cutResponse && response) out.response = { ...response, bodyText: responseText, truncated: true };
  if (cutUpstream && upstream) out.upstream = { ...upstream, bodyText: upstreamText, truncated: true };
  // Its `truncated` is the response's: the decision keeps the shape a decision has.
  if (cutRaw && raw && capture.decision) out.decision = { ...capture.decision, raw: { ...raw, bodyText: rawText } };
  return out;
}

/**
 * Bytes of bodies a capture in progress holds in memory: its texts, plus its parsed request body (about as large as
 * its text; product.md §4: parsed bodies count toward `capture.maxStoreBytes`).
 */
export function liveBodyBytes(capture: Capture): number {
  return (
    2 * capture.request.bodyText.length +
    (capture.response?.bodyText.length ?? 0) +
    (capture.upstream?.bodyText.length ?? 0)
  );
}
