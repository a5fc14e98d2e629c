import type { Capture, DecidedBy, Decision, Finding, Settings } from '../../../shared/contract/index.js';
import { type Identification, predictionTimeoutMs } from '../../../shared/protocol/index.js';
import type { ExchangeAgents } from '../outbound/http-exchange.js';
import { serverProfile, serverTimeoutMs } from './capture-factory.js';
import type { RawRequest } from './listener.js';
import type { UpstreamReply } from './upstream.js';
import { UpstreamFlights } from './upstream-flights.js';

/** What the relay needs of a request the handler is working on. */
export interface Forwardable {
  capture: Capture;
  raw: RawRequest;
  id: Identification;
  /** The parsed body is `request.body`. */
  request: { body: unknown };
  /** performance.now() at arrival. */
  startedAt: number;
  /** `done`: final state reached, a late reply is ignored. */
  stage: string;
  /** Held and forwarded: the decision that relays the backend's answer, once it arrived (the deadline's fallback). */
  proposal?: Decision;
}

/** The handler's side of upstream mode. */
export interface RelayHost<P extends Forwardable> {
  settings(): Settings;
  isHeld(pending: P): boolean;
  /** Answers the request (not held any longer by then). */
  answer(pending: P, decision: Decision, by: DecidedBy): void;
  /** The held capture changed (the backend's proposal arrived). */
  updated(pending: P): void;
  /** The first matching answer rule's decision, else the default: what answers when the backend failed. */
  fallback(pending: P): { decision: Decision; by: DecidedBy };
  /** A backend answered (or failed): for the upstream status. */
  seen(reply: UpstreamReply): void;
}

const UPSTREAM_NOT_SET: Finding = {
  level: 'warning',
  code: 'upstream-not-set',
  message: 'A forward rule matched, but it names no URL and no upstream URL is set: answered by default.',
};
const UPSTREAM_FALLBACK: Finding = {
  level: 'warning',
  code: 'upstream-fallback',
  message: 'The backend failed; answered with the fallback instead (setting upstream.onFailure is "fallback").',
};

/**
 * Upstream mode inside the listener: forwards a request to the backend with the IM server's own timeout, then relays
 * the reply (or reproduces the failure, or answers with the fallback), or keeps it as a held request's proposal.
 */
export class UpstreamRelay<P extends Forwardable> {
  private readonly flights: UpstreamFlights<P>;

  constructor(
    agents: ExchangeAgents,
    private readonly host: RelayHost<P>,
  ) {
    this.flights = new UpstreamFlights(agents);
  }

  /** Forwards to `base`; with no base at all (a forward rule without URL, no upstream set) answers by default. */
  forward(pending: P, base: string | null): void {
    const { capture } = pending;
    if (base === null) {
      capture.findings.push(UPSTREAM_NOT_SET);
      this.host.answer(pending, { verdict: 'allow' }, 'default');
      return;
    }
    const settings = this.host.settings();
    // The IM server's own limit: Tencent's fixed 2 s, OpenIM's configured timeout (at most 15 s).
    const timeout = predictionTimeoutMs(capture.dialect, serverTimeoutMs(settings, capture.dialect));
    this.flights.start(
      pending,
      {
        raw: pending.raw,
        id: pending.id,
        base,
        // As long as the IM server itself waits, counted from when the callback arrived.
        timeoutMs: Math.max(1, Math.round(pending.startedAt + timeout - performance.now())),
        context: {
          dialect: capture.dialect,
          command: capture.command,
          phase: capture.phase,
          requestBody: pending.request.body,
          serverTimeoutMs: timeout,
          profile: serverProfile(settings, capture.dialect),
        },
      },
      (reply) => this.replied(pending, reply),
    );
  }

  /** Stops waiting for the backend (when it was asked), recording why in the capture. */
  notAwaited(pending: P, why: string): boolean {
    const record = this.flights.cancel(pending, why);
    if (record) pending.capture.upstream = record;
    return record !== null;
  }

  /** Requests still waiting for their backend. */
  inFlight(): P[] {
    return this.flights.keys();
  }

  private replied(pending: P, reply: UpstreamReply): void {
    if (pending.stage === 'done') return;
    const { capture } = pending;
    capture.upstream = reply.exchange;
    this.host.seen(reply);
    const useFallback = reply.failed && this.host.settings().upstream.onFailure === 'fallback';
    if (this.host.isHeld(pending)) {
      // An answer that arrived is the deadline's fallback; a failure leaves the usual fallback in place.
      if (reply.exchange.status !== null && !useFallback) pending.proposal = reply.relay;
      this.host.updated(pending);
      return;
    }
    if (!useFallback) {
      this.host.answer(pending, reply.relay, 'upstream');
      return;
    }
    capture.findings.push(UPSTREAM_FALLBACK);
    const { decision, by } = this.host.fallback(pending);
    this.host.answer(pending, decision, by);
  }
}
