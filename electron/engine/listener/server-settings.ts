import type { Capture, HoldInfo, Settings } from '../../../shared/contract/index.js';
import type { ServerProfile } from '../../../shared/protocol/index.js';

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

/** When a held request gets its fallback: the IM server's deadline minus the margin. */
export function holdInfo(settings: Settings, capture: Capture): HoldInfo {
  const timeout = serverTimeoutMs(settings, capture.dialect);
  return {
    deadlineAt: capture.receivedAt + Math.max(0, timeout - settings.hold.marginMs),
    serverTimeoutMs: timeout,
    fallback: settings.hold.fallback,
  };
}
