import type { Decision, UpstreamExchange } from '../../../shared/contract/index.js';
import { checkAnswer, type Identification, type OutcomeInput } from '../../../shared/protocol/index.js';
import {
  decodedBody,
  type ExchangeAgents,
  type ExchangeFailureKind,
  type ExchangeResult,
  endToEndHeaders,
  exchange,
  headerRecord,
  INFLATES_TOO_FAR,
  MAX_DECODED_BYTES,
} from '../outbound/http-exchange.js';

/**
 * Upstream (forward) mode: a callback goes on to the real app backend exactly as the IM server sent it, and the
 * backend's answer comes back as the decision that relays it unchanged (product.md §2 "v2 Upstream").
 */

/** The request as it arrived, byte for byte. */
export interface ArrivedRequest {
  method: string;
  /** Path and query as on the request line. */
  url: string;
  /** As received: [name, value, …]. */
  rawHeaders: readonly string[];
  body: Buffer;
}

/** Everything the answer checks need besides the answer and its timing. */
export type AnswerContext = Omit<OutcomeInput, 'sent' | 'elapsedMs'>;

export interface UpstreamReply {
  /** What the backend answered (or how it failed), checked against the protocol. */
  exchange: UpstreamExchange;
  /** The decision that gives the IM server what the backend gave: its exact answer, or the same failure. */
  relay: Decision;
  /** No answer, or one that is not a JSON object: the case the `upstream.onFailure: "fallback"` setting covers. */
  failed: boolean;
  /** Never sent (`not-started`): answered here whatever `upstream.onFailure` says. */
  notStarted?: true;
}

/** Answer checks that say the backend's answer is not an answer at all. */
const BROKEN_ANSWER = new Set(['answer-missing', 'answer-empty', 'answer-not-json', 'answer-not-object']);

const queryOf = (url: string): string => {
  const mark = url.indexOf('?');
  return mark < 0 ? '' : url.slice(mark + 1);
};
const withQuery = (base: string, query: string): string =>
  query === '' ? base : `${base}${base.includes('?') ? '&' : '?'}${query}`;

