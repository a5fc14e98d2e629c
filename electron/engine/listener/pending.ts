import type { ServerResponse } from 'node:http';
import type { Capture, CaptureSummaryText, Decision, Settings } from '../../../shared/contract/index.js';
import type { Identification, IncomingRequest } from '../../../shared/protocol/index.js';
import type { ExchangeAgents } from '../outbound/http-exchange.js';
import type { RawRequest } from './listener.js';
import type { RuleEngine } from './rule-engine.js';
import type { UpstreamReply } from './upstream.js';

/**
 * Where a request is. `new`: inside `handle`. `queued`: decided at once, its answer waits for the end of this
 * event-loop turn (see `answering`). `held`: waiting for a decision. `delayed`: decided, waiting out its delay.
 * `forwarding`: sent on to the app backend (upstream mode), its answer comes later; not stored yet.
 * `done`: final state reached; later socket events are ignored. A held or delayed request is already in the store
 * (its next commit is an update) and has a 'close' listener.
 */
export type Stage = 'new' | 'queued' | 'held' | 'delayed' | 'forwarding' | 'done';

/** One request between arrival and its final state. */
export interface Pending {
  capture: Capture;
  stage: Stage;
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
  delayTimer?: NodeJS.Timeout;
  /** Held and forwarded: the decision that relays the backend's answer, once it arrived (the deadline's fallback). */
  proposal?: Decision;
  /** performance.now() when a delayed answer is due: when it would leave, should the client go away first. */
  sendAt?: number;
}

/** What the callback handler needs from the engine core. */
export interface HandlerDeps {
  settings(): Settings;
  rules: RuleEngine;
  nextSeq(): number;
  idFor(seq: number): string;
  /** Stores (isNew) or updates a capture and emits the event; `final` captures are also written to the log. */
  /** `body`: the parsed request body (the capture keeps only its text until it is read back), for flows. */
  commit(capture: Capture, text: CaptureSummaryText, isNew: boolean, final: boolean, body?: unknown): void;
  /** Rules matched or their counters changed. */
  rulesUsed(): void;
  log(line: string): void;
  /** Keep-alive connections to the app backends (upstream mode). */
  agents: ExchangeAgents;
  /** A backend answered (or failed): for the upstream status in the top bar. */
  upstreamSeen(reply: UpstreamReply): void;
}

/** The log line for a request whose handling threw. */
export const failureLine = ({ capture }: Pending, err: unknown): string =>
  `capture ${capture.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
