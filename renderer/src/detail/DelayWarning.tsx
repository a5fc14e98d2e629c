import type { Capture } from '../../../shared/contract/index.js';
import { formatCountdown } from '../lib/format.js';
import { useNow } from '../lib/ticker.js';

/**
 * A delay the IM server will not wait for: the answer would arrive after the server gave up (OpenIM fails the
 * request, Tencent goes on with its default). Said before sending, while it can still be changed.
 */
export function DelayWarning({ capture, delayText }: { capture: Capture; delayText: string }) {
  const now = useNow();
  const delay = Number(delayText.trim());
  if (!capture.hold || delayText.trim() === '' || !Number.isFinite(delay) || delay <= 0) return null;
  const serverLeft = capture.receivedAt + capture.hold.serverTimeoutMs - now;
  if (delay < serverLeft) return null;
  return (
    <p className="field-warning" role="alert">
      A {delay} ms delay is longer than the IM server still waits ({formatCountdown(serverLeft)} of{' '}
      {capture.hold.serverTimeoutMs / 1000} s): the answer would arrive after it gave up.
    </p>
  );
}
