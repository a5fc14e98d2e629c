import type { Capture, HoldInfo, Settings } from '../../../shared/contract/index.js';
import { predictionTimeoutMs, type ServerProfile } from '../../../shared/protocol/index.js';

/**
 * What the settings say about the IM server a request came from — its timeout and its profile — read in one place
 * by everything that predicts what that server does (outcomes, holds, upstream forwarding).
 */

/** The IM server's own timeout for a request of this dialect (unknown: the OpenIM value). */
export function serverTimeoutMs(settings: Settings, dialect: Capture['dialect']): number {
  return dialect === 'tencent' ? settings.hold.tencentTimeoutMs : settings.hold.openimTimeoutMs;
}

/** The server version (OpenIM) or failure policy (Tencent) outcomes are predicted for. */
export function serverProfile(settings: Settings, dialect: Capture['dialect']): ServerProfile {
  return dialect === 'tencent'
    ? { dialect: 'tencent', policy: settings.profiles.tencent }
    : { dialect: 'openim', version: settings.profiles.openim };
}

/** Whether the hold mode holds a request of this phase (a hold rule holds whatever the mode). */
export function holdsByMode(settings: Settings, phase: Capture['phase']): boolean {
  const mode = settings.hold.mode;
  return mode === 'all' || (mode === 'before' && phase === 'before');
}

/**
 * When a held request gets its fallback: the IM server's deadline minus the margin. The server's own deadline
 * bounds it whatever the hold setting says (product.md §2 v3): Tencent gives up at 2 s, so a longer Tencent hold
 * still sends its fallback before 2 s; `serverTimeoutMs` keeps the setting, so the window can say it outlives it.
 */
export function holdInfo(settings: Settings, capture: Capture): HoldInfo {
  const timeout = serverTimeoutMs(settings, capture.dialect);
  const waits = Math.min(timeout, predictionTimeoutMs(capture.dialect, timeout));
  return {
    deadlineAt: capture.receivedAt + Math.max(0, waits - settings.hold.marginMs),
    serverTimeoutMs: timeout,
    fallback: settings.hold.fallback,
  };
}
