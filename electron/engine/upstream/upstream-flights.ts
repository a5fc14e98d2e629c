import type { UpstreamExchange } from '../../../shared/contract/index.js';
import type { Identification } from '../../../shared/protocol/index.js';
import type { RawRequest } from '../listener/request-input.js';
import type { ExchangeAgents } from '../outbound/http-exchange.js';
import { type AnswerContext, forwardCallback, type UpstreamReply, upstreamReply, upstreamTarget } from './upstream.js';

export interface FlightStart {
  raw: RawRequest;
  id: Identification;
  /** The backend's base URL (the `upstream.url` setting or a forward rule's `url`). */
  base: string;
  /** How long the backend may take: what is left of the IM server's own timeout. */
  timeoutMs: number;
  /** How long the forward may take to start (be on a connected socket): until the fallback must go out. */
  startWithinMs: number;
  context: AnswerContext;
  /** How far a compressed answer is inflated (`capture.maxBodyBytes`). */
  maxBodyBytes: number;
}

interface Flight {
  target: string;
  controller: AbortController;
  sentAt: number;
}

/**
 * The callbacks on their way to the backend, keyed by the handler's pending request. A flight ends either with the
 * backend's reply or cancelled (its promise then resolves null; the capture gets the record that `cancel` returns).
 */
export class UpstreamFlights<K extends object> {
  private readonly flights = new Map<K, Flight>();

  constructor(private readonly agents: ExchangeAgents) {}

  get size(): number {
    return this.flights.size;
  }

  start(key: K, start: FlightStart): Promise<UpstreamReply | null> {
    const { raw, id, base, timeoutMs, startWithinMs, context, maxBodyBytes } = start;
    const target = upstreamTarget(base, id, raw.url);
    const controller = new AbortController();
    this.flights.set(key, { target, controller, sentAt: performance.now() });
    return forwardCallback(
      { method: raw.method, url: raw.url, rawHeaders: raw.rawHeaders, body: raw.bodyBytes },
      { target, timeoutMs, startWithinMs, signal: controller.signal, agents: this.agents },
    ).then((result) => {
      if (this.flights.get(key)?.controller !== controller) return null; // cancelled meanwhile
      this.flights.delete(key);
      return upstreamReply(target, result, context, performance.now() - raw.startedAt, maxBodyBytes);
    });
  }

  /** Stops waiting for the backend; the record of an exchange nobody waited for, or null when none was in flight. */
  cancel(key: K, why: string): UpstreamExchange | null {
    const flight = this.flights.get(key);
    if (!flight) return null;
    this.flights.delete(key);
    flight.controller.abort();
    return {
      url: flight.target,
      status: null,
      headers: {},
      bodyText: '',
      // How long it had been waited for.
      latencyMs: Math.round((performance.now() - flight.sentAt) * 1000) / 1000,
      error: `not awaited: ${why}`,
      findings: [],
      outcome: null,
    };
  }

  keys(): K[] {
    return [...this.flights.keys()];
  }
}
