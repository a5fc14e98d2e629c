import { useEffect, useMemo } from 'react';
import { useApp } from '../store/app-store.js';
import { heldByDeadline } from '../store/capture-list.js';
import { selectNextHeld } from '../store/held-actions.js';
import { Countdown } from '../table/Countdown.js';
import { requestRowFocus } from '../table/row-focus.js';

const BASE_TITLE = 'Callback Inspector';

/** `(N held) Callback Inspector`: the tab and the task bar say it even when the window is behind others. */
function useHeldTitle(count: number): void {
  useEffect(() => {
    document.title = count > 0 ? `(${count} held) ${BASE_TITLE}` : BASE_TITLE;
  }, [count]);
}

/**
 * "N held · next fallback in 1.2 s" in the top bar while requests wait; a click (or H) selects the next one. The
 * live region is always in the page (a region inserted with its text is not announced); the countdown inside it
 * is aria-live="off", so only the count changes are read out.
 */
export function HeldStatus() {
  const list = useApp((s) => s.list);
  const mode = useApp((s) => s.settings?.hold.mode ?? 'off');
  const held = useMemo(() => heldByDeadline(list), [list]);
  useHeldTitle(held.length);
  const nearest = held[0];
  return (
    <div className="held-status" role="status" aria-label="Held requests">
      {nearest ? (
        <button
          type="button"
          className="held-status-button"
          aria-keyshortcuts="H"
          title="Select the next held request (H)"
          // The row takes the focus, not this button: A/D/Enter then act on the request (Enter on a focused button
          // would only click it again).
          onClick={() => {
            selectNextHeld();
            requestRowFocus();
          }}
        >
          <span className="held-count">{held.length} held</span>
          <span className="held-next">
            {' · next fallback in '}
            <Countdown deadlineAt={nearest.deadlineAt} totalMs={Number.POSITIVE_INFINITY} />
          </span>
        </button>
      ) : mode !== 'off' ? (
        // Hold mode is saved and comes back after a restart: the bar says it is on and what it holds (§2 v2) — in
        // this slot, whole (two lines if need be), where a request held later shows.
        <span
          className="badge badge-hold"
          title="Requests that no answer rule matches wait for your decision until their fallback deadline"
        >
          Holding {mode === 'before' ? 'before-callbacks' : 'all callbacks'} no rule answers
        </span>
      ) : (
        // The slot keeps its width when nothing is held: the bar (and the table under it) never moves.
        <span className="held-none muted">nothing held</span>
      )}
    </div>
  );
}
