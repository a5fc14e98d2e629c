import type { Capture, CaptureSummaryText, Finding } from '../../../shared/contract/index.js';
import { lateAnswerFinding } from '../../../shared/protocol/index.js';
import { clientGaveUp, inspectCapture, predictedOutcome } from './capture-factory.js';
import { failureLine, type HandlerDeps, type Pending } from './pending.js';
import { decisionFindings, predictClientLeft } from './predict.js';
import { answerInternalError, type BadInput, badInputResponse } from './request-input.js';
import { serverTimeoutMs } from './server-settings.js';

/**
 * How a pending request ends, and the capture steps on its way (store, update, finish): the outcome predicted for
 * the answer sent (or for the client that left first), the findings, and the capture handed to the engine.
 */
export class PendingSteps {
  constructor(private readonly deps: Pick<HandlerDeps, 'captures' | 'settings' | 'log'>) {}

  /** Last line of defence for a deferred answer (the listener's own guard covers only `handle`). */
  failedInternally(pending: Pending, err: unknown): void {
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
  settle(pending: Pending): void {
    const { capture, request, elapsedMs } = pending;
    capture.outcome = predictedOutcome(capture, request.body, elapsedMs, this.deps.settings());
    const found = decisionFindings(capture, pending.id, request.body);
    // Sent after the IM server gave up: said in Checks as well as in the outcome sentence (a relayed backend answer
    // carries it in its own checks; a fault sent no answer to be late).
    const late =
      capture.decidedBy === 'upstream' || capture.response?.fault !== undefined
        ? null
        : lateAnswerFinding(capture.dialect, elapsedMs, serverTimeoutMs(this.deps.settings(), capture.dialect));
    if (late) found.push(late);
    if (found.length > 0) {
      this.inspect(pending); // validation first, so its findings stay ahead of these
      capture.findings = [...capture.findings, ...found];
    }
    this.finish(pending);
  }

  /** Answers bad input with its 4xx (`closing`: the connection is not reused) and finishes the capture as failed. */
  rejectBadInput(pending: Pending, bad: BadInput, closing: boolean): void {
    const response = badInputResponse(bad, closing);
    pending.res.writeHead(response.status, response.headers);
    pending.res.end(response.bodyText);
    pending.capture.response = response;
    // First, before the validation findings. Not JSON: validation reports it in words (body-not-json / body-empty);
    // a second finding would say it again.
    pending.capture.findings =
      bad.code === 'invalid-json' ? [] : [{ level: 'error', code: bad.code, message: bad.message }];
    this.fail(pending, null);
  }

  /**
   * The client (the IM server) went away before the answer was written. It still produced an outcome: its timeout
   * outcome when the answer would have come after its timeout, else that of no answer. Predicted, not left empty.
   */
  clientLeft(pending: Pending): void {
    const sendElapsedMs = (pending.dueAt ?? performance.now()) - pending.startedAt;
    const { capture, request, id } = pending;
    capture.outcome = predictClientLeft(capture, id, request.body, sendElapsedMs, this.deps.settings());
    this.fail(pending, clientGaveUp);
  }

  /** Finishes the capture as failed, with `finding` after the validation findings. */
  fail(pending: Pending, finding: Finding | null): void {
    const { capture } = pending;
    this.inspect(pending);
    if (finding) capture.findings = [...capture.findings, finding];
    capture.latencyMs = Math.round((performance.now() - pending.startedAt) * 1000) / 1000;
    this.finish(pending, 'failed');
  }

  /**
   * Validation findings and the summary text. Neither changes the answer, so for a request answered at once they
   * are worked out after the answer is on its way (lower latency); a capture is never stored without them.
   */
  inspect(pending: Pending): CaptureSummaryText {
    pending.text ??= inspectCapture(pending.capture, pending.request, pending.id, this.deps.settings());
    return pending.text;
  }

  /** First shown before its final state (held, or answered with a delay). */
  store(pending: Pending): void {
    this.deps.captures.store(pending.capture, this.inspect(pending));
  }

  update(pending: Pending): void {
    this.deps.captures.update(pending.capture, this.inspect(pending));
  }

  /** The final state: a stored (held or delayed) request is finished, any other recorded for the first time. */
  finish(pending: Pending, state: Capture['state'] = 'answered'): void {
    const stored = pending.state === 'held' || pending.state === 'delayed';
    pending.state = 'done';
    pending.capture.state = state;
    const text = this.inspect(pending);
    if (stored) this.deps.captures.finish(pending.capture, text, pending.request.body);
    else this.deps.captures.record(pending.capture, text, pending.request.body);
  }
}
