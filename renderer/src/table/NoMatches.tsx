import { setState, useApp } from '../store/app-store.js';
import { NO_FILTER } from '../store/capture-list.js';

/** The filter hides every capture: say so, with the way back, instead of an empty grid. */
export function NoMatches() {
  const filter = useApp((s) => s.filter);
  const total = useApp((s) => s.list.rows.length);
  const parts = [
    filter.text.trim() !== '' ? `text “${filter.text.trim()}”` : '',
    filter.command !== '' ? `command ${filter.command}` : '',
    filter.state !== '' ? `state ${filter.state}` : '',
  ].filter((p) => p !== '');
  return (
    <div className="no-matches" role="status">
      <p>
        No captures match the filter ({parts.join(', ')}); {total.toLocaleString()} capture{total === 1 ? '' : 's'}{' '}
        hidden.
      </p>
      <button type="button" onClick={() => setState({ filter: NO_FILTER })}>
        Clear filter
      </button>
    </div>
  );
}
