import type { Capture, CaptureSummary, CaptureSummaryText } from '../../../shared/contract/index.js';

/** The list/event form: the capture without bodies, plus the one-line summary. */
export function toSummary(capture: Capture, text: CaptureSummaryText): CaptureSummary {
  // Explicit copies, not rest destructuring: this runs per event and rest spreads are slow in V8.
  const req = capture.request;
  const request: CaptureSummary['request'] = {
    method: req.method,
    url: req.url,
    path: req.path,
    query: req.query,
    headers: req.headers,
  };
  if (req.parseError !== undefined) request.parseError = req.parseError;
  if (req.truncated !== undefined) request.truncated = req.truncated;
  const res = capture.response;
  let response: CaptureSummary['response'] = null;
  if (res) {
    response = { status: res.status, headers: res.headers };
    if (res.fault !== undefined) response.fault = res.fault;
    if (res.truncated !== undefined) response.truncated = res.truncated;
  }
  const summary: CaptureSummary = {
    id: capture.id,
    seq: capture.seq,
    receivedAt: capture.receivedAt,
    dialect: capture.dialect,
    command: capture.command,
    phase: capture.phase,
    state: capture.state,
    decidedBy: capture.decidedBy,
    request,
    findings: capture.findings,
    decision: capture.decision,
    response,
    latencyMs: capture.latencyMs,
    outcome: capture.outcome,
    hold: capture.hold,
    identifiedBy: capture.identifiedBy,
    summary: text,
  };
  if (capture.recordedSeq !== undefined) summary.recordedSeq = capture.recordedSeq;
  if (capture.imported !== undefined) summary.imported = capture.imported;
  if (capture.origin !== undefined) summary.origin = capture.origin;
  if (capture.upstream !== undefined) summary.upstream = capture.upstream;
  return summary;
}
