import type { Capture } from '../../../shared/contract/index.js';
import { ControlApiError } from '../api/control-client.js';
import { commandInfo, defaultsFor } from '../lib/protocol.js';
import { seedAnswerFields } from './answer-field-draft.js';
import { getState, setState } from './app-store.js';
import { client } from './client-ref.js';
import { type DecisionDraft, decisionFor, emptyDraft } from './decision-draft.js';
import { errorText, notify } from './notices.js';
import { rowView } from './row-view.js';

let fetchToken = 0;

/**
 * Draft prefilled for this capture: dialect-correct deny code/message, and the command's answer fields from the
 * catalogue, each starting from the request's own value (none of them sent until asked for).
 */
export function draftFor(capture: Capture): DecisionDraft {
  const defaults = defaultsFor(capture.dialect);
  const draft = emptyDraft();
  draft.code = String(defaults.denyCode);
  draft.message = defaults.denyMessage;
  draft.targetCode = String(defaults.denyCode);
  draft.answerFields = seedAnswerFields(commandInfo(capture)?.answer ?? [], capture.request.body);
  return draft;
}

/** Selects a row and loads its full capture; the draft is reset only when the selection really changes. */
export function selectCapture(id: string | null): void {
  const state = getState();
  if (state.selectedId === id) return;
  setState({ selectedId: id, selected: null, sendError: null, draft: emptyDraft(), sidePanel: 'details' });
  if (id !== null) void loadSelected(id, true);
}

/** The selected capture changed in the engine (answered, timed out): fetch its bodies again. */
export function refreshSelected(): void {
  const id = getState().selectedId;
  if (id !== null) void loadSelected(id, false);
}

async function loadSelected(id: string, resetDraft: boolean): Promise<void> {
  const token = ++fetchToken;
  try {
    const capture = await client().getCapture(id);
    if (token !== fetchToken || getState().selectedId !== id) return;
    setState(resetDraft ? { selected: capture, draft: draftFor(capture) } : { selected: capture });
  } catch (error) {
    if (token !== fetchToken) return;
    if (error instanceof ControlApiError && error.status === 404) setState({ selected: null });
    else notify('error', `Could not load capture: ${errorText(error)}`);
  }
}

/** J/K: move within the visible (filtered) rows. */
export function moveSelection(delta: number): void {
  const { list, filter, selectedId } = getState();
  const rows = rowView(list, filter);
  if (rows.length === 0) return;
  const current = selectedId === null ? -1 : rows.indexOf(selectedId);
  const start = current === -1 ? (delta > 0 ? -1 : rows.length) : current;
  const next = Math.min(rows.length - 1, Math.max(0, start + delta));
  const row = rows.at(next);
  if (row) {
    if (getState().followNewest && next !== rows.length - 1) setState({ followNewest: false });
    selectCapture(row.summary.id);
  }
}

/** Home/End: the first or last visible row; the last turns following back on (it is the newest). */
export function selectEdge(edge: 'first' | 'last'): void {
  const { list, filter } = getState();
  const rows = rowView(list, filter);
  const row = edge === 'first' ? rows.at(0) : rows.at(rows.length - 1);
  if (!row) return;
  setState({ followNewest: edge === 'last' });
  selectCapture(row.summary.id);
}

export function updateDraft(patch: Partial<DecisionDraft>): void {
  setState({ draft: { ...getState().draft, ...patch }, sendError: null });
}

/** Sends the drafted answer for the selected held request. */
export async function sendAnswer(): Promise<void> {
  const { selected, draft, list } = getState();
  // With the exact-answer editor open, the structured answer behind it must not go out by a stray Enter.
  if (!selected || draft.raw) return;
  const row = list.rows[list.index.get(selected.id) ?? -1];
  if ((row?.summary.state ?? selected.state) !== 'held') {
    setState({ sendError: 'This request is no longer held: already answered (timeout?)' });
    return;
  }
  const built = decisionFor(selected, draft);
  if (!built.ok) {
    setState({ sendError: built.error });
    return;
  }
  try {
    await client().decide(selected.id, built.decision);
    setState({ sendError: null });
    refreshSelected();
  } catch (error) {
    const text =
      error instanceof ControlApiError && error.status === 409
        ? 'Already answered (timeout?): the request was no longer held.'
        : `Could not send the answer: ${errorText(error)}`;
    setState({ sendError: text });
    refreshSelected();
  }
}
