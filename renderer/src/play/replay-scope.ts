import { captureNumber } from '../../../shared/contract/index.js';
import type { AppState } from '../store/app-store.js';
import { rowView } from '../store/row-view.js';

/** What window Replay re-sends: the imported captures, the selected one, or every capture the table shows. */
export type ReplayScope = 'imported' | 'selected' | 'shown';

export interface ScopeChoice {
  scope: ReplayScope;
  label: string;
  ids: string[];
}

/**
 * The choices with the capture ids each would replay. "Shown" covers a session imported again while its captures
 * were still here (they are not new, so not marked imported): problem 2 of issue 23.
 */
export function replayScopes(state: Pick<AppState, 'list' | 'filter' | 'selectedId'>): ScopeChoice[] {
  const view = rowView(state.list, state.filter);
  const shown: string[] = [];
  const imported: string[] = [];
  for (let i = 0; i < view.length; i++) {
    const row = view.at(i);
    if (!row) continue;
    shown.push(row.summary.id);
    if (row.summary.imported) imported.push(row.summary.id);
  }
  const choices: ScopeChoice[] = [
    { scope: 'imported', label: `Imported captures (${imported.length})`, ids: imported },
  ];
  const selected = state.selectedId !== null ? state.list.rows[state.list.index.get(state.selectedId) ?? -1] : null;
  if (selected)
    choices.push({
      scope: 'selected',
      label: `The selected capture (#${captureNumber(selected.summary)})`,
      ids: [selected.summary.id],
    });
  choices.push({ scope: 'shown', label: `Every capture in the table (${shown.length})`, ids: shown });
  return choices;
}

/** The imported ones when there are any, else the selected one, else all that are shown. */
export function defaultScope(choices: readonly ScopeChoice[]): ReplayScope {
  return (
    (choices.find((c) => c.ids.length > 0 && c.scope !== 'shown') ?? choices[choices.length - 1])?.scope ?? 'shown'
  );
}
