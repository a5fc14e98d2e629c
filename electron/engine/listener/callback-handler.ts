import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  ALLOW,
  type Capture,
  type CaptureSummaryText,
  type DecidedBy,
  type Decision,
  type Finding,
  type Settings,
} from '../../../shared/contract/index.js';
import { buildAnswer, identify } from '../../../shared/protocol/index.js';
import { AnswerBatch } from './answer-batch.js';
import {
  applyIdentification,
  clientGaveUp,
  holdInfo,
  inspectCapture,
  newCapture,
  predictedOutcome,
} from './capture-factory.js';
import { executeAnswer } from './fault.js';
import { HoldQueue } from './hold-queue.js';
import type { RawRequest } from './listener.js';
import { failureLine, type HandlerDeps, type Pending } from './pending.js';
import { decisionFindings, predictClientLeft } from './predict.js';
import {
  answerInternalError,
  type BadInput,
  badInputResponse,
  closesConnection,
  incomingRequest,
  readInput,
} from './request-input.js';
import { UpstreamRelay } from './upstream-relay.js';

export type { HandlerDeps } from './pending.js';

const NO_RESPONSE: Decision = Object.freeze({ verdict: 'allow', fault: Object.freeze({ type: 'no-response' }) });

function holdsByMode(settings: Settings, phase: Pending['id']['phase']): boolean {
  const mode = settings.hold.mode;
  return mode === 'all' || (mode === 'before' && phase === 'before');
}

/**
 * The listener's pipeline: identify → validate → decide (hold / rule / default) → answer → capture.
 * Owns the held requests, the delayed answers and the sockets a `no-response` fault keeps open.
 */
export class CallbackHandler {
  readonly holds = new HoldQueue<Pending>();
  private readonly delayed = new Set<Pending>();
  private readonly lingering = new Set<Socket>();
  private stopping = false;
  /** Requests decided at once in this loop turn: answered together at its end. */
  private readonly answering = new AnswerBatch<Pending>({
    write: (pending) => this.write(pending),
    settle: (pending) => this.settle(pending),
    writeFailed: (pending, err) => this.failedInternally(pending, err),
    settleFailed: (pending, err) => this.deps.log(failureLine(pending, err)),
  });
  /** Upstream mode: forwarding to the app backend and relaying its answer. */
  private readonly relay: UpstreamRelay<Pending>;

