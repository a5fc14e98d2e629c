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
import { buildAnswer, type Identification, type IncomingRequest, identify } from '../../../shared/protocol/index.js';
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
import { INTERNAL_ERROR_BODY, type RawRequest } from './listener.js';
import { type BadInput, badInputResponse, incomingRequest, JSON_HEADERS, readInput } from './request-input.js';
import type { RuleEngine } from './rule-engine.js';

/**
 * Where a request is. `new`: inside `handle`. `queued`: decided at once, its answer waits for the end of this
 * event-loop turn (see `answering`). `held`: waiting for a decision. `delayed`: decided, waiting out its delay.
 * `done`: final state reached; later socket events are ignored. A held or delayed request is already in the store
 * (its next commit is an update) and has a 'close' listener.
 */
type Stage = 'new' | 'queued' | 'held' | 'delayed' | 'done';

/** One request between arrival and its final state. */
interface Pending {
  capture: Capture;
  stage: Stage;
  /** Set by `inspect`, which runs after the answer went out (or before a held request is first shown). */
  text: CaptureSummaryText | null;
  request: IncomingRequest;
  id: Identification;
  body: unknown;
  res: ServerResponse;
  startedAt: number;
  /** Time from arrival to the answer written. */
  elapsedMs: number;
  delayTimer?: NodeJS.Timeout;
}

