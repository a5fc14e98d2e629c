import type { Decision } from './decision.js';

export type Dialect = 'openim' | 'tencent';
export type DialectOrUnknown = Dialect | 'unknown';
export type Phase = 'before' | 'after' | 'unknown';
export type CaptureState = 'held' | 'answered' | 'failed';
/** `rule:<id>` names the rule that decided. */
export type DecidedBy = 'default' | `rule:${string}` | 'person' | 'api' | 'timeout' | 'upstream';
/** Where a capture came from: the listener (an IM server called us) or `POST /api/send` (we played the IM server). */
export type CaptureOrigin = 'listener' | 'sent';

export interface Finding {
  level: 'error' | 'warning' | 'info';
  /** Stable machine code, e.g. `missing-field`, `wrong-type`, `sign-mismatch`. */
  code: string;
  message: string;
  /** JSON path of the field concerned, when there is one. */
  path?: string;
}

/**
 * `partial`: a Tencent per-target answer where some targets are blocked and others proceed. `dropped`: Tencent
 * `ErrorCode 2` on a command whose page documents it: the message is discarded silently (the sender sees success).
 */
export type OutcomeEffect = 'proceeds' | 'blocked' | 'partial' | 'fails' | 'ignored' | 'dropped' | 'unknown';

export interface TargetOutcome {
  account: string;
  effect: 'proceeds' | 'blocked';
  code?: number;
  message?: string;
}

/** What the IM server will do with the answer sent (protocols.md A.2, B.1, Part E/F). */
export interface Outcome {
  effect: OutcomeEffect;
  code?: number;
  message?: string;
  /** One readable sentence for people. */
  explanation: string;
  /** Tencent Prev* per-target verdicts. */
  targets?: TargetOutcome[];
  /**
   * The answer fields the server applies, by wire name, as it applies them (OpenIM `remark`, `friendUserIDs`, message
   * modify `content` as a JSON *string*; Tencent `MsgBody` …). Only the fields the server really takes.
   */
  rewrite?: { remark?: string; friendUserIDs?: string[]; [wireName: string]: unknown };
}

export interface CaptureRequest {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyText: string;
  /** Parsed JSON body; undefined when the body is empty or not JSON (see `parseError`). */
  body?: unknown;
  parseError?: string;
  /** True when the body was larger than the limit and cut. */
  truncated?: boolean;
}

export interface CaptureResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** Set for faults that send no HTTP response at all. */
  fault?: 'no-response' | 'close' | 'reset';
  /** v3: true when the stored `bodyText` was cut at `capture.maxBodyBytes` (what went out was whole). */
  truncated?: boolean;
}

export interface HoldInfo {
  /** ms epoch when the fallback is sent (the IM server's deadline minus the margin). */
  deadlineAt: number;
  /** The IM server's own timeout for this request, in ms. */
  serverTimeoutMs: number;
  fallback: 'auto' | 'no-response';
}

/**
 * What the real app backend answered when the callback was forwarded to it (upstream mode), or what a backend answered
 * a callback the engine sent (`origin: "sent"`), checked against the protocol.
 */
export interface UpstreamExchange {
  /** The exact URL the callback was sent to. */
  url: string;
  /** HTTP status of the backend's answer; null when none came (connection refused, reset, timeout). */
  status: number | null;
  headers: Record<string, string>;
  /**
   * The answer's text, decompressed. v3: cut at `capture.maxBodyBytes` (then `truncated` is true): the store keeps
   * at most that much of one body; the IM server was relayed the backend's bytes unchanged.
   */
  bodyText: string;
  truncated?: boolean;
  /** Time from sending to the end of the answer (or to the failure); null when never sent. */
  latencyMs: number | null;
  /** What went wrong on the way, in words ("connection refused", "no answer within 5 s"). */
  error?: string;
  /** The protocol's checks applied to the backend's answer (`checkAnswer`). */
  findings: Finding[];
  /** What the IM server will do with the backend's answer and its timing. */
  outcome: Outcome | null;
}

export interface Capture {
  id: string;
  seq: number;
  receivedAt: number;
  dialect: DialectOrUnknown;
  command: string | null;
  phase: Phase;
  state: CaptureState;
  decidedBy: DecidedBy | null;
  request: CaptureRequest;
  findings: Finding[];
  decision: Decision | null;
  response: CaptureResponse | null;
  latencyMs: number | null;
  outcome: Outcome | null;
  hold: HoldInfo | null;
  /** How the command was identified (`tencent-query`, `path`, `legacy-query`, `body`, `none`). */
  identifiedBy: string;
  /** Imported from a file rather than received live. */
  imported?: boolean;
  /** v2: `listener` when absent (captures written before v2 have no origin). */
  origin?: CaptureOrigin;
  /** v2: the backend's answer in upstream mode or for a sent callback; null/absent otherwise. */
  upstream?: UpstreamExchange | null;
}

export interface CaptureSummaryText {
  /** "user123 → user456", "id → id1, id2". */
  parties: string;
  /** The key text: request message, remark, list size. */
  text: string;
}

/** List/event form: no bodies. */
export interface CaptureSummary extends Omit<Capture, 'request' | 'response'> {
  request: Omit<CaptureRequest, 'bodyText' | 'body'>;
  response: Omit<CaptureResponse, 'bodyText'> | null;
  summary: CaptureSummaryText;
}
