import type { Capture, Decision, Finding, Settings, UpstreamStatus } from '../../../shared/contract/index.js';
import { type Identification, predictionTimeoutMs } from '../../../shared/protocol/index.js';
import type { RawRequest } from '../listener/request-input.js';
import { serverProfile, serverTimeoutMs } from '../listener/server-settings.js';
import type { ExchangeAgents } from '../outbound/http-exchange.js';
import { BAD_COMMAND, isCommandName, LoopGuard, UPSTREAM_LOOP } from './forward-guard.js';
import { UpstreamFlights } from './upstream-flights.js';

export { takeExactAnswer } from './upstream.js';

import { UpstreamMonitor } from './upstream-monitor.js';

/** What upstream mode needs of a request the handler is working on. */
export interface Forwardable {
  capture: Capture;
  raw: RawRequest;
  id: Identification;
  /** The parsed body is `request.body`. */
  request: { body: unknown };
  /** performance.now() at arrival. */
  startedAt: number;
}

/** The backend's answer to one forwarded callback, as the handler uses it. */
export interface UpstreamAnswer {
  /** The decision that gives the IM server what the backend gave (its exact answer, or the same failure); null when
   *  the backend failed and `upstream.onFailure` is "fallback": then the rules or the default answer. */
  relay: Decision | null;
  /** An answer came (with a status): it may stand as a held request's proposal. */
  arrived: boolean;
  /** Why the fallback answers (`relay` null) when it is not the `upstream.onFailure` setting. */
  finding?: Finding;
}

export const UPSTREAM_NOT_SET: Finding = {
  level: 'warning',
  code: 'upstream-not-set',
  message: 'A forward rule matched, but it names no URL and no upstream URL is set: answered by default.',
};
export const UPSTREAM_NOT_STARTED: Finding = {
  level: 'warning',
  code: 'upstream-not-started',
  message:
    "The forward could not start before the IM server's deadline (no connection to the backend in time: too many forwards at once, or the backend does not accept): answered with the fallback (rules or the default answer) instead.",
};
export const UPSTREAM_FALLBACK: Finding = {
  level: 'warning',
  code: 'upstream-fallback',
  message: 'The backend failed; answered with the fallback instead (setting upstream.onFailure is "fallback").',
};

/**
 * Upstream mode: forwards a request to the app backend with the IM server's own timeout and says what the IM server
 * should get back; keeps the backend's status (for the top bar) up to date. The handler asks, and decides.
 */
export class Upstream<P extends Forwardable> {
  private readonly flights: UpstreamFlights<P>;
  private readonly monitor: UpstreamMonitor;

  private readonly loop: LoopGuard;

  /** `ownPorts`: the engine's listener and control ports (a backend there would be the engine itself). */
  constructor(
    agents: ExchangeAgents,
    private readonly settings: () => Settings,
    onStatus: (status: UpstreamStatus) => void,
    ownPorts: () => readonly number[] = () => [],
  ) {
    this.flights = new UpstreamFlights(agents);
    this.monitor = new UpstreamMonitor(onStatus);
    this.loop = new LoopGuard(ownPorts);
  }

  /**
   * Why this callback must not go to `base` (product.md §4 v3), or null: a command that is not a name would be put
   * into the URL (`bad-command`); a backend that is this engine would forward to itself forever (`upstream-loop`).
   */
  async refusal(pending: P, base: string): Promise<Finding | null> {
    const { command } = pending.capture;
    if (command !== null && !isCommandName(command)) return BAD_COMMAND;
    return (await this.loop.reachesSelf(base)) ? UPSTREAM_LOOP : null;
  }

  status(): UpstreamStatus {
    return this.monitor.status();
  }

  /** The `upstream.url` setting (at start and when it changes). */
  setUrl(url: string | null): void {
    this.monitor.setUrl(url);
  }

  /**
   * Forwards to `base` and resolves with what to answer; null when it is not awaited any longer (`notAwaited`).
   * The capture gets the record of the exchange (`capture.upstream`) before this resolves.
   */
  async forward(pending: P, base: string): Promise<UpstreamAnswer | null> {
    const { capture } = pending;
    const settings = this.settings();
    // The IM server's own limit: Tencent's fixed 2 s, OpenIM's configured timeout (at most 15 s).
    const timeout = predictionTimeoutMs(capture.dialect, serverTimeoutMs(settings, capture.dialect));
    // Not sent by the time a fallback must go out (as a held request's would): answered here instead.
    const fallbackAt = pending.startedAt + Math.max(0, timeout - settings.hold.marginMs);
    const reply = await this.flights.start(pending, {
      raw: pending.raw,
      id: pending.id,
      base,
      // As long as the IM server itself waits, counted from when the callback arrived.
      timeoutMs: Math.max(1, Math.round(pending.startedAt + timeout - performance.now())),
      startWithinMs: Math.max(1, Math.round(fallbackAt - performance.now())),
      maxBodyBytes: settings.capture.maxBodyBytes,
      context: {
        dialect: capture.dialect,
        command: capture.command,
        phase: capture.phase,
        requestBody: pending.request.body,
        serverTimeoutMs: timeout,
        profile: serverProfile(settings, capture.dialect),
      },
    });
    if (reply === null) return null;
    capture.upstream = reply.exchange;
    this.monitor.seen(reply);
    if (reply.notStarted) return { relay: null, arrived: false, finding: UPSTREAM_NOT_STARTED };
    const useFallback = reply.failed && this.settings().upstream.onFailure === 'fallback';
    return { relay: useFallback ? null : reply.relay, arrived: reply.exchange.status !== null };
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
}
