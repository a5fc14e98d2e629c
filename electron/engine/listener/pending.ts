import type { ServerResponse } from 'node:http';
import type { Capture, CaptureSummaryText, Decision, Settings } from '../../../shared/contract/index.js';
import type { Identification, IncomingRequest } from '../../../shared/protocol/index.js';
import type { Upstream } from '../upstream/upstream-relay.js';
import type { RawRequest } from './request-input.js';
import type { RuleEngine } from './rule-engine.js';

/**
 * Where a request is in its life — the one state field; every other field is data. Arrows are the handler's steps:
 *
 *   new ──answer now──▶ queued ──written at the end of the loop turn──▶ done
 *   new ──hold──▶ held ──decision / deadline──▶ (queued | delayed | done)
 *   new ──forward──▶ forwarding ──backend answer──▶ (delayed | done)
 *   new | held | forwarding ──answer with a delay──▶ delayed ──delay over──▶ done
 *   any ──client gone──▶ done (failed)
 *
 * `held` and `delayed` requests are in the store before their final state (their last step is `finish`, not
 * `record`) and are watched for their client going away, as are `forwarding` ones.
 */
export type PendingState = 'new' | 'queued' | 'held' | 'delayed' | 'forwarding' | 'done';

/** One request between arrival and its final state. */
export interface Pending {
  state: PendingState;
  capture: Capture;
  /** Set by `inspect`, which runs after the answer went out (or before a held request is first shown). */
  text: CaptureSummaryText | null;
  /** With the parsed body (undefined when it is not JSON). */
  request: IncomingRequest;
  /** As received, for forwarding it upstream. */
  raw: RawRequest;
  id: Identification;
  res: ServerResponse;
  startedAt: number;
  /** Time from arrival to the answer written. */
  elapsedMs: number;
  /** `held` in upstream mode: the decision that relays the backend's answer once it came (the deadline's answer). */
  proposal?: Decision;
  /** `delayed`: performance.now() when the answer is due (what the IM server would have got, should it leave). */
  dueAt?: number;
}

/** Where the handler's captures go: the engine's store, log and events, one named step each. */
export interface CaptureSteps {
  /** A request shown before its final state (held, or answered with a delay). */
  store(capture: Capture, text: CaptureSummaryText): void;
  /** A stored request changed (a backend's proposal arrived, a held request was answered with a delay). */
  update(capture: Capture, text: CaptureSummaryText): void;
  /**
   * A stored request reached its final state: also written to the log. `body`: the parsed request body (the capture
   * keeps only its text until it is read back), for flows.
   */
  finish(capture: Capture, text: CaptureSummaryText, body?: unknown): void;
  /** A request answered at once reached its final state without being stored before (the common case). */
  record(capture: Capture, text: CaptureSummaryText, body?: unknown): void;
}

/** What the callback handler needs from the engine core. */
export interface HandlerDeps {
  settings(): Settings;
  rules: RuleEngine;
  nextSeq(): number;
  idFor(seq: number): string;
  captures: CaptureSteps;
  /** Rules matched or their counters changed. */
  rulesUsed(): void;
  log(line: string): void;
  /** Upstream mode: forwarding to the app backend. */
  upstream: Upstream<Pending>;
}

/** The log line for a request whose handling threw. */
export const failureLine = ({ capture }: Pending, err: unknown): string =>
  `capture ${capture.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