export interface HandlerDeps {
  settings(): Settings;
  rules: RuleEngine;
  nextSeq(): number;
  idFor(seq: number): string;
  /** Stores (isNew) or updates a capture and emits the event; `final` captures are also written to the log. */
  commit(capture: Capture, text: CaptureSummaryText, isNew: boolean, final: boolean): void;
  /** Rules matched or their counters changed. */
  rulesUsed(): void;
  log(line: string): void;
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
  /**
   * Requests decided at once in this loop turn. Their answers are written together in `flushAnswers` (check phase,
   * after every request read in the turn has been decided): the answers leave back to back, so the client is woken
   * once per batch instead of once per answer, and the capture work after them does not delay any of them.
   */
  private answering: Pending[] = [];
  private readonly flushAnswers = (): void => {
    const batch = this.answering;
    this.answering = [];
    const written: Pending[] = [];
    for (const pending of batch) {
      try {
        if (this.write(pending)) written.push(pending);
      } catch (err) {
        this.failedInternally(pending, err);
      }
    }
    for (const pending of written) {
      try {
        this.settle(pending);
      } catch (err) {
        // Outside the listener's own guard (this runs from setImmediate): one bad capture must not stop the rest
        // or the process.
        this.deps.log(
          `capture ${pending.capture.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      }
    }
  };

  constructor(private readonly deps: HandlerDeps) {}

  handle(raw: RawRequest, res: ServerResponse): void {
    const seq = this.deps.nextSeq();
    const capture = newCapture(raw, seq, this.deps.idFor(seq));
    const { body, parseError, bad } = readInput(raw, this.deps.settings().capture.maxBodyBytes);
    if (parseError !== undefined) capture.request.parseError = parseError;
    const request = incomingRequest(raw, body, parseError);
    const id = identify(request);
    applyIdentification(capture, id);
    const pending: Pending = {
      capture,
      text: null,
      request,
      id,
      body,
      res,
      startedAt: raw.startedAt,
      stage: 'new',
      elapsedMs: 0,
    };
    const settings = this.deps.settings();
    if (bad) {
      this.rejectBadInput(pending, bad);
      return;
    }
    const mode = settings.hold.mode;
    const holdByMode = mode === 'all' || (mode === 'before' && id.phase === 'before');
    const match = holdByMode ? null : this.deps.rules.match({ dialect: id.dialect, command: id.command, body });
    if (match) this.deps.rulesUsed();
    if (holdByMode || match?.type === 'hold') {
      this.hold(pending, settings);
      return;
    }
    this.answer(pending, match?.type === 'answer' ? match.decision : ALLOW, match ? `rule:${match.ruleId}` : 'default');
  }

  /** A decision from a person or the API on a held request; null when it is not held. */
  decide(captureId: string, decision: Decision, by: 'person' | 'api'): Capture | null {
    const pending = this.holds.take(captureId);
    if (!pending) return null;
    this.answer(pending, decision, by);
    // The full capture, as GET /api/captures/:id gives it: with the body already parsed on arrival.
    const { capture, body } = pending;
    return body === undefined ? capture : { ...capture, request: { ...capture.request, body } };
  }

  isHeld(captureId: string): boolean {
    return this.holds.has(captureId);
  }

  /** Engine stopping: every held request gets its fallback, delayed answers go out now, open sockets are dropped. */
  stop(): void {
    this.stopping = true;
    this.flushAnswers();
    for (const pending of this.holds.takeAll()) this.fallback(pending);
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
    this.deps.commit(pending.capture, this.inspect(pending), isNew, final);
  }

  private fallback(pending: Pending): void {
    const { capture } = pending;
    if (capture.hold?.fallback === 'no-response') {
      this.answer(pending, { verdict: 'allow', fault: { type: 'no-response' } }, 'timeout');
      return;
    }
    const match = this.deps.rules.match(
      { dialect: capture.dialect, command: capture.command, body: pending.body },
      true,
    );
    if (match) this.deps.rulesUsed();
    this.answer(pending, match?.type === 'answer' ? match.decision : ALLOW, 'timeout');
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
    const isNew = pending.stage === 'new';
    pending.stage = 'delayed';
    this.delayed.add(pending);
    if (isNew) this.watchClient(pending);
    pending.delayTimer = setTimeout(() => this.send(pending), delayMs);
    this.commit(pending, isNew, false);
  }

  private send(pending: Pending): void {
    this.delayed.delete(pending);
    if (pending.stage === 'done') return;
    if (pending.stage === 'new' && !this.stopping) {
      pending.stage = 'queued';
      this.answering.push(pending);
      if (this.answering.length === 1) setImmediate(this.flushAnswers);
      return;
    }
    if (this.write(pending)) this.settle(pending);
  }

  /** Writes the decided answer; false when the client is gone (the capture is then finished as failed). */
  private write(pending: Pending): boolean {
    const { capture, res } = pending;
    if (res.destroyed || res.writableEnded) {
      this.fail(pending, clientGaveUp);
      return false;
    }
    const plan = buildAnswer(pending.id, pending.body, capture.decision ?? ALLOW);
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
    this.deps.log(`capture ${capture.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (!res.headersSent && !res.writableEnded) {
      res.writeHead(500, JSON_HEADERS);
      res.end(INTERNAL_ERROR_BODY);
      capture.response = { status: 500, headers: JSON_HEADERS, bodyText: INTERNAL_ERROR_BODY };
    }
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
    pending.capture.outcome = predictedOutcome(pending.capture, pending.body, pending.elapsedMs, this.deps.settings());
    this.finish(pending);
  }

  private rejectBadInput(pending: Pending, bad: BadInput): void {
    const response = badInputResponse(bad, this.stopping);
    pending.res.writeHead(response.status, response.headers);
    pending.res.end(response.bodyText);
    pending.capture.response = response;
    // First, before the validation findings.
    pending.capture.findings = [{ level: 'error', code: bad.code, message: bad.message }];
    this.fail(pending, null);
  }

  /** Marks a held/delayed request failed when its client disconnects first. */
  private watchClient(pending: Pending): void {
    pending.res.once('close', () => {
      if (pending.res.writableFinished) return;
      if (pending.stage === 'held') this.holds.take(pending.capture.id);
      else if (pending.stage === 'delayed') {
        clearTimeout(pending.delayTimer);
        this.delayed.delete(pending);
      } else return;
      this.fail(pending, clientGaveUp);
    });
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
