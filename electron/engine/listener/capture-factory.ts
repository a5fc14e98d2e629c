import { randomBytes } from 'node:crypto';
import type {
  Capture,
  CaptureResponse,
  CaptureSummaryText,
  Finding,
  Settings,
} from '../../../shared/contract/index.js';
import {
  type Identification,
  type IncomingRequest,
  identify,
  predictOutcome,
  summarize,
  validate,
} from '../../../shared/protocol/index.js';
import { settingFindings } from './predict.js';
import type { RawRequest } from './request-input.js';
import { type BadInput, incomingRequest } from './request-input.js';
import { serverProfile, serverTimeoutMs } from './server-settings.js';

/**
 * Capture ids: a random prefix per engine run plus the sequence number — unique across restarts and clears,
 * and much cheaper than a UUID per request (ids are not secrets: the control API needs the token).
 */
export function captureIds(): (seq: number) => string {
  const prefix = randomBytes(6).toString('base64url');
  return (seq) => `${prefix}-${seq.toString(36)}`;
}

/**
 * A fresh capture for a request as received: not yet decided, answered or identified. Its `state` is a placeholder
 * until the handler's first step sets it (held when held, answered or failed at the end); nothing reads it before.
 */
export function newCapture(raw: RawRequest, seq: number, id: string): Capture {
  const capture: Capture = {
    id,
    seq,
    receivedAt: raw.receivedAt,
    dialect: 'unknown',
    command: null,
    phase: 'unknown',
    state: 'answered',
    decidedBy: null,
    request: {
      method: raw.method,
      url: raw.url,
      path: raw.path,
      query: raw.query,
      headers: raw.headers,
      bodyText: raw.bodyText,
    },
    findings: [],
    decision: null,
    response: null,
    latencyMs: null,
    outcome: null,
    hold: null,
    identifiedBy: 'none',
    origin: 'listener',
  };
  // Assigned, not spread from a conditional object literal: one object less per request.
  if (raw.truncated) capture.request.truncated = true;
  return capture;
}

export function applyIdentification(capture: Capture, id: Identification): void {
  capture.dialect = id.dialect;
  capture.command = id.command;
  capture.phase = id.phase;
  capture.identifiedBy = id.via;
}

/**
 * Validation findings (added to the capture's) and the summary text of a request. A cut body is not validated: it
 * would only produce misleading field findings.
 */
export function inspectCapture(
  capture: Capture,
  request: IncomingRequest,
  id: Identification,
  settings: Settings,
): CaptureSummaryText {
  if (!capture.request.truncated) {
    const { tencent } = settings;
    const found = validate(request, id, {
      sdkAppId: tencent.sdkAppId,
      token: tencent.token,
      maxClockSkewS: tencent.maxClockSkewS,
      nowMs: capture.receivedAt,
      openimProfile: settings.profiles.openim,
    });
    found.push(...settingFindings(capture, settings));
    // Findings added before this (a rejected input) stay first.
    capture.findings = capture.findings.length === 0 ? found : [...capture.findings, ...found];
  }
  const summary = summarize(id, request.body);
  return { parties: summary.parties, text: summary.text };
}

/** What the IM server will do with the answer this capture records (product.md §2). */
export function predictedOutcome(
  capture: Capture,
  requestBody: unknown,
  elapsedMs: number,
  settings: Settings,
): Capture['outcome'] {
  const response = capture.response;
  const timeout = serverTimeoutMs(settings, capture.dialect);
  const fault = response?.fault;
  const silent = fault === 'no-response' || fault === 'close' || fault === 'reset';
  return predictOutcome({
    dialect: capture.dialect,
    command: capture.command,
    phase: capture.phase,
    requestBody,
    sent: silent
      ? { action: fault }
      : { action: 'respond', status: response?.status ?? 0, bodyText: response?.bodyText ?? '' },
    // With no answer at all, the IM server waits for its own timeout.
    elapsedMs: fault === 'no-response' ? timeout : elapsedMs,
    serverTimeoutMs: timeout,
    profile: serverProfile(settings, capture.dialect),
  });
}

/** The failed capture of a request the HTTP layer refused (and answered with `response`) after its request line. */
export function refusedCapture(
  raw: RawRequest,
  seq: number,
  captureId: string,
  response: CaptureResponse,
  refusal: BadInput,
): { capture: Capture; text: CaptureSummaryText } {
  const capture = newCapture(raw, seq, captureId);
  const id = identify(incomingRequest({ ...raw, bodyText: '' }, undefined, undefined));
  applyIdentification(capture, id);
  capture.state = 'failed';
  capture.response = response;
  capture.findings = [{ level: 'error', code: refusal.code, message: refusal.message }];
  capture.latencyMs = 0;
  const { parties, text } = summarize(id, undefined);
  return { capture, text: { parties, text } };
}

export const clientGaveUp: Finding = {
  level: 'error',
  code: 'client-gave-up',
  message: 'The client closed the connection before an answer was sent.',
};
