import { getState, setState } from './app-store.js';
import { heldByDeadline, NO_FILTER } from './capture-list.js';
import { rowView } from './row-view.js';
import { selectCapture } from './selection-actions.js';

/**
 * H, the top bar's held status, a desktop notification: select the next held request. With a held row selected,
 * the one after it by fallback deadline (wrapping), so repeated H visits every held request; otherwise the most
 * urgent. A filter that hides it is cleared: a held request must never be out of sight. Returns the id, if any.
 */
export function selectNextHeld(): string | null {
  const { list, selectedId } = getState();
  const held = heldByDeadline(list);
  if (held.length === 0) return null;
  const at = selectedId === null ? -1 : held.findIndex((h) => h.id === selectedId);
  const next = held[(at + 1) % held.length];
  if (!next) return null;
  revealAndSelect(next.id);
  return next.id;
}

/** Selects a capture and makes its row visible: the filter goes if it hides it, following stops unless it is last. */
export function revealAndSelect(id: string): void {
  const state = getState();
  let view = rowView(state.list, state.filter);
  if (view.indexOf(id) === -1 && state.list.index.has(id)) {
    setState({ filter: NO_FILTER });
    view = rowView(state.list, NO_FILTER);
  }
  const position = view.indexOf(id);
  if (getState().followNewest && position !== -1 && position !== view.length - 1) setState({ followNewest: false });
  selectCapture(id);
}
