import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ALLOW, type Capture, type DecidedBy, type Decision, type Settings } from '../../../shared/contract/index.js';
import { buildAnswer, identify } from '../../../shared/protocol/index.js';
import { takeExactAnswer, UPSTREAM_FALLBACK, UPSTREAM_NOT_SET } from '../upstream/upstream-relay.js';
import { AnswerBatch } from './answer-batch.js';
import { writeAnswer } from './answer-writer.js';
import { applyIdentification, newCapture } from './capture-factory.js';
import { HoldQueue } from './hold-queue.js';
import { failureLine, type HandlerDeps, type Pending } from './pending.js';
import { PendingSteps } from './pending-steps.js';
import { closesConnection, incomingRequest, type RawRequest, readInput } from './request-input.js';
import { holdInfo, holdsByMode } from './server-settings.js';

export type { HandlerDeps } from './pending.js';

const NO_RESPONSE: Decision = Object.freeze({ verdict: 'allow', fault: Object.freeze({ type: 'no-response' }) });

/**
 * The listener's pipeline: identify → validate → decide (hold / rule / forward / default) → answer → capture.
 * Owns the held requests, the delayed answers and the sockets a `no-response` fault keeps open; each request's life
 * is the state machine in pending.ts.
 */
export class CallbackHandler {
  readonly holds = new HoldQueue<Pending>();
  /** Decided with a delay: answered when it ends. */
  private readonly delays = new HoldQueue<Pending>();
  private readonly lingering = new Set<Socket>();
  private stopping = false;
  /** Requests decided at once in this loop turn: answered together at its end. */
  private readonly answering = new AnswerBatch<Pending>({
    write: (pending) => this.write(pending),
    settle: (pending) => this.steps.settle(pending),
    writeFailed: (pending, err) => this.steps.failedInternally(pending, err),
    settleFailed: (pending, err) => this.deps.log(failureLine(pending, err)),
  });
  // One function each for every timer (not one closure per request).
  private readonly holdEnded = (pending: Pending): void => this.fallback(pending);
  private readonly delayEnded = (pending: Pending): void => this.deliver(pending);

  private readonly steps: PendingSteps;

  constructor(private readonly deps: HandlerDeps) {
    this.steps = new PendingSteps(deps);
  }

  handle(raw: RawRequest, res: ServerResponse): void {
    const settings = this.deps.settings();
    const seq = this.deps.nextSeq();
    const capture = newCapture(raw, seq, this.deps.idFor(seq));
    const { body, parseError, bad } = readInput(raw, settings);
    if (parseError !== undefined) capture.request.parseError = parseError;
    const request = incomingRequest(raw, body, parseError);
    const id = identify(request);
    applyIdentification(capture, id);
    const pending: Pending = {
      state: 'new',
      capture,
      text: null,
      request,
      raw,
      id,
      res,
      startedAt: raw.startedAt,
      elapsedMs: 0,
    };
    if (bad) {
      this.steps.rejectBadInput(pending, bad, closesConnection(raw, bad) || this.stopping);
      return;
    }
    // v2 precedence: an answer or forward rule acts at once even in hold mode; a hold rule always holds.
    const { maxMatchBytes } = settings.rules;
    const match = this.deps.rules.match({ dialect: id.dialect, command: id.command, body, maxMatchBytes });
    if (match) this.deps.rulesUsed();
    const upstream = settings.upstream.url;
    if (match?.type === 'answer') this.answer(pending, match.decision, `rule:${match.ruleId}`);
    else if (match?.type === 'forward') this.forward(pending, match.url ?? upstream);
    else if (match?.type === 'hold' || holdsByMode(settings, id.phase)) {
      this.hold(pending, settings);
      // Held in upstream mode: forwarded at once, the backend's answer becomes the proposal.
      if (upstream !== null) void this.askUpstream(pending, upstream);
    } else if (upstream !== null) this.forward(pending, upstream);
    else this.answer(pending, ALLOW, 'default');
  }

  /** A decision from a person or the API on a held request; null when it is not held. */
  decide(captureId: string, decision: Decision, by: 'person' | 'api'): Capture | null {
    const pending = this.holds.take(captureId);
    if (!pending) return null;
    this.deps.upstream.notAwaited(pending, `${by === 'person' ? 'a person' : 'the API'} answered before the backend`);
    this.answer(pending, decision, by);
    // The full capture, as GET /api/captures/:id gives it: with the body already parsed on arrival.
    const { capture, request } = pending;
    return request.body === undefined ? capture : { ...capture, request: { ...capture.request, body: request.body } };
  }

  /** Engine stopping: every held request gets its fallback, delayed answers go out now, open sockets are dropped. */
  stop(): void {
    this.stopping = true;
    this.answering.flush();
    for (const pending of this.holds.takeAll()) this.fallback(pending);
    for (const pending of this.deps.upstream.inFlight()) {
      this.deps.upstream.notAwaited(pending, 'the engine stopped');
      this.fallback(pending);
    }
    for (const pending of this.delays.takeAll()) this.deliver(pending);
    for (const socket of this.lingering) socket.destroy();
  }

  private hold(pending: Pending, settings: Settings): void {
    const { capture } = pending;
    pending.state = 'held';
    capture.state = 'held';
    capture.hold = holdInfo(settings, capture);
    this.holds.add(capture.id, pending, capture.hold.deadlineAt, this.holdEnded);
    this.watchClient(pending);
    this.steps.store(pending);
  }

