import type { Capture, HoldInfo } from '../../../shared/contract/index.js';
import { predictionTimeoutMs } from '../../../shared/protocol/index.js';
import { formatCountdown } from '../lib/format.js';
import { Countdown } from '../table/Countdown.js';

/**
 * Both clocks of a held request (product.md §2 v3): when the IM server itself gives up (Tencent 2 s from arrival,
 * OpenIM its configured timeout) and when the engine sends the fallback. A hold setting longer than the server
 * waits is said here too: the person must not believe they have more time than the server gives.
 */
export function HoldDeadline({ capture, hold }: { capture: Capture; hold: HoldInfo }) {
  const serverMs = predictionTimeoutMs(capture.dialect, hold.serverTimeoutMs);
  const server = capture.dialect === 'tencent' ? 'Tencent' : 'OpenIM';
  return (
    <div className="hold-deadlines">
      {/* Two clocks that wrap as wholes, each of fixed width: the panel's buttons never jump as the seconds run. */}
      <span className="hold-deadline">
        <span className="hold-clock">
          {server} gives up in <Countdown deadlineAt={capture.receivedAt + serverMs} totalMs={serverMs} />
        </span>
        {' · '}
        <span className="hold-clock">
          fallback in <Countdown deadlineAt={hold.deadlineAt} totalMs={serverMs} />
        </span>
      </span>
      {hold.serverTimeoutMs > serverMs ? (
        <p className="field-warning">
          The hold timeout ({formatCountdown(hold.serverTimeoutMs)}) outlives {server}'s own {formatCountdown(serverMs)}
          : the fallback still goes out before {server} gives up.
        </p>
      ) : null}
    </div>
  );
}