  constructor(private readonly deps: HandlerDeps) {
    this.relay = new UpstreamRelay(deps.agents, {
      settings: deps.settings,
      isHeld: (p) => p.stage === 'held',
      answer: (p, decision, by) => this.answer(p, decision, by),
      updated: (p) => this.commit(p, false, false),
      fallback: (p) => this.ruleOrDefault(p),
      seen: deps.upstreamSeen,
    });
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
      capture,
      stage: 'new',
      text: null,
      request,
      raw,
      id,
      res,
      startedAt: raw.startedAt,
      elapsedMs: 0,
    };
    if (bad) {
      this.rejectBadInput(pending, bad, closesConnection(raw, bad));
      return;
    }
    // v2 precedence: an answer or forward rule acts at once even in hold mode; a hold rule always holds.
    const { maxMatchBytes } = this.deps.settings().rules;
    const match = this.deps.rules.match({ dialect: id.dialect, command: id.command, body, maxMatchBytes });
    if (match) this.deps.rulesUsed();
    const upstream = settings.upstream.url;
    if (match?.type === 'answer') this.answer(pending, match.decision, `rule:${match.ruleId}`);
    else if (match?.type === 'forward') this.forward(pending, match.url ?? upstream);
    else if (match?.type === 'hold' || holdsByMode(settings, id.phase)) {
      this.hold(pending, settings);
      // Held in upstream mode: forwarded at once, the backend's answer becomes the proposal.
      if (upstream !== null) this.relay.forward(pending, upstream);
    } else if (upstream !== null) this.forward(pending, upstream);
    else this.answer(pending, ALLOW, 'default');
  }

  /** A decision from a person or the API on a held request; null when it is not held. */
  decide(captureId: string, decision: Decision, by: 'person' | 'api'): Capture | null {
    const pending = this.holds.take(captureId);
    if (!pending) return null;
    this.relay.notAwaited(pending, `${by === 'person' ? 'a person' : 'the API'} answered before the backend`);
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
    for (const pending of this.relay.inFlight()) {
      this.relay.notAwaited(pending, 'the engine stopped');
      this.fallback(pending);
    }
    for (const pending of [...this.delayed]) {
      clearTimeout(pending.delayTimer);
      this.send(pending);
    }
    for (const socket of this.lingering) socket.destroy();
  }

  private hold(pending: Pending, settings: Settings): void {
    const { capture } = pending;
    pending.stage = 'held';
    capture.hold = holdInfo(settings, capture);
    this.holds.add(capture.id, pending, capture.hold.deadlineAt, (p) => this.fallback(p));
    this.watchClient(pending);
    this.commit(pending, true, false);
  }

  /**
   * Validation findings and the summary text. Neither changes the answer, so for a request answered at once they
   * are worked out after the answer is on its way (lower latency); a capture is never stored without them.
   */
  private inspect(pending: Pending): CaptureSummaryText {
    pending.text ??= inspectCapture(pending.capture, pending.request, pending.id, this.deps.settings());
    return pending.text;
  }

  /** Stores (`isNew`) or updates the capture; `final` also writes it to the log. */
  private commit(pending: Pending, isNew: boolean, final: boolean): void {
    this.deps.commit(pending.capture, this.inspect(pending), isNew, final, pending.request.body);
  }

  /** Upstream mode: the answer comes later, from the backend, in another loop turn. */
  private forward(pending: Pending, base: string | null): void {
    pending.stage = 'forwarding';
    this.watchClient(pending);
    this.relay.forward(pending, base);
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
    this.relay.notAwaited(pending, 'no answer before the hold deadline');
    if (pending.capture.hold?.fallback === 'no-response') {
      this.answer(pending, NO_RESPONSE, 'timeout');
      return;
    }
    this.answer(pending, this.ruleOrDefault(pending).decision, 'timeout');
  }

  private answer(pending: Pending, decision: Decision, by: DecidedBy): void {
    const { capture } = pending;
    capture.decision = decision;
    capture.decidedBy = by;
    const delayMs = this.stopping ? 0 : (decision.delayMs ?? 0);
    if (delayMs <= 0) {
      this.send(pending);
      return;
    }
    // Answered but not yet sent: shown as answered with no response until the delay ends.
    capture.state = 'answered';
    const isNew = pending.stage === 'new' || pending.stage === 'forwarding';
    if (pending.stage === 'new') this.watchClient(pending);
    pending.stage = 'delayed';
    this.delayed.add(pending);
    pending.sendAt = performance.now() + delayMs;
    pending.delayTimer = setTimeout(() => this.send(pending), delayMs);
    this.commit(pending, isNew, false);
  }

  private send(pending: Pending): void {
    this.delayed.delete(pending);
    if (pending.stage === 'done') return;
    if (pending.stage === 'new' && !this.stopping) {
      pending.stage = 'queued';
      this.answering.add(pending);
      return;
    }
    if (this.write(pending)) this.settle(pending);
  }

  /** Writes the decided answer; false when the client is gone (the capture is then finished as failed). */
  private write(pending: Pending): boolean {
    const { capture, res } = pending;
    if (res.destroyed || res.writableEnded) {
      this.clientLeft(pending);
      return false;
    }
    const plan = buildAnswer(pending.id, pending.request.body, capture.decision ?? ALLOW);
    const response = executeAnswer(res, plan, { closeConnection: this.stopping, lingering: this.lingering });
    pending.elapsedMs = performance.now() - pending.startedAt;
    capture.state = 'answered';
    capture.response = response;
    capture.latencyMs = Math.round(pending.elapsedMs * 1000) / 1000;
    return true;
  }

  /** Last line of defence for a deferred answer (the listener's own guard covers only `handle`). */
  private failedInternally(pending: Pending, err: unknown): void {
    const { res, capture } = pending;
    this.deps.log(failureLine(pending, err));
    capture.response = answerInternalError(res) ?? capture.response;
    // Still recorded, with what went wrong.
    try {
      const reason = err instanceof Error ? err.message : String(err);
      this.fail(pending, { level: 'error', code: 'internal', message: `The engine failed to answer: ${reason}` });
    } catch (again) {
      this.deps.log(`capture ${capture.id} not recorded: ${String(again)}`);
    }
  }

  /** The predicted outcome of the answer sent, then the final capture. */
  private settle(pending: Pending): void {
    const { capture, request, elapsedMs } = pending;
    capture.outcome = predictedOutcome(capture, request.body, elapsedMs, this.deps.settings());
    const found = decisionFindings(capture, pending.id, request.body);
    if (found.length > 0) {
      this.inspect(pending); // validation first, so its findings stay ahead of these
      capture.findings = [...capture.findings, ...found];
    }
    this.finish(pending);
  }

  private rejectBadInput(pending: Pending, bad: BadInput, close: boolean): void {
    const response = badInputResponse(bad, close || this.stopping);
    pending.res.writeHead(response.status, response.headers);
    pending.res.end(response.bodyText);
    pending.capture.response = response;
    // First, before the validation findings. Not JSON: validation reports it in words (body-not-json / body-empty);
    // a second finding would say it again.
    pending.capture.findings =
      bad.code === 'invalid-json' ? [] : [{ level: 'error', code: bad.code, message: bad.message }];
    this.fail(pending, null);
  }

  /** Marks a held, delayed or forwarded request failed when its client disconnects first. */
  private watchClient(pending: Pending): void {
    pending.res.once('close', () => {
      if (pending.res.writableFinished) return;
      // Given up on while the backend was asked: its answer is not awaited any more.
      this.relay.notAwaited(pending, 'the IM server closed the connection first');
      if (pending.stage === 'held') this.holds.take(pending.capture.id);
      else if (pending.stage === 'delayed') {
        clearTimeout(pending.delayTimer);
        this.delayed.delete(pending);
      } else if (pending.stage !== 'forwarding') return;
      this.clientLeft(pending);
    });
  }

  /**
   * The client (the IM server) went away before the answer was written. It still produced an outcome: its timeout
   * outcome when the answer would have come after its timeout, else that of no answer. Predicted, not left empty.
   */
  private clientLeft(pending: Pending): void {
    const now = performance.now();
    const sendElapsedMs = (pending.sendAt ?? now) - pending.startedAt;
    const { capture, request, id } = pending;
    capture.outcome = predictClientLeft(capture, id, request.body, sendElapsedMs, this.deps.settings());
    this.fail(pending, clientGaveUp);
  }

  /** Finishes the capture as failed, with `finding` after the validation findings. */
  private fail(pending: Pending, finding: Finding | null): void {
    const { capture } = pending;
    this.inspect(pending);
    if (finding) capture.findings = [...capture.findings, finding];
    capture.latencyMs = Math.round((performance.now() - pending.startedAt) * 1000) / 1000;
    this.finish(pending, 'failed');
  }

  private finish(pending: Pending, state: Capture['state'] = 'answered'): void {
    // Only held and delayed requests were stored before their final state.
    const isNew = pending.stage !== 'held' && pending.stage !== 'delayed';
    pending.stage = 'done';
    pending.capture.state = state;
    this.commit(pending, isNew, true);
  }
}