  /** Upstream mode: the answer comes later, from the backend, in another loop turn. */
  private forward(pending: Pending, base: string | null): void {
    pending.state = 'forwarding';
    this.watchClient(pending);
    if (base !== null) void this.askUpstream(pending, base);
    else {
      pending.capture.findings.push(UPSTREAM_NOT_SET);
      this.answer(pending, { verdict: 'allow' }, 'default');
    }
  }

  /** Asks the backend; its answer is relayed, or kept as a held request's proposal. */
  private async askUpstream(pending: Pending, base: string): Promise<void> {
    try {
      const refused = await this.deps.upstream.refusal(pending, base);
      if (refused) {
        // Answered and captured here, never sent on (a held request keeps its usual fallback).
        pending.capture.findings.push(refused);
        if (pending.state === 'done') return;
        if (pending.state === 'held') this.steps.update(pending);
        else {
          const { decision, by } = this.ruleOrDefault(pending);
          this.answer(pending, decision, by);
        }
        return;
      }
      const answer = await this.deps.upstream.forward(pending, base);
      if (answer === null || pending.state === 'done') return;
      if (pending.state === 'held') {
        // An answer that arrived is the deadline's answer; a failure leaves the usual fallback in place.
        if (answer.relay && answer.arrived) pending.proposal = answer.relay;
        this.steps.update(pending);
      } else if (answer.relay) this.answer(pending, answer.relay, 'upstream');
      else {
        pending.capture.findings.push(answer.finding ?? UPSTREAM_FALLBACK);
        const { decision, by } = this.ruleOrDefault(pending);
        this.answer(pending, decision, by);
      }
    } catch (err) {
      this.deps.log(failureLine(pending, err));
    }
  }

  /** The first matching answer rule's decision, else the default allow. */
  private ruleOrDefault(pending: Pending): { decision: Decision; by: DecidedBy } {
    const { dialect, command } = pending.capture;
    const { maxMatchBytes } = this.deps.settings().rules;
    const match = this.deps.rules.match({ dialect, command, body: pending.request.body, maxMatchBytes }, true);
    if (match) this.deps.rulesUsed();
    return match?.type === 'answer'
      ? { decision: match.decision, by: `rule:${match.ruleId}` }
      : { decision: ALLOW, by: 'default' };
  }

  /**
   * Nobody decided in time (or the engine stops): the backend's answer when it arrived (upstream mode), else no
   * answer at all, or what the answer rules say.
   */
  private fallback(pending: Pending): void {
    if (pending.proposal) {
      this.answer(pending, pending.proposal, 'timeout');
      return;
    }
    this.deps.upstream.notAwaited(pending, 'no answer before the hold deadline');
    const fallback =
      pending.capture.hold?.fallback === 'no-response' ? NO_RESPONSE : this.ruleOrDefault(pending).decision;
    this.answer(pending, fallback, 'timeout');
  }

  private answer(pending: Pending, decision: Decision, by: DecidedBy): void {
    const { capture } = pending;
    capture.decision = decision;
    capture.decidedBy = by;
    const delayMs = this.stopping ? 0 : (decision.delayMs ?? 0);
    if (delayMs <= 0) {
      this.deliver(pending);
      return;
    }
    // Answered but not yet sent: shown as answered with no response until the delay ends.
    const stored = pending.state === 'held';
    if (pending.state === 'new') this.watchClient(pending);
    pending.state = 'delayed';
    capture.state = 'answered';
    pending.dueAt = performance.now() + delayMs;
    this.delays.add(capture.id, pending, Date.now() + delayMs, this.delayEnded);
    if (stored) this.steps.update(pending);
    else this.steps.store(pending);
  }

  /** Writes the decided answer now, or (decided at once) at the end of this loop turn with the others. */
  private deliver(pending: Pending): void {
    if (pending.state === 'done') return;
    if (pending.state === 'new' && !this.stopping) {
      pending.state = 'queued';
      this.answering.add(pending);
      return;
    }
    if (this.write(pending)) this.steps.settle(pending);
  }

  /** Writes the decided answer; false when the client is gone (the capture is then finished as failed). */
  private write(pending: Pending): boolean {
    const { capture, res } = pending;
    if (res.destroyed || res.writableEnded) {
      this.steps.clientLeft(pending);
      return false;
    }
    const plan = buildAnswer(pending.id, pending.request.body, capture.decision ?? ALLOW);
    const exact = takeExactAnswer(capture.decision); // an unchanged relay: the backend's bytes
    const response = writeAnswer(res, plan, { closeConnection: this.stopping, lingering: this.lingering, exact });
    pending.elapsedMs = performance.now() - pending.startedAt;
    capture.state = 'answered';
    capture.response = response;
    capture.latencyMs = Math.round(pending.elapsedMs * 1000) / 1000;
    return true;
  }

  /** Marks a held, delayed or forwarded request failed when its client disconnects first. */
  private watchClient(pending: Pending): void {
    pending.res.once('close', () => {
      if (pending.res.writableFinished) return;
      // Given up on while the backend was asked: its answer is not awaited any more.
      this.deps.upstream.notAwaited(pending, 'the IM server closed the connection first');
      if (pending.state === 'held') this.holds.take(pending.capture.id);
      else if (pending.state === 'delayed') this.delays.take(pending.capture.id);
      else if (pending.state !== 'forwarding') return;
      this.steps.clientLeft(pending);
    });
  }
}
