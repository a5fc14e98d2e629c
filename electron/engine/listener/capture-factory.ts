import { randomBytes } from 'node:crypto';
import type { Capture, Finding, HoldInfo, Settings } from '../../../shared/contract/index.js';
import type { Identification, ServerProfile } from '../../../shared/protocol/index.js';
import type { RawRequest } from './listener.js';

/**
 * Capture ids: a random prefix per engine run plus the sequence number — unique across restarts and clears,
 * and much cheaper than a UUID per request (ids are not secrets: the control API needs the token).
 */
export function captureIds(): (seq: number) => string {
  const prefix = randomBytes(6).toString('base64url');
  return (seq) => `${prefix}-${seq.toString(36)}`;
}

/** A fresh capture for a request as received: not yet decided, answered or identified. */
export function newCapture(raw: RawRequest, seq: number, id: string): Capture {
  const capture: Capture = {
    id,
    seq,
    receivedAt: raw.receivedAt,
    dialect: 'unknown',
    command: null,
    phase: 'unknown',
    state: 'held',
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

/** The IM server's own timeout for a request of this dialect (unknown: the OpenIM value). */
export function serverTimeoutMs(settings: Settings, dialect: Capture['dialect']): number {
  return dialect === 'tencent' ? settings.hold.tencentTimeoutMs : settings.hold.openimTimeoutMs;
}

export function holdInfo(settings: Settings, capture: Capture): HoldInfo {
  const timeout = serverTimeoutMs(settings, capture.dialect);
  return {
    deadlineAt: capture.receivedAt + Math.max(0, timeout - settings.hold.marginMs),
    serverTimeoutMs: timeout,
    fallback: settings.hold.fallback,
  };
}

export function serverProfile(settings: Settings, dialect: Capture['dialect']): ServerProfile {
  return dialect === 'tencent'
    ? { dialect: 'tencent', policy: settings.profiles.tencent }
    : { dialect: 'openim', version: settings.profiles.openim };
}

export const clientGaveUp: Finding = {
  level: 'error',
  code: 'client-gave-up',
  message: 'The client closed the connection before an answer was sent.',
};
