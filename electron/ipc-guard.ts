import { isSameOrigin } from './origin-policy.js';

/** The part of Electron's `WebFrameMain` the guard looks at (structural, so tests pass plain objects). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * An IPC message is trusted only when it comes from the top frame of a page served by the engine's control origin.
 * A null frame (already navigated away or destroyed) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, engineOrigin: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return isSameOrigin(frame.url, engineOrigin);
}

export class UntrustedSenderError extends Error {
  constructor(channel: string, url: string | undefined) {
    super(`IPC ${channel} refused: sender ${url ?? '(no frame)'} is not the Callback Inspector page`);
    this.name = 'UntrustedSenderError';
  }
}
