import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  ALLOW,
  type Capture,
  type CaptureSummaryText,
  type DecidedBy,
  type Decision,
  type Settings,
} from '../../../shared/contract/index.js';
import {
  buildAnswer,
  type Identification,
  type IncomingRequest,
  identify,
  predictOutcome,
  summarize,
  validate,
} from '../../../shared/protocol/index.js';
import { withBody } from '../store/capture-line.js';
import {
  applyIdentification,
  clientGaveUp,
  holdInfo,
  newCapture,
  serverProfile,
  serverTimeoutMs,
} from './capture-factory.js';
import { executeAnswer } from './fault.js';
import { HoldQueue } from './hold-queue.js';
import { INTERNAL_ERROR_BODY, type RawRequest } from './listener.js';
import type { RuleEngine } from './rule-engine.js';

/** One request between arrival and its final state. */
interface Pending {
  capture: Capture;
  /** Set by `inspect`, which runs after the answer went out (or before a held request is first shown). */
  text: CaptureSummaryText | null;
  request: IncomingRequest;
  id: Identification;
  body: unknown;
  res: ServerResponse;
  startedAt: number;
  /** Already in the store (held, or answered after a delay): the next commit is an update. */
  stored: boolean;
  /** Final state reached; later socket events are ignored. */
  done: boolean;
  /** A 'close' listener is attached (held or delayed). */
  watched: boolean;
  /** Decided straight from `handle`: the answer and the capture's work wait for the end of this loop turn. */
  settleLater: boolean;
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

type BadInput = { status: number; code: string; message: string };

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** The parsed body, or why the request gets a 4xx instead of a decision (still captured). */
function readInput(
  raw: RawRequest,
  maxBodyBytes: number,
): { body: unknown; parseError?: string; bad: BadInput | null } {
  if (raw.truncated) {
    const message = `request body is larger than ${maxBodyBytes} bytes`;
    return { body: undefined, bad: { status: 413, code: 'body-too-large', message } };
  }
  if (raw.method !== 'POST') {
    const message = `${raw.method} is not accepted: callbacks are POST`;
    return { body: undefined, bad: { status: 405, code: 'method-not-allowed', message } };
  }
  try {
    return { body: JSON.parse(raw.bodyText) as unknown, bad: null };
  } catch (err) {
    const parseError = raw.bodyText === '' ? 'empty body' : err instanceof Error ? err.message : String(err);
    const message = `request body is not JSON: ${parseError}`;
    return { body: undefined, parseError, bad: { status: 400, code: 'invalid-json', message } };
  }
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
    const request: IncomingRequest = {
      method: raw.method,
      path: raw.path,
      query: raw.query,
      headers: raw.headers,
      body,
      bodyText: raw.bodyText,
    };
    // Assigned, not spread from a conditional object literal: one object less per request.
    if (parseError !== undefined) request.parseError = parseError;
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
      stored: false,
      done: false,
      watched: false,
      settleLater: true,
      elapsedMs: 0,
    };
    const settings = this.deps.settings();
    if (bad) {
      this.rejectBadInput(pending, bad);
      return;
    }
    // Precedence (product.md §2 v2): a matching rule first — an answer rule answers at once even in hold mode, a
    // hold rule always holds — then the global hold mode, then the default answer.
    const match = this.deps.rules.match({ dialect: id.dialect, command: id.command, body });
    if (match) this.deps.rulesUsed();
    const mode = settings.hold.mode;
    const holdByMode = match === null && (mode === 'all' || (mode === 'before' && id.phase === 'before'));
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
    return withBody(pending.capture);
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
    // Decided later, by someone who expects the capture complete when the decision returns.
    pending.settleLater = false;
    capture.hold = holdInfo(settings, capture);
    this.holds.add(capture.id, pending, capture.hold.deadlineAt, (p) => this.fallback(p));
    this.watchClient(pending);
    this.commit(pending, false);
  }

  /**
   * Validation findings and the summary text. Neither changes the answer, so for a request answered at once they
   * are worked out after the answer is on its way (lower latency); a capture is never stored without them.
   */
  private inspect(pending: Pending): CaptureSummaryText {
    if (pending.text) return pending.text;
    const { capture, request, id } = pending;
    // A cut body would only produce misleading field findings.
    if (!capture.request.truncated) {
      const { tencent } = this.deps.settings();
      const found = validate(request, id, {
        sdkAppId: tencent.sdkAppId,
        token: tencent.token,
        maxClockSkewS: tencent.maxClockSkewS,
        nowMs: capture.receivedAt,
      });
      // Findings added before this (a rejected input) stay first.
      capture.findings = capture.findings.length === 0 ? found : [...capture.findings, ...found];
    }
    const summary = summarize(id, pending.body);
    pending.text = { parties: summary.parties, text: summary.text };
    return pending.text;
  }

  /** Stores (first time) or updates the capture; `final` also writes it to the log. */
  private commit(pending: Pending, final: boolean): void {
    const text = this.inspect(pending);
    this.deps.commit(pending.capture, text, !pending.stored, final);
    pending.stored = true;
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
    pending.settleLater = false;
    this.delayed.add(pending);
    this.watchClient(pending);
    pending.delayTimer = setTimeout(() => this.send(pending), delayMs);
    this.commit(pending, false);
  }

  private send(pending: Pending): void {
    this.delayed.delete(pending);
    if (pending.done) return;
    if (pending.settleLater && !this.stopping) {
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
      this.giveUp(pending);
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
    const reason = err instanceof Error ? err.message : String(err);
    this.deps.log(`capture ${capture.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (!res.headersSent && !res.writableEnded) {
      res.writeHead(500, JSON_HEADERS);
      res.end(INTERNAL_ERROR_BODY);
      capture.response = { status: 500, headers: JSON_HEADERS, bodyText: INTERNAL_ERROR_BODY };
    }
    // Still recorded, with what went wrong.
    try {
      this.inspect(pending);
      capture.findings = [
        ...capture.findings,
        { level: 'error', code: 'internal', message: `The engine failed to answer: ${reason}` },
      ];
      capture.latencyMs = Math.round((performance.now() - pending.startedAt) * 1000) / 1000;
      this.finish(pending, 'failed');
    } catch (again) {
      this.deps.log(`capture ${capture.id} not recorded: ${String(again)}`);
    }
  }

  /** The predicted outcome of the answer sent, then the final capture. */
  private settle(pending: Pending): void {
    const { capture } = pending;
    const response = capture.response;
    const settings = this.deps.settings();
    const timeout = serverTimeoutMs(settings, capture.dialect);
    const fault = response?.fault;
    const silent = fault === 'no-response' || fault === 'close' || fault === 'reset';
    capture.outcome = predictOutcome({
      dialect: capture.dialect,
      command: capture.command,
      phase: capture.phase,
      requestBody: pending.body,
      sent: silent
        ? { action: fault }
        : { action: 'respond', status: response?.status ?? 0, bodyText: response?.bodyText ?? '' },
      // With no answer at all, the IM server waits for its own timeout.
      elapsedMs: fault === 'no-response' ? timeout : pending.elapsedMs,
      serverTimeoutMs: timeout,
      profile: serverProfile(settings, capture.dialect),
    });
    this.finish(pending);
  }

  private rejectBadInput(pending: Pending, bad: BadInput): void {
    const { capture, res } = pending;
    const bodyText = JSON.stringify({ error: { code: bad.code, message: bad.message } });
    const headers: Record<string, string> = { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(bodyText)) };
    if (bad.status === 405) headers.allow = 'POST';
    // After an oversized body the connection is not reused.
    if (bad.status === 413 || this.stopping) headers.connection = 'close';
    res.writeHead(bad.status, headers);
    res.end(bodyText);
    capture.latencyMs = Math.round((performance.now() - pending.startedAt) * 1000) / 1000;
    // Not JSON: validation reports it in words (body-not-json / body-empty); a second finding would say it again.
    capture.findings = bad.code === 'invalid-json' ? [] : [{ level: 'error', code: bad.code, message: bad.message }];
    this.inspect(pending);
    capture.state = 'failed';
    capture.response = { status: bad.status, headers, bodyText };
    this.finish(pending, 'failed');
  }

  /** Marks a held/delayed request failed when its client disconnects first. */
  private watchClient(pending: Pending): void {
    if (pending.watched) return;
    pending.watched = true;
    pending.res.once('close', () => {
      if (pending.done || pending.res.writableFinished) return;
      if (this.holds.take(pending.capture.id) === undefined && !this.delayed.has(pending)) return;
      clearTimeout(pending.delayTimer);
      this.delayed.delete(pending);
      this.giveUp(pending);
    });
  }

  private giveUp(pending: Pending): void {
    const { capture } = pending;
    this.inspect(pending);
    capture.findings = [...capture.findings, clientGaveUp];
    capture.latencyMs = Math.round((performance.now() - pending.startedAt) * 1000) / 1000;
    this.finish(pending, 'failed');
  }

  private finish(pending: Pending, state: Capture['state'] = 'answered'): void {
    pending.done = true;
    pending.capture.state = state;
    this.commit(pending, true);
  }
}
