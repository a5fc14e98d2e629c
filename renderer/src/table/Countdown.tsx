import { formatCountdown } from '../lib/format.js';
import { useNow } from '../lib/ticker.js';

/** Time left until the engine sends the fallback answer for a held request. */
export function Countdown({ deadlineAt, totalMs }: { deadlineAt: number; totalMs: number }) {
  const now = useNow();
  const left = deadlineAt - now;
  const urgent = left < Math.min(1000, totalMs / 3);
  return (
    <span className={urgent ? 'countdown countdown-urgent' : 'countdown'} aria-live="off">
      {formatCountdown(left)}
    </span>
  );
}