/** The last non-empty path segment as it was written on the request line (not decoded). */
function rawLastSegment(url: string): string {
  const mark = url.indexOf('?');
  const path = (mark < 0 ? url : url.slice(0, mark)).replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Where the IM server would have sent this callback had `base` been its configured URL (protocols.md A.1, B.1).
 * OpenIM: `base + "/" + command` (plain concatenation, as the server does), keeping any query such as the message
 * callbacks' `key`; the legacy `?command=` form when that is how it arrived. Tencent: `base` + the original query
 * string (SdkAppid, CallbackCommand, Sign…). Anything unidentified: `base` + the original query.
 */
export function upstreamTarget(base: string, id: Pick<Identification, 'dialect' | 'command' | 'via'>, url: string) {
  const query = queryOf(url);
  if (id.dialect === 'openim' && id.command !== null && id.via !== 'legacy-query') {
    const segment = id.via === 'path' ? rawLastSegment(url) : encodeURIComponent(id.command);
    return withQuery(`${base}/${segment}`, query);
  }
  return withQuery(base, query);
}

/**
 * The answer's body as text, and its headers without Content-Encoding: a compressed body (the IM servers' Go client
 * sends `Accept-Encoding: gzip` and decompresses transparently) is inflated up to `maxBytes` to be checked and
 * stored. Anything that does not decode stays as it came.
 */
async function decodedAnswer(
  rawHeaders: readonly string[],
  body: Buffer,
  maxBytes: number,
): Promise<{ headers: string[]; bodyText: string; truncated?: true }> {
  const headers = endToEndHeaders(rawHeaders);
  const decoded = (await decodedBody(headers, body, maxBytes)) ?? { headers, body };
  const bodyText = decoded.body.toString('utf8');
  return 'truncated' in decoded
    ? { headers: decoded.headers, bodyText, truncated: true }
    : { headers: decoded.headers, bodyText };
}

/** The backend's answer exactly as it came (end-to-end headers, body bytes): what a relay writes to the IM server. */
export interface ExactAnswer {
  headers: string[];
  body: Buffer;
  /** The relay decision's text is the body inflated only so far. */
  truncated: boolean;
}

/**
 * The exact answers of relay decisions, until written: the decision holds the answer as text, inflated and readable
 * (a person may edit it, then that text is sent); the relay itself passes the backend's bytes through unchanged.
 */
const EXACT = new WeakMap<Decision, ExactAnswer>();

/** The backend's bytes for this decision when it is an unchanged relay (each taken once, by the answer's writer). */
export function takeExactAnswer(decision: Decision | null): ExactAnswer | undefined {
  if (decision === null) return undefined;
  const exact = EXACT.get(decision);
  EXACT.delete(decision);
  return exact;
}

/** Which failure the IM server gets instead of an answer, so that it sees what the backend did. */
const REPRODUCE: Record<ExchangeFailureKind, 'reset' | 'close' | 'no-response'> = {
  // A refused connection cannot be refused again on a connection already accepted: a reset is the nearest.
  refused: 'reset',
  reset: 'reset',
  'too-large': 'reset',
  error: 'reset',
  closed: 'close',
  aborted: 'no-response',
  // The backend answered too late: the IM server gives up at its own timeout, as it would have.
  timeout: 'no-response',
  // Never sent (no connection in time): answered here instead, before the deadline (Upstream.forward).
  'not-started': 'no-response',
};

/**
 * Turns an exchange into the capture's record, the relaying decision and the checks. A compressed answer is inflated
 * at most to `maxBodyBytes` (the `capture.maxBodyBytes` setting) for the record and the checks.
 */
export async function upstreamReply(
  target: string,
  result: ExchangeResult,
  context: AnswerContext,
  elapsedMs: number,
  maxBodyBytes = MAX_DECODED_BYTES,
): Promise<UpstreamReply> {
  if (result.ok) {
    const { status, rawHeaders, body } = result.answer;
    const { headers, bodyText, truncated } = await decodedAnswer(rawHeaders, body, maxBodyBytes);
    const relay: Decision = { verdict: 'allow', raw: { status, headers: headerRecord(headers), bodyText } };
    EXACT.set(relay, { headers: endToEndHeaders(rawHeaders), body, truncated: truncated === true });
    const check = checkAnswer({ ...context, sent: { action: 'respond', status, bodyText }, elapsedMs });
    return {
      exchange: {
        url: target,
        status,
        headers: headerRecord(rawHeaders),
        bodyText,
        ...(truncated ? { truncated } : {}),
        latencyMs: result.latencyMs,
        findings: truncated ? [INFLATES_TOO_FAR, ...check.findings] : check.findings,
        outcome: check.outcome,
      },
      relay,
      failed: check.findings.some((f) => BROKEN_ANSWER.has(f.code)),
    };
  }
  const { failure } = result;
  const fault = REPRODUCE[failure.kind];
  // With no answer at all, the IM server waits for its own timeout.
  const elapsed = fault === 'no-response' ? Math.max(elapsedMs, context.serverTimeoutMs) : elapsedMs;
  // The backend's failure in its own words ("connection refused"), not the fault the IM server is relayed instead.
  const sent = fault === 'no-response' ? { action: fault } : { action: fault, error: failure.message };
  const check = checkAnswer({ ...context, sent, elapsedMs: elapsed });
  // Never sent: nothing to predict from it (the fallback answers, and the capture's outcome is that answer's).
  const notStarted = failure.kind === 'not-started';
  return {
    exchange: {
      url: target,
      status: failure.status ?? null,
      headers: {},
      bodyText: '',
      latencyMs: result.latencyMs,
      error: failure.message,
      findings: notStarted ? [] : check.findings,
      outcome: notStarted ? null : check.outcome,
    },
    relay: { verdict: 'allow', fault: { type: fault } },
    failed: true,
    ...(notStarted ? { notStarted: true as const } : {}),
  };
}

export interface ForwardOptions {
  target: string;
  timeoutMs: number;
  /** Not sent within this: given up (`not-started`), so that the fallback still goes out in time. */
  startWithinMs?: number;
  signal?: AbortSignal;
  agents: ExchangeAgents;
}

/** Sends the callback on, exactly: method, body bytes, headers other than hop-by-hop ones and `Host`. */
export function forwardCallback(request: ArrivedRequest, opts: ForwardOptions): Promise<ExchangeResult> {
  return exchange({
    url: opts.target,
    method: request.method,
    headers: endToEndHeaders(request.rawHeaders, ['host']),
    body: request.body,
    timeoutMs: opts.timeoutMs,
    ...(opts.startWithinMs === undefined ? {} : { startWithinMs: opts.startWithinMs }),
    agents: opts.agents,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}
